using Mentoring.Matching.Engine;
using Xunit.Abstractions;

namespace Mentoring.Matching.Tests;

/// <summary>
/// Pools of hundreds, too big for brute force: the engine, with either solver, must reach the
/// optimum of OR-Tools solving every feasible pair at once, the pairs listed by the naive
/// reference rules. Here pricing runs for several rounds and many prices move between them.
/// </summary>
public sealed class LargeInstanceTests(ITestOutputHelper output)
{
    public static TheoryData<int, FlowSolver> Cases() => EverySolver.With(Enumerable.Range(1, 10));

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_engine_reaches_the_optimum_over_every_feasible_pair(int seed, FlowSolver solver)
    {
        var instance = RandomInstances.Contested(seed);
        var policy = instance.Policy;
        output.WriteLine(instance.Describe());

        var result = Matcher.Solve(MatchingProblem.Create(instance.Roster, policy), MatchingOptions.Default with { Solver = solver });

        output.WriteLine($"{result.Matched} matched, total {result.Total}, {result.Facts.PricingRounds} rounds, {result.Facts.CandidatePairs} candidates");
        Assert.Equal(MatchStatus.Optimal, result.Status);
        var reference = new ReferenceMatcher(instance.Roster, policy);
        ResultChecks.AssertValid(result, reference);
        Assert.Equal(AllPairsOptimum(reference), (result.Matched, result.Total));
    }

    /// <summary>Most matched, then highest total, over every feasible pair at once.</summary>
    private static (int Matched, long Total) AllPairsOptimum(ReferenceMatcher reference)
    {
        var mentors = reference.Mentors;
        var arcs = new CandidateArcs();
        for (var i = 0; i < reference.Mentees.Count; i++)
        {
            for (var j = 0; j < mentors.Count; j++)
            {
                if (mentors[j].Capacity > 0 && reference.ScoreIfFeasible(reference.Mentees[i], mentors[j]) is { } score)
                {
                    arcs.Add(i, j, score);
                }
            }
        }

        var capacity = mentors.Select(m => Math.Min(m.Capacity, reference.Mentees.Count)).ToArray();
        var maxScore = Math.Max(1, arcs.Count == 0 ? 0 : arcs.Score.ToArray().Max());
        var chosen = new OrToolsFlowSolver().Start(reference.Mentees.Count, capacity, PairProfit.MatchOnly(((long)reference.Mentees.Count * maxScore) + 1))
            .Solve(arcs, CancellationToken.None).Chosen;
        var matched = chosen.Count(a => a >= 0);
        return (matched, chosen.Where(a => a >= 0).Sum(a => (long)arcs.Score[a]));
    }
}
