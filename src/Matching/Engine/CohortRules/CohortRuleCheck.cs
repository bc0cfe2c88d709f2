namespace Mentoring.Matching.Engine;

/// <summary>Whether an assignment meets the cohort rules (pins included): the check that lets the flow's optimum stand when they do not bind.</summary>
internal static class CohortRuleCheck
{
    /// <param name="problem">The compiled problem.</param>
    /// <param name="policy">The policy with its cohort rules.</param>
    /// <param name="mentorOf">Each mentee's mentor, pins included, or -1.</param>
    public static bool Holds(CompiledProblem problem, MatchingPolicy policy, int[] mentorOf)
    {
        var dimensions = problem.Dimensions.ToList();
        foreach (var (dimension, minimum) in policy.MinCoverage)
        {
            var d = dimensions.IndexOf(Text.Normalize(dimension));
            var differing = Enumerable.Range(0, mentorOf.Length).Count(k => mentorOf[k] >= 0 && problem.DifferOn(k, mentorOf[k], d));
            if (differing < minimum)
            {
                return false;
            }
        }

        return policy.MaxPairsPerMentorDepartment is not { } most
            || mentorOf.Where(m => m >= 0 && problem.MentorDepartment(m) >= 0).GroupBy(problem.MentorDepartment).All(g => g.Count() <= most);
    }
}
