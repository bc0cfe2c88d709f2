using System.Globalization;
using Dapper;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Storage;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Schemes;

/// <summary>Schemes in SQLite, each with its cohorts in the order they were created.</summary>
internal sealed class SchemeStore(Db db, AuditTrail audit)
{
    public async Task<long> CreateAsync(string name, int? mentorCohortLimit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO schemes (name, mentor_cohort_limit, created_at) VALUES (@name, @mentorCohortLimit, @at) RETURNING id",
                new { name, mentorCohortLimit, at = DbText.Write(now) },
                transaction,
                cancellationToken: cancellationToken));
            await audit.AppendAsync(connection, transaction, AuditActions.SchemeCreated, null, id.ToString(CultureInfo.InvariantCulture), "", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return id;
        }
    }

    public async Task<IReadOnlyList<SchemeView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var schemes = await connection.QueryAsync<SchemeRow>(new CommandDefinition(
            "SELECT id, name, mentor_cohort_limit, created_at FROM schemes ORDER BY id", cancellationToken: cancellationToken));
        var cohorts = (await connection.QueryAsync<CohortRow>(new CommandDefinition(
                "SELECT id, scheme_id, name, published_at FROM cohorts WHERE scheme_id IS NOT NULL ORDER BY id", cancellationToken: cancellationToken)))
            .ToLookup(c => c.SchemeId);
        return schemes.Select(s => s.ToView(cohorts[s.Id])).ToArray();
    }

    public async Task<SchemeView?> GetAsync(long schemeId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var scheme = await connection.QuerySingleOrDefaultAsync<SchemeRow>(new CommandDefinition(
            "SELECT id, name, mentor_cohort_limit, created_at FROM schemes WHERE id = @schemeId", new { schemeId }, cancellationToken: cancellationToken));
        if (scheme is null)
        {
            return null;
        }

        var cohorts = await connection.QueryAsync<CohortRow>(new CommandDefinition(
            "SELECT id, scheme_id, name, published_at FROM cohorts WHERE scheme_id = @schemeId ORDER BY id", new { schemeId }, cancellationToken: cancellationToken));
        return scheme.ToView(cohorts);
    }

    /// <summary>Whether the scheme exists, read inside the caller's transaction.</summary>
    public static async Task<bool> ExistsAsync(SqliteConnection connection, SqliteTransaction? transaction, long schemeId) =>
        await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schemes WHERE id = @schemeId", new { schemeId }, transaction) > 0;

    private sealed class SchemeRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public long? MentorCohortLimit { get; init; }

        public string CreatedAt { get; init; } = "";

        public SchemeView ToView(IEnumerable<CohortRow> cohorts) =>
            new(Id, Name, (int?)MentorCohortLimit, DbText.ReadTime(CreatedAt), cohorts.Select(c => c.ToView()).ToArray());
    }

    private sealed class CohortRow
    {
        public long Id { get; init; }

        public long SchemeId { get; init; }

        public string Name { get; init; } = "";

        public string? PublishedAt { get; init; }

        public SchemeCohort ToView() => new(Id, Name, CohortGate.StatusName(PublishedAt));
    }
}
