using Mentoring.Matching.Engine;
using Xunit.Abstractions;

namespace Mentoring.Matching.Tests;

/// <summary>
/// Contract v2 against plain enumeration on hundreds of seeded random instances: the same status and
/// optimum (matched, kept, fairness floor, total) with set-valued likeness, current pairs and cohort
/// rules; an assignment that is itself feasible and reaches those figures; the reason of each current
/// pair not kept, each against the enumerated best assignment holding it; and, on fewer seeds, every
/// alternative and what-if entry equal to the enumerated optimum of its changed problem.
/// </summary>
public sealed class BruteForceV2PropertyTests(ITestOutputHelper output)
{
    /// <summary>Alternatives asked for per mentee: fewer than most mentees' feasible mentors, so the ranking's cut-off is tested.</summary>
    private const int AlternativesAsked = 3;

    public static TheoryData<int> Seeds { get; } = new(SeedRange);

    public static TheoryData<int> ReviewSeeds { get; } = new(Enumerable.Range(1, 200));

    private static IEnumerable<int> SeedRange => Enumerable.Range(1, 1000);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void V2_instances_reach_the_brute_force_optimum(int seed)
    {
        var instance = RandomInstances.ContractV2(seed);
        output.WriteLine(instance.Describe());
        var reference = new ReferenceMatcher(instance.Roster, instance.Policy);
        var optimum = ExhaustiveSearch.Enumerate(reference);

        var result = Matcher.Solve(MatchingProblem.Create(instance.Roster, instance.Policy));

        if (!optimum.AssignmentExists)
        {
            Assert.Equal(MatchStatus.Infeasible, result.Status);
            Assert.Empty(result.Pairs);
            AssertInfeasibleReason(reference, result.InfeasibleReason);
            return;
        }

        Assert.True(result.Status == MatchStatus.Optimal, $"status {result.Status}: {result.InfeasibleReason}");
        Assert.Null(result.InfeasibleReason);
        ResultChecks.AssertValid(result, reference);
        var fairness = instance.Policy.Objective == MatchingObjective.Fairness;
        Assert.Equal(
            (optimum.Matched, optimum.Kept, fairness ? optimum.MinScore : null, optimum.Total),
            (result.Matched, result.Kept, fairness ? result.MinScore : null, result.Total));
        AssertCurrentPairsNotKept(reference, optimum, result);
    }

    [Theory]
    [MemberData(nameof(ReviewSeeds))]
    public void Alternatives_are_the_brute_force_optima_of_the_pinned_problems(int seed)
    {
        var instance = RandomInstances.ContractV2(seed);
        output.WriteLine(instance.Describe());
        var reference = new ReferenceMatcher(instance.Roster, instance.Policy);

        var result = Matcher.Solve(MatchingProblem.Create(instance.Roster, instance.Policy), new MatchingOptions { Alternatives = AlternativesAsked });

        foreach (var pair in result.Pairs)
        {
            if (pair.Pinned)
            {
                Assert.Null(pair.Alternatives);
                continue;
            }

            var mentee = reference.Person(pair.MenteeId);
            var fairness = instance.Policy.Objective == MatchingObjective.Fairness;
            var expected = reference.Mentors
                .Where(m => m.Id != pair.MentorId && reference.Feasible(mentee, m))
                .Select(m => new AlternativeMentor(m.Id, OptimumWithPin(reference, new PersonPair(mentee.Id, m.Id)).Figures))
                .Where(a => a.Optimum.Status != MatchStatus.Infeasible)
                .OrderByDescending(a => a.Optimum.Matched)
                .ThenByDescending(a => a.Optimum.Kept)
                // No unpinned pair puts no floor on anyone: the best a floor can be.
                .ThenByDescending(a => fairness ? a.Optimum.MinScore ?? int.MaxValue : 0)
                .ThenByDescending(a => a.Optimum.Total)
                .ThenBy(a => a.MentorId, StringComparer.Ordinal)
                .Take(AlternativesAsked)
                .ToArray();
            Assert.NotNull(pair.Alternatives);
            Assert.True(expected.SequenceEqual(pair.Alternatives), $"alternatives of {pair.MenteeId}: expected {string.Join(", ", expected.AsEnumerable())}, got {string.Join(", ", pair.Alternatives)}");
        }
    }

