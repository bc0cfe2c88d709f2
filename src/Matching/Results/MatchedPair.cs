namespace Mentoring.Matching;

/// <summary>A mentee and the mentor the engine gives them, with the reasons for the score.</summary>
/// <param name="MenteeId">The mentee's id.</param>
/// <param name="MentorId">The mentor's id.</param>
/// <param name="Pinned">True when the policy pinned this pair.</param>
/// <param name="Explanation">What the two differ on and share.</param>
public sealed record MatchedPair(string MenteeId, string MentorId, bool Pinned, PairExplanation Explanation)
{
    /// <summary>The pair's score.</summary>
    public int Score => Explanation.Score;

    /// <summary>v2: true when this pair is one of the policy's current pairs, kept.</summary>
    public bool Kept { get; init; }

    /// <summary>
    /// v2: the best other mentors for this mentee with the optimum each would give, best first, when
    /// <see cref="MatchingOptions.Alternatives"/> asked and the pair is not pinned; else null.
    /// </summary>
    public IReadOnlyList<AlternativeMentor>? Alternatives { get; init; }
}
