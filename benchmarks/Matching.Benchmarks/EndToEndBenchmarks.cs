using System.Globalization;
using BenchmarkDotNet.Attributes;
using Mentoring.Matching.Benchmarks.Population;

namespace Mentoring.Matching.Benchmarks;

/// <summary>What <c>match --people people.csv --policy policy.json</c> does: read both files, solve, write the CSV result.</summary>
[Config(typeof(BenchmarkConfig))]
public class EndToEndBenchmarks
{
    private PoolFiles files = null!;

    /// <summary>Mentees x mentors, from <c>SIZES</c> (default <c>1000x3000 2000x6000</c>).</summary>
    [ParamsSource(typeof(PoolSize), nameof(PoolSize.Configured))]
    public string Size { get; set; } = string.Empty;

    [GlobalSetup]
    public void WritePool()
    {
        var (mentees, mentors) = PoolSize.Parse(Size);
        files = PoolFiles.WriteTemporary(mentees, mentors, "default", PoolSize.Seed);
    }

    [GlobalCleanup]
    public void DeletePool() => files.Delete();

    [Benchmark]
    public string LoadSolveWrite()
    {
        var problem = MatchingProblem.Load(files.People, files.Policy);
        var result = Matcher.Solve(problem);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        MatchingResultCsv.Write(result, writer);
        return writer.ToString();
    }
}
