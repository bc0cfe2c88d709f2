namespace Mentoring.Matching.Api.Staff;

/// <summary>A staff key to issue.</summary>
/// <param name="Name">Whose or what it is for, e.g. "EDI analyst 2026"; shown in the list, never in the audit trail.</param>
/// <param name="Role"><c>coordinator</c> (everything) or <c>analyst</c> (anonymised reports only).</param>
internal sealed record IssueStaffKeyRequest(string? Name, string? Role);

/// <summary>A staff key as listed: never its hash.</summary>
/// <param name="Id">The key's id; the audit trail names its actions <c>staff-key:&lt;id&gt;</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Role">Its role.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="CreatedBy">Who issued it (the audit trail's actor).</param>
/// <param name="RevokedAt">When it was revoked, or null while it works.</param>
internal sealed record StaffKeyView(long Id, string Name, string Role, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>A newly issued key: the only time the key itself is shown.</summary>
/// <param name="StaffKey">The key's record.</param>
/// <param name="Key">The key, to send as <c>Authorization: Bearer &lt;key&gt;</c>; only its hash is stored.</param>
internal sealed record IssuedStaffKey(StaffKeyView StaffKey, string Key);

/// <summary>The role and audit actor of a live staff key.</summary>
internal sealed record StaffIdentity(long Id, string Role)
{
    /// <summary>The audit trail's name for the key's actions.</summary>
    public string Actor => StaffKeys.Actor(Id);
}
