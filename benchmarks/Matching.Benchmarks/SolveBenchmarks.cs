using BenchmarkDotNet.Attributes;
using Mentoring.Matching.Benchmarks.Population;

namespace Mentoring.Matching.Benchmarks;

/// <summary>The solve alone, on a problem built from the in-memory roster before timing starts.</summary>
[Config(typeof(BenchmarkConfig))]
public class SolveBenchmarks
{
    private MatchingProblem problem = null!;

    /// <summary>Mentees x mentors, from <c>SIZES</c> (default <c>1000x3000 2000x6000</c>).</summary>
    [ParamsSource(typeof(PoolSize), nameof(PoolSize.Configured))]
    public string Size { get; set; } = string.Empty;

    [Params("default", "strict", "fairness")]
    public string Policy { get; set; } = string.Empty;

    [GlobalSetup]
    public void PrepareProblem()
    {
        var (mentees, mentors) = PoolSize.Parse(Size);
        var roster = PopulationGenerator.Generate(mentees, mentors, PoolSize.Seed).ToRoster();
        problem = MatchingProblem.Create(roster, BenchmarkPolicies.Get(Policy));
    }

    [Benchmark]
    public MatchingResult Solve() => Matcher.Solve(problem);
}