    [Theory]
    [MemberData(nameof(ReviewSeeds))]
    public void What_if_entries_are_the_brute_force_optima_of_the_relaxed_policies(int seed)
    {
        var instance = RandomInstances.ContractV2(seed);
        output.WriteLine(instance.Describe());

        var result = Matcher.Solve(MatchingProblem.Create(instance.Roster, instance.Policy), new MatchingOptions { WhatIf = true });

        var expected = Relaxations(instance.Policy)
            .Select(r => (r.Field, Policy: PolicyJson.ToJson(r.Policy), ExhaustiveSearch.Enumerate(new ReferenceMatcher(instance.Roster, r.Policy)).Figures))
            .ToArray();
        Assert.NotNull(result.WhatIf);
        Assert.Equal(expected, result.WhatIf.Select(w => (w.Field, PolicyJson.ToJson(w.Policy), w.Optimum)).ToArray());
    }

    [Fact]
    public void The_v2_seeds_exercise_every_part_of_the_contract_they_test()
    {
        var instances = SeedRange.Select(RandomInstances.ContractV2).ToArray();
        var optima = instances.Select(i => ExhaustiveSearch.Enumerate(new ReferenceMatcher(i.Roster, i.Policy))).ToArray();
        var withoutCohortRules = instances.Select(i => i.Policy.HasCohortRules
            ? ExhaustiveSearch.Enumerate(new ReferenceMatcher(i.Roster, i.Policy with { MinCoverage = new Dictionary<string, int>(), MaxPairsPerMentorDepartment = null }))
            : null).ToArray();
        var counts = new Dictionary<string, int>
        {
            ["cohort rules that change the optimum"] = optima.Where((o, i) => o.AssignmentExists && withoutCohortRules[i] is { } free && free != o).Count(),
            ["cohort rules no assignment meets"] = optima.Where((o, i) => !o.AssignmentExists && withoutCohortRules[i] is { AssignmentExists: true }).Count(),
            ["pins that cannot hold"] = optima.Where((o, i) => !o.AssignmentExists && withoutCohortRules[i] is null or { AssignmentExists: false }).Count(),
            ["current pairs kept"] = optima.Count(o => o.Kept > 0),
            ["current pairs not all kept"] = optima.Where((o, i) => o.AssignmentExists && o.Kept < instances[i].Policy.CurrentPairs.Count).Count(),
            ["fairness"] = instances.Count(i => i.Policy.Objective == MatchingObjective.Fairness),
            ["requireSame"] = instances.Count(i => i.Policy.RequireSame.Count > 0),
            ["similarity points scored"] = instances.Count(i =>
            {
                var reference = new ReferenceMatcher(i.Roster, i.Policy);
                return reference.Mentees.Any(e => reference.Mentors.Any(t => i.Policy.Similarities.Any(s => s.Value > 0 && ReferenceMatcher.SharedValues(e, t, s.Key).Count > 0)));
            }),
        };
        // The reasons a feasible current pair gave way, as the engine gives them (the theory above checks each against enumeration).
        var outcomes = instances
            .Where((_, i) => optima[i].AssignmentExists)
            .Select(i => Matcher.Solve(MatchingProblem.Create(i.Roster, i.Policy)).CurrentPairsNotKept.Select(n => n.Outcome).ToHashSet())
            .ToArray();
        CurrentPairOutcome[] gaveWay = [CurrentPairOutcome.GaveWayForMoreMatched, CurrentPairOutcome.GaveWayForCohortRule, CurrentPairOutcome.GaveWayToOtherCurrentPairs, CurrentPairOutcome.GaveWayForBetterScore, CurrentPairOutcome.GaveWayInTie];
        var reasons = gaveWay.ToDictionary(o => $"a current pair not kept: {o}", o => outcomes.Count(s => s.Contains(o)));
        output.WriteLine(string.Join('\n', counts.Select(c => $"{c.Key}: {c.Value}")));

        output.WriteLine(string.Join('\n', reasons.Select(c => $"{c.Key}: {c.Value}")));

        // Each part in at least this many seeds, or the theories above would hardly test it.
        const int enough = 10;
        Assert.All(counts, c => Assert.True(c.Value >= enough, $"only {c.Value} of {instances.Length} seeds have {c.Key}"));

        // Each reason a pair gives way for in some seed; fewer kept is rare at random (V2RuleTests has it by hand).
        Assert.All(reasons, c => Assert.True(c.Value >= 1, $"no seed has {c.Key}"));
    }

