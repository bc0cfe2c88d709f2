using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Mentoring.Matching.Api.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Matching.Api.Tests;

/// <summary>A pair ends, a person withdraws, and a re-match fills the gap without moving the pairs that work.</summary>
public sealed class WithdrawalTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task A_withdrawal_and_rematch_keep_every_other_pair_with_its_credential_and_the_rematch_is_the_engines_optimum()
    {
        var (id, pairs) = await PublishedRematchCohortAsync();
        Assert.Equal(["M1-T1", "M2-T2", "M3-T3"], pairs.Values.Select(p => $"{p["menteeId"]}-{p["mentorId"]}").Order());

        var ended = (await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M1"]["pairId"]}/end", """{ "reason": "mentor-withdrew", "note": "moved to Leeds" }"""))
            .ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("T1", (string?)ended["withdrawnId"]);
        await (await Logger(pairs["M1"]).GetAsync($"/pairs/{pairs["M1"]["pairId"]}/sessions")).ExpectProblemAsync(HttpStatusCode.Unauthorized);

        var run = (await (await Client.PostAsync($"/cohorts/{id}/runs", null)).ExpectAsync(HttpStatusCode.Created))!;

        // Worked by hand (TestData.RematchPeople): M3 gives way so that M1 is matched too.
        Assert.Equal(("Optimal", 3, 1, 6L), ((string)run["result"]!["status"]!, (int)run["result"]!["matched"]!, (int)run["result"]!["kept"]!, (long)run["result"]!["total"]!));
        var changes = run["changes"]!;
        Assert.Equal(["M2-T2"], PairNames(changes["kept"]));
        Assert.Equal(["M3-T3"], PairNames(changes["moved"]));
        Assert.Equal("gaveWayForMoreMatched", (string?)changes["moved"]![0]!["outcome"]);
        Assert.Equal(["M1-T3", "M3-T4"], PairNames(changes["new"]));

        // The engine's own optimum of the same problem: T1 no longer takes part, the live pairs are the current pairs.
        var library = Matcher.Solve(MatchingProblem.Create(
            PeopleCsv.Read(new StringReader(TestData.RematchPeople.Replace("T1,Cal Roy,mentor,3,Chemistry,,1,", "T1,Cal Roy,,3,Chemistry,,,", StringComparison.Ordinal))),
            PolicyJson.Read(System.Text.Json.JsonSerializer.SerializeToElement(run["result"]!["run"]!["policy"]))));
        Assert.Equal((library.Status.ToString(), library.Matched, library.Kept, library.Total), ((string)run["result"]!["status"]!, (int)run["result"]!["matched"]!, (int)run["result"]!["kept"]!, (long)run["result"]!["total"]!));
        Assert.Equal(library.Pairs.Select(p => $"{p.MenteeId}-{p.MentorId}"), PairNames(run["result"]!["pairs"]));

        var publication = (await (await Client.PostAsync($"/cohorts/{id}/runs/{run["id"]}/publish", null)).ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal(["M1-T3", "M3-T4"], PairNames(publication["pairs"]));
        Assert.Equal([(long)pairs["M2"]["pairId"]!], publication["kept"]!.AsArray().Select(k => (long)k!));
        Assert.Equal([(long)pairs["M3"]["pairId"]!], publication["ended"]!.AsArray().Select(k => (long)k!));

        // The kept pair logs with the credential it always had; the moved pair's stopped working.
        await (await Logger(pairs["M2"]).PostAsync($"/pairs/{pairs["M2"]["pairId"]}/sessions", Scenario.SessionBody())).ExpectAsync(HttpStatusCode.Created);
        await (await Logger(pairs["M3"]).GetAsync($"/pairs/{pairs["M3"]["pairId"]}/sessions")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var listed = (await (await Client.GetAsync($"/cohorts/{id}/pairs")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(
            ["M1-T1 mentor-withdrew", "M2-T2 live", "M3-T3 rematched", "M1-T3 live", "M3-T4 live"],
            listed.Select(p => $"{p!["menteeId"]}-{p["mentorId"]} {(string?)p["endReason"] ?? "live"}"));
    }

    [Fact]
    public async Task A_locked_pair_is_pinned_in_the_rematch_so_it_stays_even_when_that_matches_fewer()
    {
        var (id, pairs) = await PublishedRematchCohortAsync();
        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M1"]["pairId"]}/end", """{ "reason": "mentor-withdrew" }""")).ExpectAsync(HttpStatusCode.OK);

        await (await Client.PutAsync($"/cohorts/{id}/pairs/{pairs["M3"]["pairId"]}/lock", null)).ExpectAsync(HttpStatusCode.NoContent);
        var run = (await (await Client.PostAsync($"/cohorts/{id}/runs", null)).ExpectAsync(HttpStatusCode.Created))!;

        Assert.Equal((2, 2), ((int)run["result"]!["matched"]!, (int)run["result"]!["kept"]!));
        Assert.Equal(["M2-T2", "M3-T3"], PairNames(run["changes"]!["kept"]));
        Assert.Equal("M1", (string?)run["result"]!["unmatched"]![0]!["menteeId"]);
        Assert.Contains("""["M3","T3"]""", run["result"]!["run"]!["policy"]!["pinnedPairs"]!.ToJsonString(), StringComparison.Ordinal);

        await (await Client.DeleteAsync($"/cohorts/{id}/pairs/{pairs["M3"]["pairId"]}/lock")).ExpectAsync(HttpStatusCode.NoContent);
        var unlocked = (await (await Client.PostAsync($"/cohorts/{id}/runs", null)).ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal(3, (int)unlocked["result"]!["matched"]!);
        await (await Client.PutAsync($"/cohorts/{id}/pairs/{pairs["M1"]["pairId"]}/lock", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await Client.PutAsync($"/cohorts/{id}/pairs/999999/lock", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_mentee_who_withdraws_frees_the_mentor_and_no_pair_moves()
    {
        var (id, pairs) = await PublishedRematchCohortAsync();
        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M2"]["pairId"]}/end", """{ "reason": "mentee-withdrew" }""")).ExpectAsync(HttpStatusCode.OK);

        var people = (await (await Client.GetAsync($"/cohorts/{id}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(["M2"], people.Where(p => (bool)p!["withdrawn"]!).Select(p => (string?)p!["id"]));
        var run = (await (await Client.PostAsync($"/cohorts/{id}/runs", null)).ExpectAsync(HttpStatusCode.Created))!;

        Assert.Equal(["M1-T1", "M3-T3"], PairNames(run["changes"]!["kept"]));
        Assert.Empty(run["changes"]!["moved"]!.AsArray());
        Assert.Empty(run["changes"]!["new"]!.AsArray());
    }

    [Fact]
    public async Task A_pair_ended_for_a_mismatch_is_not_proposed_again_in_its_cohort()
    {
        var (id, pairs) = await PublishedRematchCohortAsync();
        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M3"]["pairId"]}/end", """{ "reason": "mismatch" }""")).ExpectAsync(HttpStatusCode.OK);

        var run = (await (await Client.PostAsync($"/cohorts/{id}/runs", null)).ExpectAsync(HttpStatusCode.Created))!;

        Assert.Equal(["M1-T1", "M2-T2"], PairNames(run["changes"]!["kept"]));
        Assert.Equal(["M3-T4"], PairNames(run["changes"]!["new"]));
        Assert.Contains("""["M3","T3","ended in this cohort (mismatch)"]""", run["result"]!["run"]!["policy"]!["forbiddenPairs"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_rematch_runs_published_at_once_exactly_one_wins()
    {
        var (id, pairs) = await PublishedRematchCohortAsync();
        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M1"]["pairId"]}/end", """{ "reason": "mentor-withdrew" }""")).ExpectAsync(HttpStatusCode.OK);
        var runs = new[] { await scenario.RunAsync(id), await scenario.RunAsync(id) };

        var responses = await Task.WhenAll(runs.Select(run => factory.Coordinator().PostAsync($"/cohorts/{id}/runs/{run["id"]}/publish", null)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var live = (await (await Client.GetAsync($"/cohorts/{id}/pairs")).ExpectAsync(HttpStatusCode.OK))!.AsArray().Where(p => p!["endReason"] is null);
        Assert.Equal(["M1-T3", "M2-T2", "M3-T4"], live.Select(p => $"{p!["menteeId"]}-{p["mentorId"]}").Order());
    }

    [Fact]
    public async Task A_rematch_run_is_stale_once_another_pair_ends()
    {
        var (id, pairs) = await PublishedRematchCohortAsync();
        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M1"]["pairId"]}/end", """{ "reason": "mentor-withdrew" }""")).ExpectAsync(HttpStatusCode.OK);
        var run = await scenario.RunAsync(id);

        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M2"]["pairId"]}/end", """{ "reason": "other" }""")).ExpectAsync(HttpStatusCode.OK);

        await (await Client.PostAsync($"/cohorts/{id}/runs/{run["id"]}/publish", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.True((bool)(await (await Client.GetAsync($"/cohorts/{id}/runs/{run["id"]}")).ExpectAsync(HttpStatusCode.OK))!["stale"]!);
    }

    [Theory]
    [InlineData("""{ "reason": "bored" }""", "reason")]
    [InlineData("""{ }""", "reason")]
    [InlineData("""{ "reason": "other", "note": "NOTE" }""", "note")]
    public async Task A_bad_end_request_is_422_naming_the_field(string body, string field)
    {
        var (id, pairs) = await PublishedRematchCohortAsync();

        var problem = await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M1"]["pairId"]}/end", body.Replace("NOTE", new string('x', 1001), StringComparison.Ordinal)))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith($"{field}: ", Assert.Single(problem.Errors()), StringComparison.Ordinal);
        Assert.True((bool)(await (await Client.GetAsync($"/cohorts/{id}/pairs")).ExpectAsync(HttpStatusCode.OK))!.AsArray()[0]!["canLog"]!);
    }

    [Fact]
    public async Task Ending_needs_a_published_cohort_a_known_pair_and_a_live_one()
    {
        var (id, pairs) = await PublishedRematchCohortAsync();
        var draft = await scenario.CohortWithPeopleAsync();
        const string end = """{ "reason": "other" }""";

        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M1"]["pairId"]}/end", end)).ExpectAsync(HttpStatusCode.OK);
        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M1"]["pairId"]}/end", end)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await Client.PostAsync($"/cohorts/{draft}/pairs/1/end", end)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await Client.PostAsync($"/cohorts/{id}/pairs/999999/end", end)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostAsync($"/cohorts/999999/pairs/1/end", end)).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Erasure_after_a_withdrawal_leaves_no_note_and_no_name()
    {
        var (id, pairs) = await PublishedRematchCohortAsync();
        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M1"]["pairId"]}/end", """{ "reason": "mentee-withdrew", "note": "Ada left for a post in Leeds" }"""))
            .ExpectAsync(HttpStatusCode.OK);

        await (await Client.DeleteAsync($"/cohorts/{id}/people/M1")).ExpectAsync(HttpStatusCode.OK);

        using var db = factory.OpenDatabase();
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM pairs WHERE end_note IS NOT NULL AND cohort_id = @id", new { id }));
        var personalData = factory.Services.GetRequiredService<PersonalData>();
        var columns = new (string Table, string Column, string Cohort, PersonalDataKind? Kind)[]
        {
            ("people", "name", "cohort_id", PersonalDataKind.Name),
            ("pairs", "end_note", "cohort_id", PersonalDataKind.EndNote),
            ("pairs", "mentee_id", "cohort_id", null),
            ("runs", "result_json", "cohort_id", PersonalDataKind.RunResult),
            ("cohorts", "policy_json", "id", null),
        };
        foreach (var (table, column, cohort, kind) in columns)
        {
            // Sealed columns are opened first: erasure must remove the person, not merely leave them encrypted.
            var values = (await db.QueryAsync<string?>($"SELECT {column} FROM {table} WHERE {cohort} = @id", new { id }))
                .Select(value => kind is { } sealedAs ? personalData.Open(sealedAs, value) : value)
                .OfType<string>();
            Assert.DoesNotContain(values, v => v.Contains("Leeds", StringComparison.Ordinal) || v.Contains("Okafor", StringComparison.Ordinal) || v.Contains("\"M1\"", StringComparison.Ordinal) || v == "M1");
        }

        var report = (await (await Client.GetAsync($"/cohorts/{id}/report")).ExpectAsync(HttpStatusCode.OK))!.ToJsonString();
        Assert.DoesNotContain("Leeds", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_counts_ended_pairs_by_reason_and_hides_small_counts()
    {
        var (id, pairs) = await PublishedRematchCohortAsync();
        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs["M1"]["pairId"]}/end", """{ "reason": "mismatch", "note": "private words" }""")).ExpectAsync(HttpStatusCode.OK);

        var report = (await (await Client.GetAsync($"/cohorts/{id}/report")).ExpectAsync(HttpStatusCode.OK))!;

        var outcomes = report["pairOutcomes"]!.AsArray().ToDictionary(o => (string)o!["outcome"]!, o => (string?)o!["pairs"]);
        Assert.Equal(["live", "mentee-withdrew", "mentor-withdrew", "mismatch", "other", "rematched", "erased"], outcomes.Keys);
        Assert.All(outcomes.Values, shown => Assert.Equal("<5", shown));
        Assert.DoesNotContain("private words", report.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>The hand-worked re-match cohort, published: each mentee's pair with its credential.</summary>
    private async Task<(long CohortId, Dictionary<string, JsonNode> Pairs)> PublishedRematchCohortAsync()
    {
        var id = await scenario.CohortWithPeopleAsync(TestData.RematchPeople, TestData.RematchPolicy);
        var run = await scenario.RunAsync(id);
        var publication = await scenario.PublishAsync(id, (long)run["id"]!);
        return (id, publication["pairs"]!.AsArray().ToDictionary(p => (string)p!["menteeId"]!, p => p!));
    }

    private HttpClient Logger(JsonNode pair) => factory.WithToken((string)pair["credential"]!);

    private static string[] PairNames(JsonNode? pairs) =>
        pairs!.AsArray().Select(p => $"{p!["menteeId"]}-{p["mentorId"]}").ToArray();
}
