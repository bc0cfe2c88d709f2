namespace Mentoring.Matching.Tests;

/// <summary>What every non-infeasible result must satisfy, checked against the reference rules.</summary>
internal static class ResultChecks
{
    /// <summary>
    /// Every pair passes every rule with the reference's score and an explanation that adds up;
    /// capacities and pins hold; each mentee appears once; every unmatched mentee's reason is true.
    /// </summary>
    public static void AssertValid(MatchingResult result, ReferenceMatcher reference)
    {
        AssertAssignment(result, reference);
        AssertUnmatchedReasons(result, reference);
    }

    /// <summary>
    /// Every pair passes every rule with the reference's score and explanation; capacities, pins and
    /// cohort rules hold; each mentee appears once; the pairs marked kept are exactly the current ones.
    /// </summary>
    public static void AssertAssignment(MatchingResult result, ReferenceMatcher reference)
    {
        var pins = reference.Policy.PinnedPairs.ToDictionary(p => p.MenteeId, p => p.MentorId, StringComparer.Ordinal);
        var load = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in result.Pairs)
        {
            var mentee = reference.Person(pair.MenteeId);
            var mentor = reference.Person(pair.MentorId);
            Assert.True(mentee.Role == ParticipantRole.Mentee, $"{pair.MenteeId} is not a mentee");
            Assert.True(mentor.Role == ParticipantRole.Mentor, $"{pair.MentorId} is not a mentor");
            var broken = reference.BrokenRules(mentee, mentor);
            Assert.True(broken.Count == 0, $"pair ({pair.MenteeId}, {pair.MentorId}) breaks {string.Join(", ", broken)}");
            Assert.True(reference.Score(mentee, mentor) == pair.Score, $"pair ({pair.MenteeId}, {pair.MentorId}) scores {pair.Score}, the contract says {reference.Score(mentee, mentor)}");
            AssertExplanation(pair, reference);
            Assert.True(pins.TryGetValue(pair.MenteeId, out var pinnedMentor) ? pinnedMentor == pair.MentorId && pair.Pinned : !pair.Pinned,
                $"pair ({pair.MenteeId}, {pair.MentorId}) has Pinned={pair.Pinned} against the policy's pins");
            Assert.True(reference.IsCurrent(mentee, mentor) == pair.Kept, $"pair ({pair.MenteeId}, {pair.MentorId}) has Kept={pair.Kept} against the policy's current pairs");
            load[pair.MentorId] = load.GetValueOrDefault(pair.MentorId) + 1;
        }

        var brokenCohortRules = reference.BrokenCohortRules(result.Pairs.Select(p => (reference.Person(p.MenteeId), reference.Person(p.MentorId))).ToArray());
        Assert.True(brokenCohortRules.Count == 0, $"the assignment breaks {string.Join(", ", brokenCohortRules)}");
        Assert.Equal(result.Pairs.Count(p => p.Kept), result.Kept);

        foreach (var (mentorId, count) in load)
        {
            Assert.True(count <= reference.Person(mentorId).Capacity, $"mentor {mentorId} has {count} mentees, capacity {reference.Person(mentorId).Capacity}");
        }

        foreach (var (menteeId, mentorId) in pins)
        {
            Assert.Contains(result.Pairs, p => p.MenteeId == menteeId && p.MentorId == mentorId);
        }

        var listed = result.Pairs.Select(p => p.MenteeId).Concat(result.Unmatched.Select(u => u.MenteeId)).ToArray();
        Assert.Equal(reference.Mentees.Select(m => m.Id).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(result.Pairs.Select(p => p.MenteeId).Order(StringComparer.Ordinal), result.Pairs.Select(p => p.MenteeId));
        Assert.Equal(result.Unmatched.Select(p => p.MenteeId).Order(StringComparer.Ordinal), result.Unmatched.Select(p => p.MenteeId));
        Assert.Equal(result.Pairs.Count, result.Matched);
        Assert.Equal(result.Pairs.Sum(p => (long)p.Score), result.Total);
    }

