using System.Globalization;

namespace Mentoring.Matching.Benchmarks.Population;

/// <summary>Pool sizes written <c>MENTEESxMENTORS</c>, as in the benchmark parameters and <c>SIZES</c> of run.sh.</summary>
internal static class PoolSize
{
    /// <summary>The seed every benchmark pool is drawn from, so runs compare like with like.</summary>
    public const int Seed = 1;

    /// <summary>The sizes to run: the <c>SIZES</c> environment variable (space-separated), else 1k x 3k and 2k x 6k.</summary>
    public static IEnumerable<string> Configured =>
        (Environment.GetEnvironmentVariable("SIZES") is { Length: > 0 } sizes ? sizes : "1000x3000 2000x6000")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static (int Mentees, int Mentors) Parse(string size)
    {
        var parts = size.Split('x');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var mentees)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mentors)
            ? (mentees, mentors)
            : throw new ArgumentException($"size '{size}' is not MENTEESxMENTORS", nameof(size));
    }
}
