using Dapper;
using Mentoring.Matching.Api.Storage;

namespace Mentoring.Matching.Api.Audit;

/// <summary>Reads the audit trail a page at a time, by id (keyset paging: a page never shifts as entries are appended).</summary>
internal sealed class AuditStore(Db db)
{
    /// <summary>Up to <paramref name="limit"/> entries after id <paramref name="after"/>, of one cohort or all.</summary>
    public async Task<AuditPage> PageAsync(long? cohortId, long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);

        // One row more than the page tells whether another page follows.
        var rows = (await connection.QueryAsync<AuditRow>(new CommandDefinition(
            """
            SELECT id, at, actor, action, cohort_id, subject_id, detail FROM audit
            WHERE id > @after AND (@cohortId IS NULL OR cohort_id = @cohortId)
            ORDER BY id LIMIT @take
            """,
            new { after, cohortId, take = limit + 1 },
            cancellationToken: cancellationToken))).ToArray();
        var items = rows.Take(limit).Select(r => new AuditEntry(r.Id, DbText.ReadTime(r.At), r.Actor, r.Action, r.CohortId, r.SubjectId, r.Detail)).ToArray();
        return new AuditPage(items, rows.Length > limit ? items[^1].Id : null);
    }

    private sealed class AuditRow
    {
        public long Id { get; init; }

        public string At { get; init; } = "";

        public string Actor { get; init; } = "";

        public string Action { get; init; } = "";

        public long? CohortId { get; init; }

        public string? SubjectId { get; init; }

        public string Detail { get; init; } = "";
    }
}
