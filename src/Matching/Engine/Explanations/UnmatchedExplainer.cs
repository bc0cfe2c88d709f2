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

    public UnmatchedMentee Explain(int mentee, string menteeId)
    {
        var feasibleMentors = 0;
        var freeMentor = false;
        var cursor = index.Cursor(mentee);
        while (cursor.MoveNext(-1))
        {
            feasibleMentors++;
            // The load counts pinned mentees too, so it is compared with the capacity before pins.
            freeMentor |= _load[cursor.Mentor] < _problem.MentorCapacity[cursor.Mentor];
        }

        if (freeMentor)
        {
            // Only a cohort rule can leave a mentee out beside a free feasible mentor.
            return policy.HasCohortRules
                ? new UnmatchedMentee(menteeId, UnmatchedReason.MentorsNeededByCohortRules, null, feasibleMentors,
                    $"pairing them with any of their {feasibleMentors} feasible mentor{(feasibleMentors == 1 ? "" : "s")} would break a cohort rule (minCoverage, maxPairsPerMentorDepartment) or match fewer mentees under them")
                : throw new InvalidOperationException($"Mentee {mentee} is unmatched beside a free feasible mentor.");
        }

        if (feasibleMentors == 0)
        {
            var (rule, removed, reasons) = LastRuleStanding(mentee);
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

    /// <summary>
    /// Applying the rules one at a time in <see cref="PairRule"/> order, the one that empties the field
    /// is the latest of the mentors' first broken rules, and it removes the mentors whose first broken
    /// rule it is: one pass over the mentors, in their own order so that memory is read in sequence.
    /// A mentor who passes the person rules (department, reporting line, forbidden pairs) and the grade
    /// gap breaks first whatever rule its bucket's shared slots and attribute profile break, found once
    /// a bucket; only mentors a person rule bars need every rule tried. The reasons are those given for the
    /// forbidden pairs, distinct, in mentor order, when forbidden pairs are the last rule.
    /// </summary>
    private (PairRule Rule, int Removed, IReadOnlyList<string> Reasons) LastRuleStanding(int mentee)
    {
        var reasons = new List<string>();
        var broken = new int[CompiledProblem.RulesInOrder.Count];
        var bucketRule = new sbyte[index.BucketCount]; // a rule + 1; 0 while not yet known
        var maxMentorGrade = _problem.MenteeGrade(mentee) - _problem.MinGradeGap;
        for (var mentor = 0; mentor < _problem.MentorCount; mentor++)
        {
            PairRule rule;
            if (remainingCapacity[mentor] <= 0)
            {
                rule = PairRule.Capacity;
            }
            else if (!_problem.PassesPersonRules(mentee, mentor))
            {
                rule = FirstBrokenRule(mentee, mentor);
            }
            else if (_problem.MentorGrade(mentor) > maxMentorGrade)
            {
                rule = PairRule.MinGradeGap;
            }
            else
            {
                var bucket = index.BucketOf(mentor);
                if (bucketRule[bucket] == 0)
                {
                    bucketRule[bucket] = (sbyte)(FirstBrokenRule(mentee, mentor) + 1);
                }

                rule = (PairRule)(bucketRule[bucket] - 1);
            }

            broken[(int)rule]++;
            if (rule == PairRule.ForbiddenPairs && _problem.ForbiddenReason(mentee, mentor) is { } reason && !reasons.Contains(reason))
            {
                reasons.Add(reason);
            }
        }

        var last = Array.FindLastIndex(broken, count => count > 0);
        return last < 0
            ? (PairRule.Capacity, 0, [])
            : ((PairRule)last, broken[last], (PairRule)last == PairRule.ForbiddenPairs ? reasons : []);
    }

    /// <summary>The forbidden pairs' reasons as the end of an explanation: "(paired in cohort 2025; …)", or nothing.</summary>
    private static string Quote(IReadOnlyList<string> reasons) => reasons.Count switch
    {
        0 => "",
        <= MaxReasonsQuoted => $" ({string.Join("; ", reasons)})",
        _ => $" ({string.Join("; ", reasons.Take(MaxReasonsQuoted))}; and {reasons.Count - MaxReasonsQuoted} more)",
    };

    private PairRule FirstBrokenRule(int mentee, int mentor) =>
        _problem.FirstBrokenRule(mentee, mentor, remainingCapacity)
        ?? throw new InvalidOperationException($"Mentee {mentee} was counted as having no feasible mentor, yet mentor {mentor} breaks no rule.");

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