    /// <summary>The differences, shared values, shared slots and score parts of a pair, recomputed and summed.</summary>
    public static void AssertExplanation(MatchedPair pair, ReferenceMatcher reference)
    {
        var mentee = reference.Person(pair.MenteeId);
        var mentor = reference.Person(pair.MentorId);
        var explanation = pair.Explanation;
        var expectedDifferences = reference.Policy.Dimensions
            .Where(d => ReferenceMatcher.Differ(mentee, mentor, d.Key))
            .Select(d => (ReferenceMatcher.Norm(d.Key), d.Value))
            .ToArray();
        Assert.Equal(expectedDifferences, explanation.Differences.Select(d => (ReferenceMatcher.Norm(d.Dimension), d.Weight)).ToArray());
        var shared = ReferenceMatcher.SlotSet(mentee).Intersect(ReferenceMatcher.SlotSet(mentor)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(shared, explanation.SharedSlots.Select(ReferenceMatcher.Norm).Order(StringComparer.Ordinal).ToArray());
        var expectedLikeness = reference.Policy.Similarities
            .Select(s => (Column: ReferenceMatcher.Norm(s.Key), Weight: s.Value, Values: ReferenceMatcher.SharedValues(mentee, mentor, s.Key).Order(StringComparer.Ordinal).ToArray()))
            .Where(s => s.Values.Length > 0)
            .Select(s => $"{s.Column}×{s.Weight}: {string.Join(';', s.Values)}")
            .ToArray();
        var likeness = explanation.Similarities
            .Select(s => $"{ReferenceMatcher.Norm(s.Column)}×{s.Weight}: {string.Join(';', s.Values.Select(ReferenceMatcher.Norm).Order(StringComparer.Ordinal))}")
            .ToArray();
        Assert.Equal(expectedLikeness, likeness);
        Assert.Equal(explanation.Differences.Sum(d => d.Weight), explanation.DimensionScore);
        Assert.Equal(explanation.Similarities.Sum(s => s.Weight * s.Values.Count), explanation.SimilarityScore);
        Assert.Equal(reference.Policy.SharedSlotWeight * explanation.SharedSlots.Count, explanation.SlotScore);
        Assert.Equal(explanation.DimensionScore + explanation.SimilarityScore + explanation.SlotScore, pair.Score);
    }

    /// <summary>
    /// An unmatched mentee either has no feasible mentor with room after the pins, or every feasible
    /// mentor is full: otherwise adding the pair would match one more mentee, which beats anything else.
    /// Only a cohort rule can leave one out beside a free feasible mentor, and the reason then says so.
    /// </summary>
    public static void AssertUnmatchedReasons(MatchingResult result, ReferenceMatcher reference)
    {
        var load = result.Pairs.GroupBy(p => p.MentorId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var pinLoad = reference.Policy.PinnedPairs.GroupBy(p => p.MentorId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var unmatched in result.Unmatched)
        {
            var mentee = reference.Person(unmatched.MenteeId);
            var feasible = reference.Mentors
                .Where(m => m.Capacity - pinLoad.GetValueOrDefault(m.Id) > 0 && reference.Feasible(mentee, m))
                .ToArray();
            Assert.True(feasible.Length == unmatched.FeasibleMentors, $"{unmatched.MenteeId}: {unmatched.FeasibleMentors} feasible mentors reported, {feasible.Length} by the contract");
            if (feasible.Length == 0)
            {
                Assert.True(unmatched.Reason == UnmatchedReason.NoFeasibleMentor, $"{unmatched.MenteeId} has no feasible mentor but the reason is {unmatched.Reason}");
                var (rule, removed) = LastRuleStanding(reference, mentee, pinLoad);
                Assert.True(unmatched.Rule == rule, $"{unmatched.MenteeId}: rule {unmatched.Rule} reported, {rule} by the contract");
                if (reference.Mentors.Count > 0)
                {
                    Assert.Contains($"removed the last {removed} candidate", unmatched.Explanation, StringComparison.Ordinal);
                }
            }
            else
            {
                var free = feasible.Where(m => load.GetValueOrDefault(m.Id) < m.Capacity).Select(m => m.Id).ToArray();
                var expected = free.Length == 0 ? UnmatchedReason.MentorsNeededByOthers : UnmatchedReason.MentorsNeededByCohortRules;
                Assert.True(unmatched.Reason == expected, $"{unmatched.MenteeId} has {feasible.Length} feasible mentors, {free.Length} with room, but the reason is {unmatched.Reason}: {unmatched.Explanation}");
                Assert.True(free.Length == 0 || reference.Policy.HasCohortRules, $"{unmatched.MenteeId} is unmatched while feasible mentors {string.Join(", ", free)} have room");
            }

            Assert.False(string.IsNullOrWhiteSpace(unmatched.Explanation));
        }
    }

    /// <summary>
    /// The rules applied one at a time in the engine's documented order, written naively: each mentor's
    /// first broken rule (capacity left after pins first), the last of those, and how many it removed.
    /// </summary>
    private static (PairRule Rule, int Removed) LastRuleStanding(ReferenceMatcher reference, Person mentee, Dictionary<string, int> pinLoad)
    {
        string[] order = ["capacity", "forbiddenPairs", "minGradeGap", "lineManagement", "forbidSameDepartment", "minSharedSlots", "requireSame", "requireDifferent", "minDifferences"];
        var first = reference.Mentors.Select(mentor => mentor.Capacity - pinLoad.GetValueOrDefault(mentor.Id) <= 0
            ? 0
            : reference.BrokenRules(mentee, mentor).Select(r => Array.IndexOf(order, r)).Min()).ToArray();
        var last = first.DefaultIfEmpty(0).Max();
        return (Enum.Parse<PairRule>(order[last], ignoreCase: true), first.Count(f => f == last));
    }
}
