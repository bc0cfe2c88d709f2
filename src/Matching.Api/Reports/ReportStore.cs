using Dapper;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Storage;
using Mentoring.Matching.Api.Withdrawals;

namespace Mentoring.Matching.Api.Reports;

/// <summary>
/// Computes a cohort's report from aggregates in SQLite; nothing per person is read, and no session: the session
/// figures come from the running totals of migration 0004, so a report costs the same however many sessions were logged.
/// </summary>
internal sealed class ReportStore(Db db)
{
    /// <summary>The outcome of a pair that has not ended.</summary>
    private const string LiveOutcome = "live";

    private static readonly (string Name, int From, int To)[] Bands = [("0", 0, 0), ("1-2", 1, 2), ("3-5", 3, 5), ("6+", 6, int.MaxValue)];

    /// <summary>The report, or null when there is no such cohort.</summary>
    public async Task<CohortReport?> ReportAsync(long cohortId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var cohort = await connection.QuerySingleOrDefaultAsync<(string Name, string? PublishedAt)?>(
            "SELECT name, published_at FROM cohorts WHERE id = @cohortId", new { cohortId });
        if (cohort is not { } found)
        {
            return null;
        }

        var roles = (await connection.QueryAsync<(string Role, long Count)>(
                "SELECT role, count(*) FROM people WHERE cohort_id = @cohortId GROUP BY role", new { cohortId }))
            .ToDictionary(r => r.Role, r => r.Count);
        var sessionsPerPair = (await connection.QueryAsync<long>(
                "SELECT coalesce(t.sessions, 0) FROM pairs p LEFT JOIN pair_session_totals t ON t.pair_id = p.id WHERE p.cohort_id = @cohortId", new { cohortId }))
            .ToArray();
        var differing = (await connection.QueryAsync<(string Dimension, long Pairs)>(
                """
                SELECT d.dimension, count(*) FROM pair_differences d JOIN pairs p ON p.id = d.pair_id
                WHERE p.cohort_id = @cohortId GROUP BY d.dimension
                """,
                new { cohortId }))
            .ToDictionary(d => d.Dimension, d => d.Pairs, StringComparer.OrdinalIgnoreCase);
        var (held, minutes) = await connection.QuerySingleAsync<(long Held, long Minutes)>(
            "SELECT coalesce(sum(t.sessions), 0), coalesce(sum(t.minutes), 0) FROM pair_session_totals t JOIN pairs p ON p.id = t.pair_id WHERE p.cohort_id = @cohortId",
            new { cohortId });
        var topicSessions = (await connection.QueryAsync<(string Topic, long Sessions)>(
                "SELECT topic, sessions FROM cohort_topic_totals WHERE cohort_id = @cohortId",
                new { cohortId }))
            .ToDictionary(t => t.Topic, t => t.Sessions);
        var endings = (await connection.QueryAsync<(string? Reason, long Pairs)>(
                "SELECT end_reason, count(*) FROM pairs WHERE cohort_id = @cohortId GROUP BY end_reason", new { cohortId }))
            .ToDictionary(e => e.Reason ?? LiveOutcome, e => e.Pairs);
        var policy = (await CohortStore.PolicyAsync(connection, null, cohortId))!;
        var topics = await CohortStore.TopicsAsync(connection, null, cohortId);

        var pairs = sessionsPerPair.Length;
        var bandCounts = Bands.Select(b => (long)sessionsPerPair.Count(n => n >= b.From && n <= b.To)).ToArray();
        var bandShown = SmallCounts.ShowPartition(bandCounts);
        var enoughSessions = held >= SmallCounts.Threshold;
        string[] outcomes = [LiveOutcome, .. EndReasons.All];
        var outcomeShown = SmallCounts.ShowPartition(outcomes.Select(o => endings.GetValueOrDefault(o)).ToArray());
        return new CohortReport(
            cohortId,
            found.Name,
            CohortGate.StatusName(found.PublishedAt),
            SmallCounts.Show(roles.GetValueOrDefault("mentee")),
            SmallCounts.Show(roles.GetValueOrDefault("mentor")),
            SmallCounts.Show(pairs),
            outcomes.Select((o, i) => new PairOutcome(o, outcomeShown[i])).ToArray(),
            policy.Dimensions.Keys.Select(d => new DimensionCoverage(d, SmallCounts.Show(differing.GetValueOrDefault(d)))).ToArray(),
            new SessionFigures(
                SmallCounts.Show(held),
                Bands.Select((b, i) => new SessionBand(b.Name, bandShown[i])).ToArray(),
                pairs >= SmallCounts.Threshold && enoughSessions ? Math.Round((double)held / pairs, 1) : null),
            new MinuteFigures(enoughSessions ? minutes : null, enoughSessions ? Math.Round((double)minutes / held, 1) : null),
            topics.Select(t => new TopicCount(t.Code, t.Label, SmallCounts.Show(topicSessions.GetValueOrDefault(t.Code)))).ToArray());
    }
}
