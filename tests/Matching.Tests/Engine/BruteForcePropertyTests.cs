using Xunit.Abstractions;

namespace Mentoring.Matching.Tests;

/// <summary>
/// The engine against exhaustive search on hundreds of seeded random instances: the same optimum
/// (matched, fairness floor, total), every pair feasible by the contract's own words, capacities and
/// pins held, and Infeasible exactly when the pins cannot hold.
/// </summary>
public sealed class BruteForcePropertyTests(ITestOutputHelper output)
{
    public static TheoryData<int> SmallSeeds { get; } = new(Enumerable.Range(1, 500));

    public static TheoryData<int> MediumSeeds { get; } = new(Enumerable.Range(1, 80));

    public static TheoryData<int> CrowdedSeeds { get; } = new(CrowdedSeedRange);

    private static IEnumerable<int> CrowdedSeedRange => Enumerable.Range(1, 60);

    [Theory]
    [MemberData(nameof(SmallSeeds))]
    public void Small_instances_reach_the_brute_force_optimum(int seed)
    {
        var instance = RandomInstances.Small(seed);
        output.WriteLine(instance.Describe());
        var reference = new ReferenceMatcher(instance.Roster, instance.Policy);
        var optimum = ExhaustiveSearch.Enumerate(reference);

        AssertAgrees(instance, reference, optimum);
    }

    [Theory]
    [MemberData(nameof(SmallSeeds))]
    public void The_table_search_agrees_with_plain_enumeration(int seed)
    {
        // The medium and crowded families are checked with the table search only; this is what makes it trustworthy.
        var instance = RandomInstances.Small(seed);
        output.WriteLine(instance.Describe());
        var reference = new ReferenceMatcher(instance.Roster, instance.Policy);

        Assert.Equal(ExhaustiveSearch.Enumerate(reference), ExhaustiveSearch.ByMentorSlots(reference));
    }

    [Theory]
    [MemberData(nameof(MediumSeeds))]
    public void Medium_instances_reach_the_brute_force_optimum(int seed)
    {
        var instance = RandomInstances.Medium(seed);
        output.WriteLine(instance.Describe());
        var reference = new ReferenceMatcher(instance.Roster, instance.Policy);

        AssertAgrees(instance, reference, ExhaustiveSearch.ByMentorSlots(reference));
    }

    [Theory]
    [MemberData(nameof(CrowdedSeeds))]
    public void Crowded_instances_reach_the_brute_force_optimum(int seed)
    {
        var instance = RandomInstances.Crowded(seed);
        output.WriteLine(instance.Describe());
        var reference = new ReferenceMatcher(instance.Roster, instance.Policy);
        Assert.All(reference.Mentees, m => Assert.True(reference.Mentors.Count(t => t.Capacity > 0 && reference.Feasible(m, t)) > 12, $"{m.Id} has 12 or fewer feasible mentors"));

        AssertAgrees(instance, reference, ExhaustiveSearch.ByMentorSlots(reference));
    }

    [Fact]
    public void Pricing_brings_in_pairs_beyond_the_first_candidates_in_crowded_instances()
    {
        // Each solve makes at least one round; more rounds than solves means pricing added pairs.
        var seeds = CrowdedSeedRange.ToArray();
        var priced = seeds
            .Select(RandomInstances.Crowded)
            .Select(instance => Matcher.Solve(MatchingProblem.Create(instance.Roster, instance.Policy)))
            .Count(result => result.Facts.PricingRounds > result.Facts.Solves);

        // The greedy first candidates settle many crowded instances in one round; at least fifteen
        // of them (all checked against brute force above) must still need pricing to reach the optimum.
        Assert.True(priced >= 15, $"only {priced} of {seeds.Length} crowded instances needed more than one pricing round per solve");
    }

    private static void AssertAgrees(RandomInstance instance, ReferenceMatcher reference, ReferenceOptimum optimum)
    {
        var result = Matcher.Solve(MatchingProblem.Create(instance.Roster, instance.Policy));
        if (!optimum.AssignmentExists)
        {
            Assert.Equal(MatchStatus.Infeasible, result.Status);
            Assert.Contains("pinnedPairs[", result.InfeasibleReason, StringComparison.Ordinal);
            Assert.Empty(result.Pairs);
            return;
        }

        Assert.True(result.Status == MatchStatus.Optimal, $"status {result.Status}: {result.InfeasibleReason}");
        Assert.Null(result.InfeasibleReason);
        ResultChecks.AssertValid(result, reference);
        Assert.Equal(optimum.Matched, result.Matched);
        if (instance.Policy.Objective == MatchingObjective.Fairness)
        {
            Assert.Equal(optimum.MinScore, result.MinScore);
        }

        Assert.Equal(optimum.Total, result.Total);
    }
}
