namespace Mentoring.Matching;

/// <summary>Why a current pair is not in the assignment.</summary>
public enum CurrentPairOutcome
{
    /// <summary>Its mentee or mentor no longer takes part (role now empty, or not a mentee and a mentor).</summary>
    NoLongerTakingPart,

    /// <summary>The pair breaks a pair rule now; <see cref="CurrentPairNotKept.Rule"/> names it.</summary>
    BreaksPairRule,

    /// <summary>It gave way so that more mentees could be matched.</summary>
    GaveWayForMoreMatched,

    /// <summary>It gave way so that a cohort rule could be met.</summary>
    GaveWayForCohortRule,

    /// <summary>The mentee is pinned to another mentor.</summary>
    MenteePinnedElsewhere,

    /// <summary>The solve stopped before proving the assignment best, and this pair was not in the best one found.</summary>
    NotInStoppedSolve,

    /// <summary>It gave way so that more current pairs could be kept, with as many mentees matched.</summary>
    GaveWayToOtherCurrentPairs,

    /// <summary>
    /// It gave way for a higher lowest score (fairness) or a higher total, with as many mentees matched
    /// and current pairs kept.
    /// </summary>
    GaveWayForBetterScore,

    /// <summary>Keeping it is exactly as good in the contract's order: the assignment returned is another one as good.</summary>
    GaveWayInTie,

    /// <summary>
    /// The assignment returned is at least as good in the contract's order as any that keeps it; which
    /// level of the order decided was not worked out (more current pairs gave way than a solve examines,
    /// or the solve that keeps it stopped before proving its best).
    /// </summary>
    GaveWayNotExamined,
}

/// <summary>A current pair the assignment does not keep, and why.</summary>
/// <param name="MenteeId">The mentee's id.</param>
/// <param name="MentorId">The mentor's id.</param>
/// <param name="Outcome">The kind of reason.</param>
/// <param name="Rule">For <see cref="CurrentPairOutcome.BreaksPairRule"/>: the rule it breaks.</param>
/// <param name="Reason">The reason in a sentence.</param>
public sealed record CurrentPairNotKept(string MenteeId, string MentorId, CurrentPairOutcome Outcome, PairRule? Rule, string Reason);
