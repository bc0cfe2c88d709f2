namespace Mentoring.Matching.Api.Audit;

/// <summary>One entry of the audit trail.</summary>
/// <param name="Id">Its id, increasing: the cursor of the next page.</param>
/// <param name="At">When.</param>
/// <param name="Actor"><c>coordinator</c> (the bootstrap key), <c>staff-key:&lt;id&gt;</c>, or <c>anonymous</c> (failed sign-ins).</param>
/// <param name="Action">What was done, e.g. <c>published</c>.</param>
/// <param name="CohortId">The cohort, or null.</param>
/// <param name="SubjectId">What it was done to: a run, pair, staff key or (pseudonymised once erased) person id; or null.</param>
/// <param name="Detail">A short, non-personal detail.</param>
internal sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, long? CohortId, string? SubjectId, string Detail);

/// <summary>A page of the audit trail, oldest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="Next">The <c>after</c> of the next page, or null when this is the last.</param>
internal sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long? Next);
