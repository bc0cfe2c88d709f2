namespace Mentoring.Matching;

/// <summary>Why a mentee has no mentor.</summary>
public enum UnmatchedReason
{
    /// <summary>No mentor passes every rule with them; <see cref="UnmatchedMentee.Rule"/> removed the last candidates.</summary>
    NoFeasibleMentor,

    /// <summary>
    /// They had feasible mentors, but every one was needed to match as many mentees as possible
    /// (when the result is <see cref="MatchStatus.Optimal"/>; a stopped solve says only that all were taken).
    /// </summary>
    MentorsNeededByOthers,

    /// <summary>v2: they had feasible mentors, but pairing them with any would break a cohort rule or match fewer mentees under the cohort rules.</summary>
    MentorsNeededByCohortRules,
}

/// <summary>A mentee left without a mentor, and why.</summary>
/// <param name="MenteeId">The mentee's id.</param>
/// <param name="Reason">The kind of reason.</param>
/// <param name="Rule">For <see cref="UnmatchedReason.NoFeasibleMentor"/>: the rule that removed the last candidates.</param>
/// <param name="FeasibleMentors">How many mentors with capacity left after the pins pass every rule with this mentee.</param>
/// <param name="Explanation">The reason in a sentence.</param>
public sealed record UnmatchedMentee(string MenteeId, UnmatchedReason Reason, PairRule? Rule, int FeasibleMentors, string Explanation);
