namespace Mentoring.Matching.Engine;

/// <summary>
/// Why a feasible current pair that the proven optimum does not keep gave way, decided exactly: the
/// best assignment that keeps it (the problem with the pair pinned, solved in full) is compared with
/// the optimum level by level in the contract's order, and the first level where it falls short is
/// the reason; equal at every level is a tie. At most <see cref="MaxExamined"/> pairs per solve are
/// examined, as each costs a solve of its own, and only in problems of at most <see cref="MaxExaminedPairs"/>
/// mentee–mentor pairs (a re-match of a cohort, not a pool of 10^5); the rest get the sentence that is
/// true of them all.
/// </summary>
internal sealed class GaveWayReasons(MatchingProblem problem, MatchingOptions options, CurrentPairs current, int[] mentorOf, AssignmentFigures optimum)
{
    /// <summary>Current pairs per solve whose reason is worked out by a solve of their own; a re-match moves few, a changed policy may move many.</summary>
    public const int MaxExamined = 16;

    /// <summary>
    /// The largest problem (mentees × mentors) in which pairs are examined: each check solves the whole problem
    /// again, and under fairness may list the pairs below a floor, so it is kept to cohorts of a few thousand.
    /// </summary>
    public const long MaxExaminedPairs = 10_000_000;

    private readonly CompiledProblem _compiled = problem.Compiled;
    private readonly bool _fairness = problem.Policy.Objective == MatchingObjective.Fairness;

    /// <summary>The outcome and sentence for the <paramref name="rank"/>-th current pair (from 0) that gave way.</summary>
    public (CurrentPairOutcome Outcome, string Reason) Explain(PersonPair pair, int mentee, int mentor, int rank, CancellationToken cancellationToken)
    {
        var places = Places(pair, mentor);
        if ((long)_compiled.MenteeCount * _compiled.MentorCount > MaxExaminedPairs)
        {
            return (CurrentPairOutcome.GaveWayNotExamined, $"the assignment returned is at least as good in the contract's order as any that keeps it (not examined further: with {_compiled.MenteeCount} mentees and {_compiled.MentorCount} mentors each check would solve the whole pool again){places}");
        }

        if (rank >= MaxExamined)
        {
            return (CurrentPairOutcome.GaveWayNotExamined, $"the assignment returned is at least as good in the contract's order as any that keeps it (not examined further: more than {MaxExamined} current pairs gave way){places}");
        }

        var policy = problem.Policy;
        var keeping = Matcher.Figures(problem.WithPolicy(policy with { PinnedPairs = [.. policy.PinnedPairs, pair] }), options, cancellationToken);
        if (keeping.Status == MatchStatus.Infeasible)
        {
            return (CurrentPairOutcome.GaveWayForCohortRule, $"it gave way so that the cohort rules could be met: no assignment that keeps it meets them{places}");
        }

        if (keeping.Status != MatchStatus.Optimal)
        {
            return (CurrentPairOutcome.GaveWayNotExamined, $"the assignment returned is at least as good in the contract's order as any that keeps it (not examined further: the solve that keeps it stopped before proving its best){places}");
        }

        if (keeping.Matched < optimum.Matched)
        {
            return (CurrentPairOutcome.GaveWayForMoreMatched, $"it gave way so that more mentees could be matched: keeping it, at most {keeping.Matched} could be, not {optimum.Matched}{places}");
        }

        if (keeping.Kept < optimum.Kept)
        {
            return (CurrentPairOutcome.GaveWayToOtherCurrentPairs, $"it gave way so that more current pairs could be kept: keeping it, at most {keeping.Kept} could be, not {optimum.Kept}{places}");
        }

        var total = keeping.Total;
        if (_fairness)
        {
            // Pinned, the pair left the floor; kept in the original problem its score is under it.
            var score = _compiled.Explain(mentee, mentor).Score;
            var pinnedFloor = keeping.MinScore ?? int.MaxValue;
            var floor = Math.Min(pinnedFloor, score);
            var bestFloor = optimum.MinScore ?? int.MaxValue;
            if (floor < bestFloor)
            {
                return (CurrentPairOutcome.GaveWayForBetterScore, $"it gave way for a higher lowest score: keeping it, the lowest score is at most {floor}, not {bestFloor}{places}");
            }

            if (pinnedFloor > score)
            {
                // The pinned solve raised a floor its own score caps: the best total at that cap is a solve of its own.
                total = AtFloor(pair, mentee, score, cancellationToken);
            }
        }

        return total < optimum.Total
            ? (CurrentPairOutcome.GaveWayForBetterScore, $"it gave way for a higher total score: keeping it, the total is at most {total}, not {optimum.Total}{places}")
            : (CurrentPairOutcome.GaveWayInTie, $"keeping it is exactly as good in the contract's order (as many matched and kept, the same scores): the assignment returned is another one as good{places}");
    }

    /// <summary>
    /// The best total of an assignment that keeps the pair, matches and keeps as many as the pinned
    /// optimum did and puts no other unpinned pair below <paramref name="floor"/>: the pairs below it are
    /// forbidden and the total maximised (the pinned optimum has none below it, so matched and kept hold).
    /// </summary>
    private long AtFloor(PersonPair pair, int mentee, int floor, CancellationToken cancellationToken)
    {
        var policy = problem.Policy;
        var pinned = policy.PinnedPairs.Select(p => _compiled.MenteeIndexById[p.MenteeId]).Append(mentee).ToHashSet();
        var below = new List<PersonPair>();
        for (var other = 0; other < _compiled.MenteeCount; other++)
        {
            if (pinned.Contains(other))
            {
                continue;
            }

            for (var mentor = 0; mentor < _compiled.MentorCount; mentor++)
            {
                if (_compiled.FirstBrokenRule(other, mentor, _compiled.MentorCapacity) is null && _compiled.Explain(other, mentor).Score < floor)
                {
                    below.Add(new PersonPair(IdOfMentee(other), IdOfMentor(mentor)));
                }
            }
        }

        var atFloor = policy with
        {
            Objective = MatchingObjective.Total,
            PinnedPairs = [.. policy.PinnedPairs, pair],
            ForbiddenPairs = [.. policy.ForbiddenPairs, .. below],
        };
        return Matcher.Figures(problem.WithPolicy(atFloor), options, cancellationToken).Total;
    }

    /// <summary>When the mentor's places all went to other current pairs, who has them (ids in ordinal order); else nothing.</summary>
    private string Places(PersonPair pair, int mentor)
    {
        var holders = Enumerable.Range(0, mentorOf.Length).Where(k => mentorOf[k] == mentor).ToArray();
        return holders.Length == _compiled.MentorCapacity[mentor] && holders.All(k => current.IsCurrent(k, mentor))
            ? $"; {pair.MentorId}'s places went to other current pairs: {string.Join(", ", holders.Select(IdOfMentee).Order(StringComparer.Ordinal))}"
            : string.Empty;
    }

    private string IdOfMentee(int mentee) => _compiled.Roster.People[_compiled.MenteePeople[mentee]].Id;

    private string IdOfMentor(int mentor) => _compiled.Roster.People[_compiled.MentorPeople[mentor]].Id;
}
