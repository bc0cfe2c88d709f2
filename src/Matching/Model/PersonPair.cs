namespace Mentoring.Matching;

/// <summary>A (mentee, mentor) pair named by ids, as used by pinned and forbidden pairs.</summary>
/// <param name="MenteeId">The mentee's id.</param>
/// <param name="MentorId">The mentor's id.</param>
public readonly record struct PersonPair(string MenteeId, string MentorId);
