namespace Mentoring.Matching.Api.Participants;

/// <summary>A person as loaded into a cohort: only what matching needs.</summary>
/// <param name="Id">Unique, opaque id (an erased person's is replaced by <c>erased-…</c>).</param>
/// <param name="Name">Display name (empty once erased).</param>
/// <param name="Role"><c>mentee</c>, <c>mentor</c> or <c>none</c> (only in the org chart).</param>
/// <param name="Grade">Seniority; higher is more senior.</param>
/// <param name="Department">Free text.</param>
/// <param name="ManagerId">The line manager's id, or null at the top.</param>
/// <param name="Capacity">Mentors: how many mentees they take.</param>
/// <param name="Availability">Slot tokens such as <c>mon-am</c>.</param>
/// <param name="Attributes">Diversity attribute values by column.</param>
/// <param name="Erased">True once the person's data was erased on request.</param>
/// <param name="Withdrawn">True once the person withdrew from the cohort: they stay in the org chart but take no part.</param>
internal sealed record PersonView(
    string Id,
    string Name,
    string Role,
    int? Grade,
    string Department,
    string? ManagerId,
    int Capacity,
    IReadOnlyList<string> Availability,
    IReadOnlyDictionary<string, string> Attributes,
    bool Erased,
    bool Withdrawn);

/// <summary>
/// A person in a JSON upload (an array of these), the same fields as the contract's people.csv.
/// Field names are matched case-insensitively; an unknown field is an error.
/// </summary>
/// <param name="Id">Unique, non-empty, opaque id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Role"><c>mentee</c>, <c>mentor</c>, or <c>none</c>/empty/null: only in the org chart.</param>
/// <param name="Grade">Integer; required for mentees and mentors.</param>
/// <param name="Department">Free text.</param>
/// <param name="ManagerId">The line manager's id, or null at the top.</param>
/// <param name="Capacity">Mentors only; null means 1.</param>
/// <param name="Availability">Slot tokens, e.g. <c>["mon-am", "thu-pm"]</c> (a <c>;</c>-separated string is also accepted).</param>
/// <param name="Attributes">Diversity attributes, e.g. <c>{ "gender": "Female" }</c>; a key missing for someone counts as unknown.</param>
internal sealed record PersonInput(
    string Id,
    string? Name,
    string? Role,
    int? Grade,
    string? Department,
    string? ManagerId,
    int? Capacity,
    IReadOnlyList<string>? Availability,
    IReadOnlyDictionary<string, string?>? Attributes);

/// <summary>What an upload stored.</summary>
/// <param name="People">Everyone in the org chart, participants or not.</param>
/// <param name="Mentees">Mentees.</param>
/// <param name="Mentors">Mentors.</param>
/// <param name="AttributeColumns">The diversity attribute columns.</param>
internal sealed record PeopleLoaded(int People, int Mentees, int Mentors, IReadOnlyList<string> AttributeColumns);
