using System.Globalization;
using Dapper;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Protection;
using Mentoring.Matching.Api.Runs;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Storage;
using Mentoring.Matching.Api.Withdrawals;

namespace Mentoring.Matching.Api.Pairings;

/// <summary>Why a run cannot be published.</summary>
internal enum PublishRefusal
{
    CohortMissing,
    RunMissing,
    AlreadyPublished,
    NotPublishable,
    Stale,
}

/// <summary>Published pairs in SQLite, with their logging credentials stored only as hashes.</summary>
internal sealed partial class PairingStore(Db db, PersonalData personalData, TimeProvider time, AuditTrail audit, ILogger<PairingStore> logger)
{
    /// <summary>
    /// Makes one run's pairs the cohort's pairings, in one transaction; or says why not. On a published cohort the run
    /// is a re-match: pairs it keeps keep their id, credential and sessions, live pairs it moves end as
    /// <c>rematched</c>, and only its new pairs get credentials.
    /// </summary>
    public async Task<(Publication? Publication, PublishRefusal? Refusal, string? Status)> PublishAsync(
        long cohortId, long runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var state = await CohortGate.StateAsync(connection, transaction, cohortId);
            if (state == CohortState.Missing)
            {
                return (null, PublishRefusal.CohortMissing, null);
            }

            var publishedRunId = await connection.ExecuteScalarAsync<long?>(
                "SELECT published_run_id FROM cohorts WHERE id = @cohortId", new { cohortId }, transaction);
            if (publishedRunId == runId)
            {
                return (null, PublishRefusal.AlreadyPublished, null);
            }

            if (await RunStore.ResultAsync(connection, transaction, personalData, cohortId, runId) is not var (result, inputHash))
            {
                return (null, PublishRefusal.RunMissing, null);
            }

            if (result.Status is not (nameof(MatchStatus.Optimal) or nameof(MatchStatus.Feasible)))
            {
                return (null, PublishRefusal.NotPublishable, result.Status);
            }

            // A run older than the pairing in force was made against other pairs, even when the input looks the same again.
            if (runId < publishedRunId || await CohortProblem.CurrentHashAsync(connection, transaction, personalData, cohortId) != inputHash)
            {
                return (null, PublishRefusal.Stale, null);
            }

            var at = DbText.Write(now);
            var live = (await connection.QueryAsync<(long Id, string MenteeId, string MentorId)>(
                    "SELECT id, mentee_id, mentor_id FROM pairs WHERE cohort_id = @cohortId AND ended_at IS NULL ORDER BY id", new { cohortId }, transaction))
                .ToArray();
            var proposed = result.Pairs.Select(p => (p.MenteeId, p.MentorId)).ToHashSet();
            var kept = live.Where(p => proposed.Contains((p.MenteeId, p.MentorId))).ToArray();
            var moved = live.Except(kept).Select(p => p.Id).ToArray();
            await connection.ExecuteAsync(
                $"UPDATE pairs SET {EndReasons.EndColumns} WHERE id = @id",
                moved.Select(id => new { id, at, reason = EndReasons.Rematched }),
                transaction);

            var keptKeys = kept.Select(p => (p.MenteeId, p.MentorId)).ToHashSet();
            var credentials = new List<PairCredential>();
            foreach (var pair in result.Pairs.Where(p => !keptKeys.Contains((p.MenteeId, p.MentorId))))
            {
                var credential = Credentials.NewToken();
                var pairId = await connection.ExecuteScalarAsync<long>(
                    """
                    INSERT INTO pairs (cohort_id, run_id, mentee_id, mentor_id, score, credential_hash, created_at)
                    VALUES (@cohortId, @runId, @MenteeId, @MentorId, @Score, @hash, @at) RETURNING id
                    """,
                    new { cohortId, runId, pair.MenteeId, pair.MentorId, pair.Score, hash = Credentials.Hash(credential), at },
                    transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO pair_differences (pair_id, dimension) VALUES (@pairId, @Dimension)",
                    pair.Differences.Select(d => new { pairId, d.Dimension }),
                    transaction);
                credentials.Add(new PairCredential(pairId, pair.MenteeId, pair.MentorId, credential));
            }

            await connection.ExecuteAsync(
                "UPDATE cohorts SET published_run_id = @runId, published_at = coalesce(published_at, @at), updated_at = @at WHERE id = @cohortId",
                new { cohortId, runId, at },
                transaction);
            await audit.AppendAsync(
                connection, transaction, AuditActions.Published, cohortId, runId.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{credentials.Count} new pairs, {kept.Length} kept, {moved.Length} ended"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogPublished(cohortId, runId, credentials.Count, kept.Length, moved.Length);
            return (new Publication(cohortId, runId, now, credentials, kept.Select(p => p.Id).ToArray(), moved), null, null);
        }
    }

