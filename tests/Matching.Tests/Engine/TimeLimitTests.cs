using Xunit.Abstractions;

namespace Mentoring.Matching.Tests;

/// <summary>
/// A solve stopped by its time limit must still return a valid assignment, say it is only Feasible,
/// and give a bound no optimum exceeds. The clock is injected and jumps an hour per reading, so the
/// limit always strikes after the first round: nothing here depends on real time.
/// </summary>
public sealed class TimeLimitTests(ITestOutputHelper output)
{
    public static TheoryData<int> Seeds { get; } = new(Enumerable.Range(1, 30));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_stopped_solve_is_valid_and_its_bound_holds_against_the_brute_force_optimum(int seed)
    {
        var instance = RandomInstances.Crowded(seed);
        output.WriteLine(instance.Describe());
        var reference = new ReferenceMatcher(instance.Roster, instance.Policy);
        var optimum = ExhaustiveSearch.ByMentorSlots(reference);

        var result = Matcher.Solve(MatchingProblem.Create(instance.Roster, instance.Policy), new MatchingOptions { TimeLimit = TimeSpan.FromSeconds(1), TimeProvider = new JumpingClock() });

        if (!optimum.AssignmentExists)
        {
            Assert.Equal(MatchStatus.Infeasible, result.Status);
            return;
        }

        ResultChecks.AssertAssignment(result, reference);
        Assert.True(result.Matched <= optimum.Matched, "the stopped solve matched more than the optimum");
        if (result.Status == MatchStatus.Optimal)
        {
            Assert.Null(result.Bound);
            Assert.Equal((optimum.Matched, optimum.Total), (result.Matched, result.Total));
            return;
        }

        Assert.Equal(MatchStatus.Feasible, result.Status);
        var bound = Assert.IsType<ObjectiveBound>(result.Bound);
        Assert.True((bound.Matched, bound.Total).CompareTo((optimum.Matched, optimum.Total)) >= 0,
            $"bound (matched {bound.Matched}, total {bound.Total}) is below the optimum (matched {optimum.Matched}, total {optimum.Total})");
        Assert.True((bound.Matched, bound.Total).CompareTo((result.Matched, result.Total)) >= 0, "the bound is below the returned assignment");
    }

    [Fact]
    public void Some_stopped_solves_are_only_feasible()
    {
        var feasible = Enumerable.Range(1, 30)
            .Select(RandomInstances.Crowded)
            .Select(i => Matcher.Solve(MatchingProblem.Create(i.Roster, i.Policy), new MatchingOptions { TimeLimit = TimeSpan.FromSeconds(1), TimeProvider = new JumpingClock() }))
            .Count(r => r.Status == MatchStatus.Feasible);

        Assert.True(feasible > 0, "no crowded instance was stopped before its proof");
    }

    [Fact]
    public void A_stopped_solve_still_tells_the_truth_about_unmatched_mentees()
    {
        // "Mentors needed by others" must be true even when the proof was cut short: an unmatched
        // mentee beside a free feasible mentor is neither explained truly nor a sensible assignment.
        var failures = new List<string>();
        foreach (var seed in Enumerable.Range(1, 30))
        {
            var instance = RandomInstances.Crowded(seed);
            var result = Matcher.Solve(MatchingProblem.Create(instance.Roster, instance.Policy), new MatchingOptions { TimeLimit = TimeSpan.FromSeconds(1), TimeProvider = new JumpingClock() });
            if (result.Status == MatchStatus.Infeasible)
            {
                continue;
            }

            try
            {
                ResultChecks.AssertUnmatchedReasons(result, new ReferenceMatcher(instance.Roster, instance.Policy));
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add($"crowded seed {seed} ({result.Status}): {e.Message.ReplaceLineEndings(" ")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Progress_reports_each_round_and_the_last_finds_nothing_to_improve()
    {
        var instance = RandomInstances.Crowded(1);
        var reports = new List<MatchingProgress>();

        var result = Matcher.Solve(MatchingProblem.Create(instance.Roster, instance.Policy), new MatchingOptions { Progress = new Collect(reports) });

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.Equal(result.Facts.PricingRounds, reports.Count);
        Assert.Equal(0, reports[^1].Violations);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("crowded")]
    public void The_bound_of_a_stopped_solve_never_claims_more_matches_than_there_are_mentees(string source)
    {
        // The Lagrangian bound only needs each mentee's largest violation; adding every violated pair
        // of a mentee is still an upper bound but can promise more matches than there are people.
        var problems = source == "default"
            ? [TestFiles.LoadExample("default")]
            : Enumerable.Range(1, 30).Select(RandomInstances.Crowded).Select(i => MatchingProblem.Create(i.Roster, i.Policy)).ToArray();
        var failures = new List<string>();
        foreach (var problem in problems)
        {
            var result = Matcher.Solve(problem, new MatchingOptions { TimeLimit = TimeSpan.FromSeconds(1), TimeProvider = new JumpingClock() });
            var capacity = problem.Roster.People.Where(p => p.Role == ParticipantRole.Mentor).Sum(p => p.Capacity);
            if (result.Bound is { } bound && bound.Matched > Math.Min(result.Facts.Mentees, capacity))
            {
                failures.Add($"{source}: bound matched {bound.Matched} (total {bound.Total}) with {result.Facts.Mentees} mentees and capacity {capacity}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_cancelled_solve_stops_with_OperationCanceledException()
    {
        var instance = RandomInstances.Crowded(1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Matcher.Solve(MatchingProblem.Create(instance.Roster, instance.Policy), null, cancelled.Token));
    }

    private sealed class JumpingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerHour);
    }

    private sealed class Collect(List<MatchingProgress> reports) : IProgress<MatchingProgress>
    {
        public void Report(MatchingProgress value) => reports.Add(value);
    }
}
