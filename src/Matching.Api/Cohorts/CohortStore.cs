using System.Text.Json;
using Dapper;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Storage;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Cohorts;

/// <summary>What can come of editing a cohort's policy.</summary>
internal enum PolicyEdit
{
    Missing,
    Published,
    Unchanged,
    Updated,
}

/// <summary>What can come of renaming or re-dating a cohort.</summary>
internal enum DetailsUpdate
{
    Missing,
    SessionOutside,
    Updated,
}

/// <summary>Cohorts in SQLite: their names, dates, policy and topic list.</summary>
internal sealed class CohortStore(Db db, AuditTrail audit)
{
    private const string SelectCohorts = """
        SELECT c.id, c.name, c.starts_on, c.ends_on, c.policy_json, c.attribute_columns_json, c.published_run_id,
               c.published_at, c.scheme_id, c.created_at, c.updated_at,
               (SELECT count(*) FROM people p WHERE p.cohort_id = c.id) AS total,
               (SELECT count(*) FROM people p WHERE p.cohort_id = c.id AND p.role = 'mentee') AS mentees,
               (SELECT count(*) FROM people p WHERE p.cohort_id = c.id AND p.role = 'mentor') AS mentors
        FROM cohorts c
        """;

    /// <summary>Creates a draft cohort with the scheme's topics and returns its id.</summary>
    public async Task<long> CreateAsync(
        string name, DateOnly startsOn, DateOnly endsOn, MatchingPolicy policy, long? schemeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var at = DbText.Write(now);
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO cohorts (name, starts_on, ends_on, policy_json, scheme_id, created_at, updated_at)
                VALUES (@name, @startsOn, @endsOn, @policy, @schemeId, @at, @at)
                RETURNING id
                """,
                new { name, startsOn = DbText.Write(startsOn), endsOn = DbText.Write(endsOn), policy = PolicyJson.ToJson(policy), schemeId, at },
                transaction);
            await connection.ExecuteAsync(
                "INSERT INTO topics (cohort_id, code, label, position) VALUES (@id, @Code, @Label, @Position)",
                SchemeTopics.All.Select((t, i) => new { id, t.Code, t.Label, Position = i }),
                transaction);
            await audit.AppendAsync(connection, transaction, AuditActions.CohortCreated, id, null, "", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return id;
        }
    }

    public async Task<IReadOnlyList<CohortView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CohortRow>(SelectCohorts + " ORDER BY c.id");
        var topics = (await connection.QueryAsync<TopicRow>("SELECT cohort_id, code, label FROM topics ORDER BY cohort_id, position"))
            .ToLookup(t => t.CohortId, t => new Topic(t.Code, t.Label));
        return rows.Select(r => r.ToView(topics[r.Id])).ToArray();
    }

    public async Task<CohortView?> GetAsync(long cohortId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CohortRow>(SelectCohorts + " WHERE c.id = @cohortId", new { cohortId });
        return row?.ToView(await TopicsAsync(connection, null, cohortId));
    }

    /// <summary>Whether the cohort exists and is still a draft.</summary>
    public async Task<CohortState> StateAsync(long cohortId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await CohortGate.StateAsync(connection, null, cohortId);
    }

    /// <summary>The cohort's topic list.</summary>
    public static async Task<IReadOnlyList<Topic>> TopicsAsync(SqliteConnection connection, SqliteTransaction? transaction, long cohortId) =>
        (await connection.QueryAsync<TopicRow>(
            "SELECT cohort_id, code, label FROM topics WHERE cohort_id = @cohortId ORDER BY position", new { cohortId }, transaction))
        .Select(t => new Topic(t.Code, t.Label))
        .ToArray();

    /// <summary>Reads the policy of a cohort.</summary>
    public static async Task<MatchingPolicy?> PolicyAsync(SqliteConnection connection, SqliteTransaction? transaction, long cohortId) =>
        await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT policy_json FROM cohorts WHERE id = @cohortId", new { cohortId }, transaction) is { } json
            ? PolicyJson.Parse(json)
            : null;

    /// <summary>
    /// Changes a draft cohort's policy in one transaction. <paramref name="edit"/> returns the new policy,
    /// or null when there is nothing to change; <paramref name="change"/> says what changed in the audit trail (no ids).
    /// </summary>
    public async Task<PolicyEdit> EditPolicyAsync(
        long cohortId, Func<MatchingPolicy, MatchingPolicy?> edit, string change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var state = await CohortGate.StateAsync(connection, transaction, cohortId);
            if (state != CohortState.Draft)
            {
                return state == CohortState.Missing ? PolicyEdit.Missing : PolicyEdit.Published;
            }

            var current = (await PolicyAsync(connection, transaction, cohortId))!;
            if (edit(current) is not { } changed)
            {
                return PolicyEdit.Unchanged;
            }

            await connection.ExecuteAsync(
                "UPDATE cohorts SET policy_json = @policy, updated_at = @at WHERE id = @cohortId",
                new { cohortId, policy = PolicyJson.ToJson(changed), at = DbText.Write(now) },
                transaction);
            await audit.AppendAsync(connection, transaction, AuditActions.PolicyChanged, cohortId, null, change, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return PolicyEdit.Updated;
        }
    }

    /// <summary>
    /// Sets a cohort's name and dates in one transaction, unless a session of its pairs was held outside the new
    /// dates (then the earliest such date is answered and nothing changes). Not a policy or people change, so the
    /// cohort's <c>updated_at</c> and its runs' staleness stay as they are.
    /// </summary>
    public async Task<(DetailsUpdate Outcome, DateOnly? SessionOutside)> UpdateDetailsAsync(
        long cohortId, string name, DateOnly startsOn, DateOnly endsOn, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            if (await CohortGate.StateAsync(connection, transaction, cohortId) == CohortState.Missing)
            {
                return (DetailsUpdate.Missing, null);
            }

            var dates = new { cohortId, name, startsOn = DbText.Write(startsOn), endsOn = DbText.Write(endsOn) };
            var outside = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                """
                SELECT min(s.held_on) FROM sessions s JOIN pairs p ON p.id = s.pair_id
                WHERE p.cohort_id = @cohortId AND (s.held_on < @startsOn OR s.held_on > @endsOn)
                """,
                dates,
                transaction,
                cancellationToken: cancellationToken));
            if (outside is not null)
            {
                return (DetailsUpdate.SessionOutside, DbText.ReadDate(outside));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE cohorts SET name = @name, starts_on = @startsOn, ends_on = @endsOn WHERE id = @cohortId", dates, transaction, cancellationToken: cancellationToken));
            await audit.AppendAsync(connection, transaction, AuditActions.CohortDetailsChanged, cohortId, null, "name and dates", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (DetailsUpdate.Updated, null);
        }
    }

    private sealed class CohortRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string StartsOn { get; init; } = "";

        public string EndsOn { get; init; } = "";

        public string PolicyJson { get; init; } = "";

        public string AttributeColumnsJson { get; init; } = "[]";

        public long? PublishedRunId { get; init; }

        public string? PublishedAt { get; init; }

        public long? SchemeId { get; init; }

        public string CreatedAt { get; init; } = "";

        public string UpdatedAt { get; init; } = "";

        public long Total { get; init; }

        public long Mentees { get; init; }

        public long Mentors { get; init; }

        public CohortView ToView(IEnumerable<Topic> topics)
        {
            using var policy = JsonDocument.Parse(PolicyJson);
            return new CohortView(
                Id,
                Name,
                DbText.ReadDate(StartsOn),
                DbText.ReadDate(EndsOn),
                CohortGate.StatusName(PublishedAt),
                policy.RootElement.Clone(),
                new PeopleSummary((int)Total, (int)Mentees, (int)Mentors, JsonSerializer.Deserialize<string[]>(AttributeColumnsJson) ?? []),
                topics.ToArray(),
                PublishedRunId,
                SchemeId,
                DbText.ReadTime(CreatedAt),
                DbText.ReadTime(UpdatedAt));
        }
    }

    private sealed class TopicRow
    {
        public long CohortId { get; init; }

        public string Code { get; init; } = "";

        public string Label { get; init; } = "";
    }
}