    /// <summary>The cohort's published pairs, or null when there is no such cohort.</summary>
    public async Task<IReadOnlyList<PairView>?> ListAsync(long cohortId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await CohortGate.StateAsync(connection, null, cohortId) == CohortState.Missing)
        {
            return null;
        }

        var rows = await connection.QueryAsync<PairRow>(
            """
            SELECT p.id, p.mentee_id, p.mentor_id, p.score, p.ended_at, p.end_reason, p.locked, p.created_at,
                   t.last_held_on AS last_session_on, coalesce(t.sessions, 0) AS sessions, coalesce(t.minutes, 0) AS minutes,
                   (SELECT coalesce(group_concat(d.dimension, ';'), '') FROM pair_differences d WHERE d.pair_id = p.id) AS differences
            FROM pairs p LEFT JOIN pair_session_totals t ON t.pair_id = p.id
            WHERE p.cohort_id = @cohortId ORDER BY p.id
            """,
            new { cohortId });
        return rows.Select(r => new PairView(
                r.Id, r.MenteeId, r.MentorId, (int)r.Score, r.Differences.Length == 0 ? [] : r.Differences.Split(';'), (int)r.Sessions, (int)r.Minutes, r.EndedAt is null,
                DbText.ReadTime(r.CreatedAt), r.LastSessionOn is null ? null : DbText.ReadDate(r.LastSessionOn),
                r.EndedAt is null ? null : DbText.ReadTime(r.EndedAt), r.EndReason, r.Locked))
            .ToArray();
    }

    /// <summary>
    /// Locks or unlocks a live pair: a locked pair is pinned in the cohort's re-match runs. Null when the cohort has no
    /// such pair, false when it has ended.
    /// </summary>
    public async Task<bool?> SetLockAsync(long cohortId, long pairId, bool locked, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var endedAt = await connection.QuerySingleOrDefaultAsync<(long Id, string? EndedAt)?>(
                "SELECT id, ended_at FROM pairs WHERE id = @pairId AND cohort_id = @cohortId", new { cohortId, pairId }, transaction);
            if (endedAt is not { } pair || pair.EndedAt is not null)
            {
                return endedAt is null ? null : false;
            }

            await connection.ExecuteAsync("UPDATE pairs SET locked = @locked WHERE id = @pairId", new { pairId, locked }, transaction);
            await connection.ExecuteAsync(
                "UPDATE cohorts SET updated_at = @at WHERE id = @cohortId", new { cohortId, at = DbText.Write(time.GetUtcNow()) }, transaction);
            await audit.AppendAsync(
                connection, transaction, locked ? AuditActions.PairLocked : AuditActions.PairUnlocked, cohortId, pairId.ToString(CultureInfo.InvariantCulture), "", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }

    /// <summary>Replaces a live pair's credential (the old one stops working); null when the cohort has no such pair, "" when it ended.</summary>
    public async Task<PairCredential?> ReissueAsync(long cohortId, long pairId, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var pair = await connection.QuerySingleOrDefaultAsync<PairRow>(
                "SELECT id, mentee_id, mentor_id, score, ended_at FROM pairs WHERE id = @pairId AND cohort_id = @cohortId",
                new { cohortId, pairId },
                transaction);
            if (pair is null)
            {
                return null;
            }

            if (pair.EndedAt is not null)
            {
                return new PairCredential(pairId, pair.MenteeId, pair.MentorId, "");
            }

            var credential = Credentials.NewToken();
            await connection.ExecuteAsync(
                "UPDATE pairs SET credential_hash = @hash WHERE id = @pairId", new { pairId, hash = Credentials.Hash(credential) }, transaction);
            await audit.AppendAsync(connection, transaction, AuditActions.CredentialReissued, cohortId, pairId.ToString(CultureInfo.InvariantCulture), "", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new PairCredential(pairId, pair.MenteeId, pair.MentorId, credential);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cohort {CohortId} published run {RunId}: {Pairs} new pairs, {Kept} kept, {Ended} ended")]
    private partial void LogPublished(long cohortId, long runId, int pairs, int kept, int ended);

    private sealed class PairRow
    {
        public long Id { get; init; }

        public string MenteeId { get; init; } = "";

        public string MentorId { get; init; } = "";

        public long Score { get; init; }

        public string? EndedAt { get; init; }

        public string? EndReason { get; init; }

        public bool Locked { get; init; }

        public string CreatedAt { get; init; } = "";

        public string? LastSessionOn { get; init; }

        public long Sessions { get; init; }

        public long Minutes { get; init; }

        public string Differences { get; init; } = "";
    }
}
