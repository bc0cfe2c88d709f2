namespace Mentoring.Matching.Tests;

/// <summary>
/// "No feasible mentor" explanations are counted in bulk (by grade, department and slot-sharing bucket, with the
/// mentee's forbidden pairs and reporting line corrected one by one); these pools, where most mentees have no
/// feasible mentor and every rule can be the last one standing, check each count against trying every mentor.
/// </summary>
public sealed class UnmatchedExplanationTests
{
    [Fact]
    public void Each_rule_count_and_reason_is_that_of_trying_every_mentor()
    {
        var failures = new List<string>();
        var lastRules = new HashSet<PairRule>();
        foreach (var seed in Enumerable.Range(1, 150))
        {
            var instance = RandomInstances.Scarce(seed);
            var result = Matcher.Solve(MatchingProblem.Create(instance.Roster, instance.Policy));
            var reference = new ReferenceMatcher(instance.Roster, instance.Policy);
            try
            {
                ResultChecks.AssertUnmatchedReasons(result, reference);
                foreach (var unmatched in result.Unmatched.Where(u => u.Reason == UnmatchedReason.NoFeasibleMentor))
                {
                    lastRules.Add(unmatched.Rule!.Value);
                    if (unmatched.Rule == PairRule.ForbiddenPairs)
                    {
                        AssertQuotesFirstReason(unmatched, instance.Policy, reference);
                    }
                }
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add($"scarce seed {seed}: {e.Message.ReplaceLineEndings(" ")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
        // The family must reach every rule a mentee's pool can end on, or the counts above test less than they claim.
        PairRule[] reachable = [PairRule.Capacity, PairRule.ForbiddenPairs, PairRule.MinGradeGap, PairRule.LineManagement, PairRule.ForbidSameDepartment, PairRule.MinSharedSlots, PairRule.RequireDifferent, PairRule.MinDifferences];
        Assert.Empty(reachable.Except(lastRules));
    }

    /// <summary>When forbidden pairs removed the last candidates, the first reason quoted is that of the lowest-ranked such mentor in roster order.</summary>
    private static void AssertQuotesFirstReason(UnmatchedMentee unmatched, MatchingPolicy policy, ReferenceMatcher reference)
    {
        var mentorOrder = reference.Mentors.Select((m, i) => (m.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var first = policy.ForbiddenPairs
            .Where(p => p.MenteeId == unmatched.MenteeId && p.Reason is not null && reference.Mentors[mentorOrder[p.MentorId]].Capacity > 0)
            .OrderBy(p => mentorOrder[p.MentorId])
            .Select(p => p.Reason)
            .FirstOrDefault();
        if (first is not null)
        {
            Assert.Contains($"({first}", unmatched.Explanation, StringComparison.Ordinal);
        }
    }
}
