namespace Mentoring.Matching;

/// <summary>
/// Another mentor a matched mentee could have, with the exact optimum of the whole problem when
/// that pair is pinned: what choosing it would cost the cohort.
/// </summary>
/// <param name="MentorId">The other mentor.</param>
/// <param name="Optimum">The optimum with the mentee pinned to <paramref name="MentorId"/>.</param>
public sealed record AlternativeMentor(string MentorId, AssignmentFigures Optimum);
