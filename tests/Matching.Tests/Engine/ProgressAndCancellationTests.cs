namespace Mentoring.Matching.Tests;

/// <summary>A long solve reports each pricing round and stops when asked.</summary>
public sealed class ProgressAndCancellationTests
{
    [Fact]
    public void Every_pricing_round_is_reported_and_the_last_finds_nothing_left_to_improve()
    {
        var rounds = new List<MatchingProgress>();
        var result = Matcher.Solve(TestFiles.LoadExample("default"), new MatchingOptions { Progress = new Recorder(rounds) });

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.Equal(result.Facts.PricingRounds, rounds.Count);
        Assert.Equal(Enumerable.Range(1, rounds.Count), rounds.Select(r => r.Round));
        Assert.Equal(0, rounds[^1].Violations);
        Assert.All(rounds.SkipLast(1), r => Assert.True(r.Violations > 0));
        Assert.True(rounds.Zip(rounds.Skip(1)).All(p => p.First.Candidates <= p.Second.Candidates), "candidates only grow within a search");
    }

    [Fact]
    public void A_cancelled_solve_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Matcher.Solve(TestFiles.LoadExample("default"), cancellationToken: cancellation.Token));
    }

    [Fact]
    public void A_solve_cancelled_from_its_progress_report_stops_before_the_next_round()
    {
        // The fairness objective always needs more than one round: the floor is bisected by further searches.
        using var cancellation = new CancellationTokenSource();
        var rounds = 0;
        var options = new MatchingOptions { Progress = new Recorder(_ => { rounds++; cancellation.Cancel(); }) };

        Assert.ThrowsAny<OperationCanceledException>(() => Matcher.Solve(TestFiles.LoadExample("fairness"), options, cancellation.Token));
        Assert.Equal(1, rounds);
    }

    /// <summary>Records synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Recorder(Action<MatchingProgress> record) : IProgress<MatchingProgress>
    {
        public Recorder(List<MatchingProgress> into)
            : this(into.Add)
        {
        }

        public void Report(MatchingProgress value) => record(value);
    }
}
