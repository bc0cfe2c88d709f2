namespace Mentoring.Matching;

/// <summary>A (mentee, mentor) pair named by ids, as used by pinned, forbidden and current pairs.</summary>
/// <param name="MenteeId">The mentee's id.</param>
/// <param name="MentorId">The mentor's id.</param>
public readonly record struct PersonPair(string MenteeId, string MentorId)
{
    /// <summary>v2, forbidden pairs only: why the pair is barred, shown in explanations (null when none was given).</summary>
    public string? Reason { get; init; }
}
