namespace Mentoring.Matching.Tests;

/// <summary>Options no solve can honour are refused before any work starts, with the option named.</summary>
public sealed class MatchingOptionsCheckTests
{
    private static readonly MatchingProblem Problem = TestFiles.LoadExample("small-default");

    public static TheoryData<MatchingOptions, string> OutOfRange { get; } = new()
    {
        { new MatchingOptions { Alternatives = -1 }, "options.Alternatives" },
        { new MatchingOptions { Alternatives = MatchingOptions.MaxAlternatives + 1 }, "options.Alternatives" },
        { new MatchingOptions { Alternatives = int.MinValue }, "options.Alternatives" },
        { new MatchingOptions { TimeLimit = TimeSpan.FromTicks(-1) }, "options.TimeLimit" },
        { new MatchingOptions { TimeLimit = TimeSpan.MinValue }, "options.TimeLimit" },
        { new MatchingOptions { Solver = (FlowSolver)(-1) }, "options.Solver" },
        { new MatchingOptions { Solver = Enum.GetValues<FlowSolver>().Max() + 1 }, "options.Solver" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_option_out_of_range_is_named_before_any_round_runs(MatchingOptions options, string named)
    {
        var rounds = new RoundCount();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Matcher.Solve(Problem, options with { Progress = rounds }));

        Assert.Equal(named, error.ParamName);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, rounds.Reports);
    }

    [Fact]
    public void A_missing_clock_is_named()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Matcher.Solve(Problem, new MatchingOptions { TimeProvider = null! }));

        Assert.Equal("options.TimeProvider", error.ParamName);
    }

    [Fact]
    public void No_alternatives_is_allowed()
    {
        var result = Matcher.Solve(Problem, new MatchingOptions { Alternatives = 0 });

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.All(result.Pairs, p => Assert.Null(p.Alternatives));
    }

    [Fact]
    public void The_most_alternatives_the_contract_allows_is_allowed()
    {
        var result = Matcher.Solve(Problem, new MatchingOptions { Alternatives = MatchingOptions.MaxAlternatives });

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.Contains(result.Pairs, p => p.Alternatives is { Count: > 0 });
        Assert.All(result.Pairs, p => Assert.True((p.Alternatives?.Count ?? 0) <= MatchingOptions.MaxAlternatives));
    }

    [Fact]
    public void A_zero_time_limit_is_allowed_and_still_gives_an_assignment()
    {
        var result = Matcher.Solve(Problem, new MatchingOptions { TimeLimit = TimeSpan.Zero });

        Assert.Contains(result.Status, new[] { MatchStatus.Optimal, MatchStatus.Feasible });
        Assert.Equal(result.Status == MatchStatus.Feasible, result.Bound is not null);
        Assert.NotEmpty(result.Pairs);
    }

    /// <summary>Counts progress reports: a solve that ran any round reports at least one.</summary>
    private sealed class RoundCount : IProgress<MatchingProgress>
    {
        public int Reports { get; private set; }

        public void Report(MatchingProgress value) => Reports++;
    }
}