    /// <summary>
    /// "The reason names the rule, and for minCoverage the most pairs that can differ on that dimension;
    /// for maxPairsPerMentorDepartment the department that the pins alone overfill." The reason must be
    /// one of the true diagnoses.
    /// </summary>
    private static void AssertInfeasibleReason(ReferenceMatcher reference, string? reason)
    {
        Assert.NotNull(reason);
        var policy = reference.Policy;
        var pinnedPeople = policy.PinnedPairs.Select(p => (Mentee: reference.Person(p.MenteeId), Mentor: reference.Person(p.MentorId))).ToArray();
        var pinsHold = pinnedPeople.All(p => reference.Feasible(p.Mentee, p.Mentor))
            && pinnedPeople.GroupBy(p => p.Mentor.Id).All(g => g.Count() <= reference.Person(g.Key).Capacity);
        if (!pinsHold)
        {
            Assert.Contains("pinnedPairs[", reason, StringComparison.Ordinal);
            return;
        }

        Assert.True(policy.HasCohortRules, $"no assignment by the contract, yet the pins hold and there is no cohort rule; the engine says: {reason}");
        var diagnoses = new List<string>();
        foreach (var (dimension, minimum) in policy.MinCoverage)
        {
            var most = MostPairsDiffering(reference, dimension);
            if (most < minimum)
            {
                diagnoses.Add($"minCoverage.{dimension} ({minimum}) cannot hold: at most {most} pair");
            }
        }

        if (policy.MaxPairsPerMentorDepartment is { } limit)
        {
            diagnoses.AddRange(pinnedPeople
                .Where(p => ReferenceMatcher.Norm(p.Mentor.Department).Length > 0)
                .GroupBy(p => ReferenceMatcher.Norm(p.Mentor.Department))
                .Where(g => g.Count() > limit)
                .Select(g => $"maxPairsPerMentorDepartment ({limit}) cannot hold: the pinned pairs alone give {g.Count()} mentees to mentors in department '{g.Key}'"));
        }

        if (diagnoses.Count == 0)
        {
            // Only the rules together leave no assignment: the reason names them.
            diagnoses.Add(policy.MaxPairsPerMentorDepartment is { } cap ? $"maxPairsPerMentorDepartment ({cap})" : "minCoverage");
        }

        Assert.True(diagnoses.Any(d => reason.Contains(d, StringComparison.OrdinalIgnoreCase)), $"the reason '{reason}' is none of: {string.Join(" | ", diagnoses)}");
    }

    /// <summary>The most pairs of any assignment holding the pins that differ on the dimension: the highest minimum an assignment can still meet alone.</summary>
    private static int MostPairsDiffering(ReferenceMatcher reference, string dimension)
    {
        bool Reachable(int minimum) => ExhaustiveSearch.Enumerate(new ReferenceMatcher(
            reference.Roster,
            reference.Policy with { MinCoverage = new Dictionary<string, int> { [dimension] = minimum }, MaxPairsPerMentorDepartment = null })).AssignmentExists;

        var most = 0;
        while (most < reference.Mentees.Count && Reachable(most + 1))
        {
            most++;
        }

        return most;
    }

