using Dapper;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Protection;
using Mentoring.Matching.Api.Storage;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Sessions;

/// <summary>What a write to a pair's sessions came to.</summary>
internal enum SessionWrite
{
    PairMissing,
    PairEnded,
    SessionMissing,
    Done,
}

/// <summary>
/// A published pair's mentoring sessions in SQLite; each write is one transaction. The free-text topic is sealed
/// (see <see cref="PersonalData"/>); dates, minutes and topic codes stay in clear for the reports.
/// </summary>
internal sealed class SessionStore(Db db, PersonalData personalData)
{
    private const string SelectSessions = """
        SELECT s.id, s.pair_id, s.held_on, s.minutes, s.other_topic, s.created_at, s.updated_at,
               (SELECT coalesce(group_concat(t.topic, ';'), '') FROM session_topics t WHERE t.session_id = s.id) AS topics
        FROM sessions s WHERE s.pair_id = @pairId
        """;

    /// <summary>The topics of the pair's cohort, or null when there is no such pair.</summary>
    public async Task<IReadOnlyList<Topic>?> TopicsAsync(long pairId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var cohortId = await connection.ExecuteScalarAsync<long?>("SELECT cohort_id FROM pairs WHERE id = @pairId", new { pairId });
        return cohortId is { } id ? await CohortStore.TopicsAsync(connection, null, id) : null;
    }

    /// <summary>
    /// What an entry for the pair is checked against, read on one connection: its cohort's topic codes and first and
    /// last day; null when there is no such pair.
    /// </summary>
    public async Task<(IReadOnlyList<string> TopicCodes, DateOnly StartsOn, DateOnly EndsOn)?> EntryRulesAsync(long pairId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var cohort = await connection.QuerySingleOrDefaultAsync<(long Id, string StartsOn, string EndsOn)?>(
            "SELECT c.id, c.starts_on, c.ends_on FROM pairs p JOIN cohorts c ON c.id = p.cohort_id WHERE p.id = @pairId", new { pairId });
        return cohort is { } found
            ? ((await CohortStore.TopicsAsync(connection, null, found.Id)).Select(t => t.Code).ToArray(), DbText.ReadDate(found.StartsOn), DbText.ReadDate(found.EndsOn))
            : null;
    }

    public async Task<(SessionWrite Outcome, long SessionId)> AddAsync(long pairId, SessionEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            if (await PairStateAsync(connection, transaction, pairId) is var state and not SessionWrite.Done)
            {
                return (state, 0);
            }

            var at = DbText.Write(now);
            var sessionId = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO sessions (pair_id, held_on, minutes, other_topic, created_at, updated_at)
                VALUES (@pairId, @date, @Minutes, @OtherTopic, @at, @at) RETURNING id
                """,
                new { pairId, date = DbText.Write(entry.Date), entry.Minutes, OtherTopic = personalData.Seal(PersonalDataKind.SessionTopic, entry.OtherTopic), at },
                transaction);
            await InsertTopicsAsync(connection, transaction, sessionId, entry.Topics);
            await transaction.CommitAsync(cancellationToken);
            return (SessionWrite.Done, sessionId);
        }
    }

    public async Task<SessionWrite> ReplaceAsync(long pairId, long sessionId, SessionEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            if (await PairStateAsync(connection, transaction, pairId) is var state and not SessionWrite.Done)
            {
                return state;
            }

            var changed = await connection.ExecuteAsync(
                "UPDATE sessions SET held_on = @date, minutes = @Minutes, other_topic = @OtherTopic, updated_at = @at WHERE id = @sessionId AND pair_id = @pairId",
                new { pairId, sessionId, date = DbText.Write(entry.Date), entry.Minutes, OtherTopic = personalData.Seal(PersonalDataKind.SessionTopic, entry.OtherTopic), at = DbText.Write(now) },
                transaction);
            if (changed == 0)
            {
                return SessionWrite.SessionMissing;
            }

            await connection.ExecuteAsync("DELETE FROM session_topics WHERE session_id = @sessionId", new { sessionId }, transaction);
            await InsertTopicsAsync(connection, transaction, sessionId, entry.Topics);
            await transaction.CommitAsync(cancellationToken);
            return SessionWrite.Done;
        }
    }

    public async Task<SessionWrite> DeleteAsync(long pairId, long sessionId, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            if (await PairStateAsync(connection, transaction, pairId) == SessionWrite.PairMissing)
            {
                return SessionWrite.PairMissing;
            }

            var deleted = await connection.ExecuteAsync(
                "DELETE FROM sessions WHERE id = @sessionId AND pair_id = @pairId", new { pairId, sessionId }, transaction);
            await transaction.CommitAsync(cancellationToken);
            return deleted == 0 ? SessionWrite.SessionMissing : SessionWrite.Done;
        }
    }

    /// <summary>The pair's sessions by date, or null when there is no such pair.</summary>
    public async Task<IReadOnlyList<SessionView>?> ListAsync(long pairId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await PairStateAsync(connection, null, pairId) == SessionWrite.PairMissing)
        {
            return null;
        }

        return (await connection.QueryAsync<SessionRow>(SelectSessions + " ORDER BY s.held_on, s.id", new { pairId })).Select(r => r.ToView(personalData)).ToArray();
    }

    public async Task<SessionView?> GetAsync(long pairId, long sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<SessionRow>(SelectSessions + " AND s.id = @sessionId", new { pairId, sessionId }))?.ToView(personalData);
    }

    private static async Task<SessionWrite> PairStateAsync(SqliteConnection connection, SqliteTransaction? transaction, long pairId)
    {
        var pair = await connection.QuerySingleOrDefaultAsync<(long Id, string? EndedAt)?>(
            "SELECT id, ended_at FROM pairs WHERE id = @pairId", new { pairId }, transaction);
        return pair switch
        {
            null => SessionWrite.PairMissing,
            { EndedAt: not null } => SessionWrite.PairEnded,
            _ => SessionWrite.Done,
        };
    }

    private static Task<int> InsertTopicsAsync(SqliteConnection connection, SqliteTransaction transaction, long sessionId, IReadOnlyList<string> topics) =>
        connection.ExecuteAsync(
            "INSERT INTO session_topics (session_id, topic) VALUES (@sessionId, @topic)",
            topics.Select(topic => new { sessionId, topic }),
            transaction);

    private sealed class SessionRow
    {
        public long Id { get; init; }

        public long PairId { get; init; }

        public string HeldOn { get; init; } = "";

        public long Minutes { get; init; }

        public string? OtherTopic { get; init; }

        public string CreatedAt { get; init; } = "";

        public string UpdatedAt { get; init; } = "";

        public string Topics { get; init; } = "";

        public SessionView ToView(PersonalData personalData) => new(
            Id,
            PairId,
            DbText.ReadDate(HeldOn),
            (int)Minutes,
            Topics.Length == 0 ? [] : Topics.Split(';').Order(StringComparer.Ordinal).ToArray(),
            personalData.Open(PersonalDataKind.SessionTopic, OtherTopic),
            DbText.ReadTime(CreatedAt),
            DbText.ReadTime(UpdatedAt));
    }
}
