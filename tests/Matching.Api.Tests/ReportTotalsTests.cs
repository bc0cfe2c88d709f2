using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Mentoring.Matching.Api.Reports;

namespace Mentoring.Matching.Api.Tests;

/// <summary>
/// The report's running totals (migration 0005) against the sessions themselves: after a random but seeded run of
/// logs, corrections and deletes, every total equals what reading all the sessions gives. The raw computation lives
/// only here, as the check.
/// </summary>
public sealed class ReportTotalsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int Seed = 12;

    private const int Steps = 150;

    private static readonly string[] Topics = ["college-culture", "power-and-hierarchies", "other"];

    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task Totals_equal_the_sessions_after_random_logs_corrections_and_deletes()
    {
        var (cohortId, held) = await LogRandomlyAsync(scenario);

        await AssertTotalsMatchSessionsAsync(factory, cohortId);

        // And the report reads them: what it shows is what the sessions give.
        var report = (await (await Client.GetAsync($"/cohorts/{cohortId}/report")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(SmallCounts.Show(held), (string?)report["sessions"]!["held"]);
        await using var db = factory.OpenDatabase();
        var shownTopics = report["topics"]!.AsArray().ToDictionary(t => (string)t!["code"]!, t => (string?)t!["sessions"]);
        foreach (var topic in Topics)
        {
            var sessions = await db.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM session_topics t JOIN sessions s ON s.id = t.session_id JOIN pairs p ON p.id = s.pair_id WHERE p.cohort_id = @cohortId AND t.topic = @topic",
                new { cohortId, topic });
            Assert.Equal(SmallCounts.Show(sessions), shownTopics[topic]);
        }
    }

    [Fact]
    public async Task The_migration_backfills_the_totals_from_sessions_logged_before_it()
    {
        using var database = new ApiFactory.TempDatabase();
        long cohortId;
        using (var before = new FileFactory(database.Path))
        {
            (cohortId, _) = await LogRandomlyAsync(new Scenario(before));
            await using var db = before.OpenDatabase();
            await db.ExecuteAsync(
                """
                DROP TRIGGER sessions_count_insert; DROP TRIGGER sessions_count_update; DROP TRIGGER sessions_uncount_topics;
                DROP TRIGGER sessions_count_delete; DROP TRIGGER session_topics_count_insert; DROP TRIGGER session_topics_count_delete;
                DROP TABLE pair_session_totals; DROP TABLE cohort_topic_totals; DROP INDEX sessions_by_pair_date;
                DELETE FROM schema_migrations WHERE version = '0005_report_totals';
                """);
        }

        using var after = new FileFactory(database.Path);
        _ = after.CreateClient();

        await AssertTotalsMatchSessionsAsync(after, cohortId);
    }

    /// <summary>Publishes the seeds cohort and logs, corrects and deletes its sessions at random; the cohort and the sessions left.</summary>
    private static async Task<(long CohortId, int Held)> LogRandomlyAsync(Scenario scenario)
    {
        var client = scenario.Coordinator;
        var (people, policy) = TestData.Seeds;
        var cohortId = await scenario.CohortWithPeopleAsync(people, policy);
        var run = await scenario.RunAsync(cohortId);
        var pairs = (await scenario.PublishAsync(cohortId, (long)run["id"]!))["pairs"]!.AsArray().Select(p => (long)p!["pairId"]!).ToArray();
        var random = new Random(Seed);
        var logged = new List<(long Pair, long Session)>();
        for (var step = 0; step < Steps; step++)
        {
            var choice = random.Next(10);
            if (logged.Count == 0 || choice < 5)
            {
                var pair = pairs[random.Next(pairs.Length)];
                var created = (await (await client.PostAsync($"/pairs/{pair}/sessions", RandomBody(random))).ExpectAsync(HttpStatusCode.Created))!;
                logged.Add((pair, (long)created["id"]!));
            }
            else if (choice < 8)
            {
                var (pair, session) = logged[random.Next(logged.Count)];
                await (await client.PutAsync($"/pairs/{pair}/sessions/{session}", RandomBody(random))).ExpectAsync(HttpStatusCode.OK);
            }
            else
            {
                var index = random.Next(logged.Count);
                var (pair, session) = logged[index];
                logged.RemoveAt(index);
                Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/pairs/{pair}/sessions/{session}")).StatusCode);
            }
        }

        return (cohortId, logged.Count);
    }

    /// <summary>Every pair's totals and the cohort's topic totals equal what its sessions give, and the pair list shows them.</summary>
    private static async Task AssertTotalsMatchSessionsAsync(ApiFactory factory, long cohortId)
    {
        await using var db = factory.OpenDatabase();
        var rawPairs = (await db.QueryAsync<(long Pair, long Sessions, long Minutes, string? Last)>(
            """
            SELECT p.id, count(s.id), coalesce(sum(s.minutes), 0), max(s.held_on)
            FROM pairs p LEFT JOIN sessions s ON s.pair_id = p.id WHERE p.cohort_id = @cohortId GROUP BY p.id ORDER BY p.id
            """,
            new { cohortId })).ToArray();
        var totalPairs = await db.QueryAsync<(long Pair, long Sessions, long Minutes, string? Last)>(
            """
            SELECT p.id, coalesce(t.sessions, 0), coalesce(t.minutes, 0), t.last_held_on
            FROM pairs p LEFT JOIN pair_session_totals t ON t.pair_id = p.id WHERE p.cohort_id = @cohortId ORDER BY p.id
            """,
            new { cohortId });
        Assert.Equal(rawPairs, totalPairs);

        var rawTopics = await db.QueryAsync<(string Topic, long Sessions)>(
            """
            SELECT t.topic, count(*) FROM session_topics t JOIN sessions s ON s.id = t.session_id JOIN pairs p ON p.id = s.pair_id
            WHERE p.cohort_id = @cohortId GROUP BY t.topic ORDER BY t.topic
            """,
            new { cohortId });
        var totalTopics = await db.QueryAsync<(string Topic, long Sessions)>(
            "SELECT topic, sessions FROM cohort_topic_totals WHERE cohort_id = @cohortId AND sessions > 0 ORDER BY topic", new { cohortId });
        Assert.Equal(rawTopics, totalTopics);

        var listed = (await (await factory.Coordinator().GetAsync($"/cohorts/{cohortId}/pairs")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(
            rawPairs.Select(p => (p.Pair, p.Sessions, p.Last)),
            listed.Select(p => ((long)p!["pairId"]!, (long)p["sessions"]!, (string?)p["lastSessionOn"])).OrderBy(p => p.Item1));
    }

    /// <summary>A session on a random February day, of random length, covering a random non-empty set of topics.</summary>
    private static string RandomBody(Random random)
    {
        var topics = Topics.Where(_ => random.Next(2) == 0).DefaultIfEmpty(Topics[0]).Select(t => $"\"{t}\"");
        var date = new DateOnly(2026, 2, 1).AddDays(random.Next(28));
        return Scenario.SessionBody(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), random.Next(1, 121), string.Join(", ", topics));
    }

    private sealed class FileFactory(string path) : ApiFactory(path, CoordinatorKey, ownsDatabase: false)
    {
    }
}