    /// <summary>
    /// Exactly the current pairs the assignment does not hold are listed, in policy order, and every
    /// reason is true: no longer taking part; the mentee pinned elsewhere; breaking a pair rule now (one
    /// it does break, with the forbidden pair's reason), the pins filling its mentor counting as capacity;
    /// or, feasible, the first level of the contract's order at which the best assignment holding it
    /// (enumerated, the pair under the floor like any unpinned pair) falls short of the optimum: none at
    /// all (cohort rules), matched, kept, then floor or total, and a tie when it falls short at none.
    /// </summary>
    private static void AssertCurrentPairsNotKept(ReferenceMatcher reference, ReferenceOptimum optimum, MatchingResult result)
    {
        var policy = reference.Policy;
        var held = result.Pairs.Select(p => (p.MenteeId, p.MentorId)).ToHashSet();
        Assert.Equal(
            policy.CurrentPairs.Select(c => (c.MenteeId, c.MentorId)).Where(c => !held.Contains(c)),
            result.CurrentPairsNotKept.Select(n => (n.MenteeId, n.MentorId)));
        Assert.True(result.CurrentPairsNotKept.Count <= GaveWayReasons.MaxExamined, "these instances are small enough for every reason to be examined");
        foreach (var notKept in result.CurrentPairsNotKept)
        {
            var mentee = reference.Person(notKept.MenteeId);
            var mentor = reference.Person(notKept.MentorId);
            var described = $"current pair ({notKept.MenteeId}, {notKept.MentorId}): {notKept.Outcome} {notKept.Rule} '{notKept.Reason}'";
            Assert.False(string.IsNullOrWhiteSpace(notKept.Reason), described);
            if (mentee.Role != ParticipantRole.Mentee || mentor.Role != ParticipantRole.Mentor)
            {
                Assert.True(notKept.Outcome == CurrentPairOutcome.NoLongerTakingPart, described);
                continue;
            }

            if (policy.PinnedPairs.Where(p => p.MenteeId == mentee.Id).Select(p => p.MentorId).FirstOrDefault() is { } pinnedTo)
            {
                Assert.True(notKept.Outcome == CurrentPairOutcome.MenteePinnedElsewhere, described);
                Assert.Contains(pinnedTo, notKept.Reason, StringComparison.Ordinal);
                continue;
            }

            // A mentor taking no mentees this cohort (capacity 0), or one the pins fill, bars the pair as truly as a pair rule.
            var pinsFillTheMentor = policy.PinnedPairs.Count(p => p.MentorId == mentor.Id) >= mentor.Capacity;
            var broken = pinsFillTheMentor ? ["capacity", .. reference.BrokenRules(mentee, mentor)] : reference.BrokenRules(mentee, mentor);
            if (broken.Count > 0)
            {
                Assert.True(notKept.Outcome == CurrentPairOutcome.BreaksPairRule, described);
                Assert.True(broken.Contains(notKept.Rule.ToString()!, StringComparer.OrdinalIgnoreCase), $"{described}; it breaks {string.Join(", ", broken)}");
                var forbiddenReason = policy.ForbiddenPairs.Where(f => f.MenteeId == mentee.Id && f.MentorId == mentor.Id).Select(f => f.Reason).FirstOrDefault(r => r is not null);
                if (notKept.Rule == PairRule.ForbiddenPairs && forbiddenReason is not null)
                {
                    Assert.Contains(forbiddenReason, notKept.Reason, StringComparison.Ordinal);
                }

                continue;
            }

            Assert.Null(notKept.Rule);
            var holdingIt = ExhaustiveSearch.Enumerate(reference, new PersonPair(mentee.Id, mentor.Id));
            var fairness = policy.Objective == MatchingObjective.Fairness;
            var expected =
                !holdingIt.AssignmentExists ? CurrentPairOutcome.GaveWayForCohortRule
                : holdingIt.Matched < optimum.Matched ? CurrentPairOutcome.GaveWayForMoreMatched
                : holdingIt.Kept < optimum.Kept ? CurrentPairOutcome.GaveWayToOtherCurrentPairs
                : (fairness && (holdingIt.MinScore ?? int.MaxValue) < (optimum.MinScore ?? int.MaxValue)) || holdingIt.Total < optimum.Total ? CurrentPairOutcome.GaveWayForBetterScore
                : CurrentPairOutcome.GaveWayInTie;
            Assert.True(holdingIt.AssignmentExists || policy.HasCohortRules, $"{described}: holding it leaves no assignment without cohort rules");
            Assert.True(notKept.Outcome == expected, $"{described}: expected {expected}; holding it: {holdingIt}, the optimum: {optimum}");
            AssertPlacesNamedTruly(result, mentor, notKept.Reason, described);
        }
    }

