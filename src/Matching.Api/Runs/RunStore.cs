using System.Globalization;
using System.Text.Json;
using Dapper;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Protection;
using Mentoring.Matching.Api.Storage;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Runs;

/// <summary>
/// Match runs in SQLite: each stored with its whole result as the library writes it, sealed (its explanations quote
/// attribute values); the counts beside it stay in clear.
/// </summary>
internal sealed partial class RunStore(Db db, PersonalData personalData, CurrentInputHashes currentHashes, AuditTrail audit, ILogger<RunStore> logger)
{
    private const string SelectRuns = """
        SELECT r.id, r.cohort_id, r.status, r.input_hash, r.engine_version, r.matched, r.total, r.elapsed_ms, r.result_json, r.created_at,
               (c.published_run_id IS NOT NULL AND c.published_run_id = r.id) AS published
        FROM runs r JOIN cohorts c ON c.id = r.cohort_id
        WHERE r.cohort_id = @cohortId
        """;

    /// <summary>Stores a finished run, with its audit entry, and returns its id.</summary>
    public async Task<long> AddAsync(long cohortId, MatchingResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Sealed before the write lock is taken: a large run's result is costly to encrypt.
        var row = new
        {
            cohortId,
            status = result.Status.ToString(),
            result.Facts.InputHash,
            result.Facts.EngineVersion,
            result.Matched,
            result.Total,
            elapsedMs = (long)result.Facts.Elapsed.TotalMilliseconds,
            json = personalData.Seal(PersonalDataKind.RunResult, MatchingResultJson.ToJson(result)),
            at = DbText.Write(now),
        };
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var runId = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO runs (cohort_id, status, input_hash, engine_version, matched, total, elapsed_ms, result_json, created_at)
                VALUES (@cohortId, @status, @InputHash, @EngineVersion, @Matched, @Total, @elapsedMs, @json, @at)
                RETURNING id
                """,
                row,
                transaction);
            await audit.AppendAsync(connection, transaction, AuditActions.Run, cohortId, runId.ToString(CultureInfo.InvariantCulture), row.status, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogRun(cohortId, runId, result.Status, result.Matched, result.Facts.Elapsed.TotalMilliseconds);
            return runId;
        }
    }

    /// <summary>The cohort's runs, newest first; empty when there are none (the caller checks the cohort exists).</summary>
    public async Task<IReadOnlyList<RunSummary>> ListAsync(long cohortId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var current = await currentHashes.GetAsync(connection, cohortId, cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(SelectRuns + " ORDER BY r.id DESC", new { cohortId });
        return rows.Select(r => new RunSummary(
                r.Id, DbText.ReadTime(r.CreatedAt), r.Status, (int)r.Matched, r.Total, r.InputHash, r.EngineVersion, r.InputHash != current, r.Published))
            .ToArray();
    }

    /// <summary>One run of the cohort, or null.</summary>
    public async Task<RunView?> GetAsync(long cohortId, long runId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(SelectRuns + " AND r.id = @runId", new { cohortId, runId });
        if (row is null)
        {
            return null;
        }

        var current = await currentHashes.GetAsync(connection, cohortId, cancellationToken);
        var result = ReadResult(personalData, row.ResultJson);
        return new RunView(row.Id, row.CohortId, DbText.ReadTime(row.CreatedAt), row.ElapsedMs, row.InputHash != current, row.Published, result, result.Changes());
    }

    /// <summary>A run's stored result, with the run's input hash, or null when the cohort has no such run.</summary>
    public static async Task<(RunResult Result, string InputHash)?> ResultAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalData personalData, long cohortId, long runId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(SelectRuns + " AND r.id = @runId", new { cohortId, runId }, transaction);
        return row is null ? null : (ReadResult(personalData, row.ResultJson), row.InputHash);
    }

    private static RunResult ReadResult(PersonalData personalData, string stored) =>
        JsonSerializer.Deserialize<RunResult>(personalData.Open(PersonalDataKind.RunResult, stored), JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException("A stored run has no result.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Cohort {CohortId} run {RunId}: {Status}, {Matched} matched in {ElapsedMs:F0} ms")]
    private partial void LogRun(long cohortId, long runId, MatchStatus status, int matched, double elapsedMs);

    private sealed class RunRow
    {
        public long Id { get; init; }

        public long CohortId { get; init; }

        public string Status { get; init; } = "";

        public string InputHash { get; init; } = "";

        public string EngineVersion { get; init; } = "";

        public long Matched { get; init; }

        public long Total { get; init; }

        public long ElapsedMs { get; init; }

        public string ResultJson { get; init; } = "";

        public string CreatedAt { get; init; } = "";

        public bool Published { get; init; }
    }
}
