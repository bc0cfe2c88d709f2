namespace Mentoring.Matching.Engine;

/// <summary>Each rule in a coordinator's words, with the policy's own numbers.</summary>
internal static class PairRuleText
{
    public static string Describe(PairRule rule, MatchingPolicy policy) => rule switch
    {
        PairRule.Capacity => "capacity (the mentor takes no more mentees)",
        PairRule.ForbiddenPairs => "forbiddenPairs (the pair is forbidden)",
        PairRule.MinGradeGap => $"minGradeGap (the mentee must be at least {policy.MinGradeGap} grade{(policy.MinGradeGap == 1 ? "" : "s")} above the mentor)",
        PairRule.LineManagement => policy.LineManagement == LineManagementRule.Direct
            ? "lineManagement (one manages the other directly)"
            : "lineManagement (one is in the other's reporting chain)",
        PairRule.ForbidSameDepartment => "forbidSameDepartment (same department)",
        PairRule.MinSharedSlots => $"minSharedSlots (fewer than {policy.MinSharedSlots} shared availability slot{(policy.MinSharedSlots == 1 ? "" : "s")})",
        PairRule.RequireSame => $"requireSame (no shared value in {string.Join(", ", policy.RequireSame)})",
        PairRule.RequireDifferent => $"requireDifferent (not different on {string.Join(", ", policy.RequireDifferent)})",
        PairRule.MinDifferences => $"minDifferences (different on fewer than {policy.MinDifferences} dimension{(policy.MinDifferences == 1 ? "" : "s")})",
        _ => rule.ToString(),
    };
}
