namespace Mentoring.Matching;

/// <summary>One row of the roster: a participant or someone who is only in the org chart.</summary>
/// <param name="Id">Unique, opaque identifier.</param>
/// <param name="Name">Display name; used only in output.</param>
/// <param name="Role">Mentee, mentor, or none.</param>
/// <param name="Grade">Seniority (higher is more senior); <see langword="null"/> only for non-participants.</param>
/// <param name="Department">Free text; empty matches nothing.</param>
/// <param name="ManagerId">The line manager's <see cref="Id"/>, or <see langword="null"/> at the top.</param>
/// <param name="Capacity">Mentors only: how many mentees they take (0 means none this cohort).</param>
/// <param name="Availability">Slot tokens such as <c>mon-am</c>.</param>
/// <param name="Attributes">Diversity attribute values by column name (case-insensitive keys).</param>
public sealed record Person(
    string Id,
    string Name,
    ParticipantRole Role,
    int? Grade,
    string Department,
    string? ManagerId,
    int Capacity,
    IReadOnlyList<string> Availability,
    IReadOnlyDictionary<string, string> Attributes);
