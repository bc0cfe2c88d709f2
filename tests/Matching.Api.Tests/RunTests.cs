using System.Net;
using System.Text.Json.Nodes;

namespace Mentoring.Matching.Api.Tests;

public sealed class RunTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task A_run_answers_201_with_status_pairs_explanations_and_its_record()
    {
        var id = await scenario.CohortWithPeopleAsync();

        var response = await Client.PostAsync($"/cohorts/{id}/runs", null);
        var run = (await response.ExpectAsync(HttpStatusCode.Created))!;

        Assert.Equal($"/cohorts/{id}/runs/{run["id"]}", response.Headers.Location?.OriginalString);
        var result = run["result"]!;
        Assert.Equal("Optimal", (string?)result["status"]);
        Assert.Equal(["M1", "M2"], result["pairs"].Strings("menteeId"));
        Assert.Equal(["T1", "T2"], result["pairs"].Strings("mentorId"));
        Assert.Equal("gender", (string?)result["pairs"]![0]!["differences"]![0]!["dimension"]);
        Assert.Equal("""["mon-am"]""", result["pairs"]![0]!["sharedSlots"]!.ToJsonString());
        Assert.Matches("^[0-9a-f]{64}$", (string?)result["run"]!["inputHash"]);
        Assert.False(string.IsNullOrEmpty((string?)result["run"]!["engineVersion"]));
        Assert.Equal(1, (int)result["run"]!["policy"]!["dimensions"]!["gender"]!);
        Assert.Equal(ApiFactory.Now, DateTimeOffset.Parse((string)run["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False((bool)run["stale"]!);
    }

    [Fact]
    public async Task The_api_returns_exactly_what_the_library_decides_on_the_seeds()
    {
        var (people, policy) = TestData.Seeds;
        var id = await scenario.CohortWithPeopleAsync(people, policy);

        var run = await scenario.RunAsync(id);

        var expected = Matcher.Solve(MatchingProblem.Create(PeopleCsv.Read(new StringReader(people)), PolicyJson.Parse(policy)));
        var result = run["result"]!;
        Assert.Equal(expected.Status.ToString(), (string?)result["status"]);
        Assert.Equal(expected.Matched, (int)result["matched"]!);
        Assert.Equal(expected.Total, (long)result["total"]!);
        Assert.Equal(expected.Facts.InputHash, (string?)result["run"]!["inputHash"]);
        Assert.Equal(expected.Pairs.Select(p => $"{p.MenteeId}-{p.MentorId}"), result["pairs"]!.AsArray().Select(p => $"{p!["menteeId"]}-{p["mentorId"]}"));
        Assert.Equal(expected.Unmatched.Select(u => u.MenteeId), result["unmatched"].Strings("menteeId"));
    }

    [Fact]
    public async Task A_run_can_be_read_back_later_as_it_was_and_runs_are_listed_newest_first()
    {
        var id = await scenario.CohortWithPeopleAsync();
        var first = await scenario.RunAsync(id);
        factory.Time.Advance(TimeSpan.FromHours(1));
        var second = await scenario.RunAsync(id);

        var reread = (await (await Client.GetAsync($"/cohorts/{id}/runs/{first["id"]}")).ExpectAsync(HttpStatusCode.OK))!;
        var list = (await (await Client.GetAsync($"/cohorts/{id}/runs")).ExpectAsync(HttpStatusCode.OK))!.AsArray();

        Assert.True(JsonNode.DeepEquals(first["result"], reread["result"]));
        Assert.Equal([(long)second["id"]!, (long)first["id"]!], list.Select(r => (long)r!["id"]!));
        Assert.Equal(ApiFactory.Now.AddHours(1), DateTimeOffset.Parse((string)list[0]!["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Unmatched_mentees_come_with_their_reason()
    {
        var people = TestData.TinyPeople + "M3,Eve,mentee,9,Law,,,fri-pm,male\nM4,Fay,mentee,9,Law,,,mon-am,female\n";
        var id = await scenario.CohortWithPeopleAsync(people);

        var result = (await scenario.RunAsync(id))["result"]!;

        // M3 shares no slot with any mentor; M1 and M4 (both female) compete for T1, the only male mentor.
        var unmatched = result["unmatched"]!.AsArray().ToDictionary(u => (string)u!["menteeId"]!, u => (string)u!["reason"]!);
        Assert.Equal(2, unmatched.Count);
        Assert.Equal("noFeasibleMentor", unmatched["M3"]);
        Assert.Equal("mentorsNeededByOthers", unmatched.GetValueOrDefault("M1") ?? unmatched["M4"]);
    }

    [Fact]
    public async Task Forbidding_a_pair_and_running_again_changes_the_pairing()
    {
        var id = await scenario.CohortWithPeopleAsync(TestData.TinyPeople.Replace("mon-am;tue-pm,male", "mon-am;tue-pm,female", StringComparison.Ordinal), """{ "dimensions": { "gender": 1 }, "minDifferences": 0 }""");
        var before = await scenario.RunAsync(id);
        var (mentee, mentor) = ((string)before["result"]!["pairs"]![0]!["menteeId"]!, (string)before["result"]!["pairs"]![0]!["mentorId"]!);

        await (await Client.PostAsync($"/cohorts/{id}/forbids", $$"""{ "menteeId": "{{mentee}}", "mentorId": "{{mentor}}" }""")).ExpectAsync(HttpStatusCode.OK);
        var after = await scenario.RunAsync(id);

        Assert.DoesNotContain(after["result"]!["pairs"]!.AsArray(), p => (string?)p!["menteeId"] == mentee && (string?)p["mentorId"] == mentor);
        Assert.True((long)after["result"]!["total"]! <= (long)before["result"]!["total"]!);
    }

    [Fact]
    public async Task A_pin_that_breaks_a_rule_is_422_with_the_reason_and_the_run_is_kept()
    {
        var id = await scenario.CohortWithPeopleAsync();
        await (await Client.PostAsync($"/cohorts/{id}/pins", """{ "menteeId": "M1", "mentorId": "T2" }""")).ExpectAsync(HttpStatusCode.OK);

        var problem = await (await Client.PostAsync($"/cohorts/{id}/runs", null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("pinnedPairs[0] (M1, T2) breaks minDifferences", (string?)problem["detail"], StringComparison.Ordinal);
        var stored = (await (await Client.GetAsync($"/cohorts/{id}/runs/{problem["runId"]}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("Infeasible", (string?)stored["result"]!["status"]);
    }

    [Fact]
    public async Task People_and_policy_that_do_not_fit_together_are_422_naming_the_field()
    {
        var id = await scenario.CohortWithPeopleAsync(TestData.TinyPeople, """{ "dimensions": { "ethnicity": 1 }, "pinnedPairs": [["T1", "M1"]] }""");

        var problem = await (await Client.PostAsync($"/cohorts/{id}/runs", null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("dimensions.ethnicity", problem["errors"].Strings("field"));
    }

    [Fact]
    public async Task A_run_goes_stale_when_the_people_or_the_policy_change()
    {
        var id = await scenario.CohortWithPeopleAsync();
        var run = await scenario.RunAsync(id);

        await (await Client.PostAsync($"/cohorts/{id}/forbids", """{ "menteeId": "M2", "mentorId": "T1" }""")).ExpectAsync(HttpStatusCode.OK);
        var afterPolicy = (await (await Client.GetAsync($"/cohorts/{id}/runs/{run["id"]}")).ExpectAsync(HttpStatusCode.OK))!;
        await (await Client.DeleteAsync($"/cohorts/{id}/forbids?menteeId=M2&mentorId=T1")).ExpectAsync(HttpStatusCode.OK);
        var restored = (await (await Client.GetAsync($"/cohorts/{id}/runs/{run["id"]}")).ExpectAsync(HttpStatusCode.OK))!;
        await (await Client.PutAsync($"/cohorts/{id}/people", Http.Csv(TestData.TinyPeople.Replace("Ben Li", "Benjamin Li", StringComparison.Ordinal)))).ExpectAsync(HttpStatusCode.OK);
        var afterPeople = (await (await Client.GetAsync($"/cohorts/{id}/runs/{run["id"]}")).ExpectAsync(HttpStatusCode.OK))!;

        Assert.True((bool)afterPolicy["stale"]!);
        Assert.False((bool)restored["stale"]!);
        Assert.True((bool)afterPeople["stale"]!);
    }

    [Fact]
    public async Task Runs_need_people_and_a_known_cohort()
    {
        var empty = await scenario.CreateCohortAsync();

        await (await Client.PostAsync($"/cohorts/{empty}/runs", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await Client.PostAsync("/cohorts/999999/runs", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/cohorts/999999/runs")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync($"/cohorts/{empty}/runs/999999")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_run_of_another_cohort_is_not_found_through_this_one()
    {
        var first = await scenario.CohortWithPeopleAsync();
        var second = await scenario.CohortWithPeopleAsync();
        var run = await scenario.RunAsync(first);

        await (await Client.GetAsync($"/cohorts/{second}/runs/{run["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostAsync($"/cohorts/{second}/runs/{run["id"]}/publish", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}