    /// <summary>A reason that says the mentor's places went to other current pairs names exactly the mentees holding all of them, each kept; otherwise it says nothing of them.</summary>
    private static void AssertPlacesNamedTruly(MatchingResult result, Person mentor, string reason, string described)
    {
        var holders = result.Pairs.Where(p => p.MentorId == mentor.Id).ToArray();
        var placesWentToCurrentPairs = holders.Length == mentor.Capacity && holders.All(p => p.Kept);
        const string Named = "places went to other current pairs: ";
        if (placesWentToCurrentPairs)
        {
            Assert.EndsWith(Named + string.Join(", ", holders.Select(p => p.MenteeId).Order(StringComparer.Ordinal)), reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(Named, reason, StringComparison.Ordinal);
        }
    }

    private static ReferenceOptimum OptimumWithPin(ReferenceMatcher reference, PersonPair pin) =>
        ExhaustiveSearch.Enumerate(new ReferenceMatcher(reference.Roster, reference.Policy with { PinnedPairs = [.. reference.Policy.PinnedPairs, pin] }));

    /// <summary>
    /// The contract's one-step relaxations, in its order (list entries in policy order): minDifferences − 1,
    /// each requireDifferent dimension dropped, each requireSame column dropped, minSharedSlots − 1,
    /// minGradeGap − 1 (each of those when ≥ 1), lineManagement chain → direct → off,
    /// forbidSameDepartment → false, each minCoverage entry − 1 (when ≥ 1), maxPairsPerMentorDepartment + 1.
    /// </summary>
    private static IEnumerable<(string Field, MatchingPolicy Policy)> Relaxations(MatchingPolicy policy)
    {
        if (policy.MinDifferences >= 1)
        {
            yield return ("minDifferences", policy with { MinDifferences = policy.MinDifferences - 1 });
        }

        for (var i = 0; i < policy.RequireDifferent.Count; i++)
        {
            yield return ("requireDifferent", policy with { RequireDifferent = [.. policy.RequireDifferent.Where((_, k) => k != i)] });
        }

        for (var i = 0; i < policy.RequireSame.Count; i++)
        {
            yield return ("requireSame", policy with { RequireSame = [.. policy.RequireSame.Where((_, k) => k != i)] });
        }

        if (policy.MinSharedSlots >= 1)
        {
            yield return ("minSharedSlots", policy with { MinSharedSlots = policy.MinSharedSlots - 1 });
        }

        if (policy.MinGradeGap >= 1)
        {
            yield return ("minGradeGap", policy with { MinGradeGap = policy.MinGradeGap - 1 });
        }

        if (policy.LineManagement == LineManagementRule.Chain)
        {
            yield return ("lineManagement", policy with { LineManagement = LineManagementRule.Direct });
        }
        else if (policy.LineManagement == LineManagementRule.Direct)
        {
            yield return ("lineManagement", policy with { LineManagement = LineManagementRule.Off });
        }

        if (policy.ForbidSameDepartment)
        {
            yield return ("forbidSameDepartment", policy with { ForbidSameDepartment = false });
        }

        foreach (var entry in policy.MinCoverage.Where(c => c.Value >= 1))
        {
            var lowered = policy.MinCoverage.ToDictionary(c => c.Key, c => c.Key == entry.Key ? c.Value - 1 : c.Value, StringComparer.Ordinal);
            yield return ("minCoverage", policy with { MinCoverage = lowered });
        }

        if (policy.MaxPairsPerMentorDepartment is { } most)
        {
            yield return ("maxPairsPerMentorDepartment", policy with { MaxPairsPerMentorDepartment = most + 1 });
        }
    }
}
