namespace Mentoring.Matching.Engine;

/// <summary>Says why a mentee has no mentor, in the terms the contract asks for.</summary>
/// <param name="index">The mentor index, for walking a mentee's feasible mentors.</param>
/// <param name="policy">The policy, for naming rules.</param>
/// <param name="remainingCapacity">Each mentor's capacity after pins.</param>
/// <param name="mentorOf">The final assignment (mentor per mentee, or -1).</param>
/// <param name="proven">Whether the assignment is proven optimal: only then is "needed to match as many as possible" a fact.</param>
internal sealed class UnmatchedExplainer(MentorIndex index, MatchingPolicy policy, int[] remainingCapacity, int[] mentorOf, bool proven)
{
    /// <summary>How many distinct forbidden-pair reasons an explanation quotes before it only counts the rest.</summary>
    private const int MaxReasonsQuoted = 3;

    private readonly CompiledProblem _problem = index.Problem;
    private readonly int[] _load = CountLoad(mentorOf, remainingCapacity.Length);

    private readonly Lazy<RuleTally> _tally = new(() => new RuleTally(index, policy));

    public UnmatchedMentee Explain(int mentee, string menteeId)
    {
        // Without cohort rules an unmatched mentee has no free feasible mentor (pairing them would match one more), so
        // counting is enough; with them, the walk also looks for a feasible mentor with room.
        var tally = policy.HasCohortRules ? (RuleTally.Result?)null : _tally.Value.Count(mentee);
        var feasibleMentors = tally?.Feasible ?? 0;
        var freeMentor = false;
        if (tally is null)
        {
            var cursor = index.Cursor(mentee);
            while (cursor.MoveNext(-1))
            {
                feasibleMentors++;
                // The load counts pinned mentees too, so it is compared with the capacity before pins.
                freeMentor |= _load[cursor.Mentor] < _problem.MentorCapacity[cursor.Mentor];
            }
        }

        if (freeMentor)
        {
            // Only a cohort rule can leave a mentee out beside a free feasible mentor.
            return new UnmatchedMentee(menteeId, UnmatchedReason.MentorsNeededByCohortRules, null, feasibleMentors,
                $"pairing them with any of their {feasibleMentors} feasible mentor{(feasibleMentors == 1 ? "" : "s")} would break a cohort rule (minCoverage, maxPairsPerMentorDepartment) or match fewer mentees under them");
        }

        if (feasibleMentors == 0)
        {
            var (_, rule, removed, reasons) = tally ?? _tally.Value.Count(mentee);
            var explanation = _problem.MentorCount == 0
                ? "no feasible mentor: the cohort has no mentors"
                : $"no feasible mentor: {PairRuleText.Describe(rule, policy)} removed the last {removed} candidate{(removed == 1 ? "" : "s")}{Quote(reasons)}";
            return new UnmatchedMentee(menteeId, UnmatchedReason.NoFeasibleMentor, rule, 0, explanation);
        }

        var mentors = feasibleMentors == 1 ? "mentor was" : "mentors were";
        return new UnmatchedMentee(menteeId, UnmatchedReason.MentorsNeededByOthers, null, feasibleMentors, proven
            ? $"all {feasibleMentors} feasible {mentors} needed to match as many mentees as possible"
            : $"all {feasibleMentors} feasible {mentors} taken by other mentees (the solve stopped before proving this assignment best)");
    }

    /// <summary>The forbidden pairs' reasons as the end of an explanation: "(paired in cohort 2025; …)", or nothing.</summary>
    private static string Quote(IReadOnlyList<string> reasons) => reasons.Count switch
    {
        0 => "",
        <= MaxReasonsQuoted => $" ({string.Join("; ", reasons)})",
        _ => $" ({string.Join("; ", reasons.Take(MaxReasonsQuoted))}; and {reasons.Count - MaxReasonsQuoted} more)",
    };

    private static int[] CountLoad(int[] mentorOf, int mentorCount)
    {
        var load = new int[mentorCount];
        foreach (var mentor in mentorOf)
        {
            if (mentor >= 0)
            {
                load[mentor]++;
            }
        }

        return load;
    }
}
