namespace Mentoring.Matching.Engine;

/// <summary>The time limit and progress reporting of one solve, read off the injected clock.</summary>
internal sealed class SearchLimits(MatchingOptions options)
{
    private readonly long _start = options.TimeProvider.GetTimestamp();

    public TimeSpan Elapsed => options.TimeProvider.GetElapsedTime(_start);

    public bool Expired => options.TimeLimit is { } limit && Elapsed >= limit;

    public void Report(MatchingProgress progress) => options.Progress?.Report(progress);
}
