using System.Net;

namespace Mentoring.Matching.Api.Tests;

public sealed class CohortTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task Create_answers_201_with_its_location_the_whole_policy_and_the_scheme_topics()
    {
        var response = await Client.PostAsync("/cohorts", Scenario.CohortBody("""{ "dimensions": { "gender": 2 }, "minGradeGap": 3 }""", "2026 cohort"));
        var cohort = (await response.ExpectAsync(HttpStatusCode.Created))!;

        Assert.Equal($"/cohorts/{cohort["id"]}", response.Headers.Location?.OriginalString);
        Assert.Equal("2026 cohort", (string?)cohort["name"]);
        Assert.Equal("draft", (string?)cohort["status"]);
        Assert.Equal("2026-01-12", (string?)cohort["startsOn"]);
        Assert.Equal(3, (int)cohort["policy"]!["minGradeGap"]!);
        Assert.Equal("chain", (string?)cohort["policy"]!["lineManagement"]);
        var topics = cohort["topics"].Strings("code");
        Assert.Equal(["sharing-experiences", "sexism-and-racism", "lgbtq-and-disability", "black-lives-matter", "power-and-hierarchies", "college-culture", "other"], topics);
    }

    [Fact]
    public async Task Create_names_every_bad_field_at_once()
    {
        var body = """{ "name": " ", "startsOn": "2026-05-01", "endsOn": "2026-04-01", "policy": { "dimensions": { "gender": -1 }, "bogus": true } }""";

        var problem = await (await Client.PostAsync("/cohorts", body)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        var errors = problem.Errors();
        Assert.Contains(errors, e => e.StartsWith("name:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("endsOn:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("policy.bogus:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("policy.dimensions.gender:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_requires_the_dates_and_the_policy()
    {
        var problem = await (await Client.PostAsync("/cohorts", """{ "name": "No policy" }""")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["startsOn", "endsOn", "policy"], problem["errors"].Strings("field"));
    }

    [Fact]
    public async Task List_and_get_show_created_cohorts()
    {
        var id = await scenario.CreateCohortAsync();

        var list = (await (await Client.GetAsync("/cohorts")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        var one = (await (await Client.GetAsync($"/cohorts/{id}")).ExpectAsync(HttpStatusCode.OK))!;

        Assert.Contains(list, c => (long)c!["id"]! == id);
        Assert.Equal(id, (long)one["id"]!);
        Assert.Equal(0, (int)one["people"]!["total"]!);
    }

    [Fact]
    public async Task Get_of_an_unknown_cohort_is_404()
    {
        await (await Client.GetAsync("/cohorts/999999")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Replace_policy_stores_it_while_draft()
    {
        var id = await scenario.CreateCohortAsync();

        var cohort = (await (await Client.PutAsync($"/cohorts/{id}/policy", """{ "dimensions": { "gender": 4 }, "objective": "fairness" }""")).ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal("fairness", (string?)cohort["policy"]!["objective"]);
        var reread = (await (await Client.GetAsync($"/cohorts/{id}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(4, (int)reread["policy"]!["dimensions"]!["gender"]!);
    }

    [Fact]
    public async Task Replace_policy_refuses_an_invalid_policy_and_keeps_the_old_one()
    {
        var id = await scenario.CreateCohortAsync();

        var problem = await (await Client.PutAsync($"/cohorts/{id}/policy", """{ "dimensions": { "gender": 1 }, "objective": "luck" }""")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(problem.Errors(), e => e.StartsWith("objective:", StringComparison.Ordinal));
        var cohort = (await (await Client.GetAsync($"/cohorts/{id}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("total", (string?)cohort["policy"]!["objective"]);
    }

    [Fact]
    public async Task Replace_policy_of_an_unknown_cohort_is_404_and_of_a_published_one_409()
    {
        var (published, _) = await scenario.PublishedAsync();

        await (await Client.PutAsync("/cohorts/999999/policy", TestData.TinyPolicy)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PutAsync($"/cohorts/{published}/policy", TestData.TinyPolicy)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("pins", "pinnedPairs")]
    [InlineData("forbids", "forbiddenPairs")]
    public async Task Pairs_can_be_added_once_and_removed(string list, string field)
    {
        var id = await scenario.CreateCohortAsync();

        await (await Client.PostAsync($"/cohorts/{id}/{list}", """{ "menteeId": "M1", "mentorId": "T2" }""")).ExpectAsync(HttpStatusCode.OK);
        var twice = (await (await Client.PostAsync($"/cohorts/{id}/{list}", """{ "menteeId": "M1", "mentorId": "T2" }""")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("""[["M1","T2"]]""", twice["policy"]![field]!.ToJsonString());

        var removed = (await (await Client.DeleteAsync($"/cohorts/{id}/{list}?menteeId=M1&mentorId=T2")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("[]", removed["policy"]![field]!.ToJsonString());
        await (await Client.DeleteAsync($"/cohorts/{id}/{list}?menteeId=M1&mentorId=T2")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("pins")]
    [InlineData("forbids")]
    public async Task Pairs_need_both_ids_a_known_cohort_and_a_draft(string list)
    {
        var id = await scenario.CreateCohortAsync();
        var (published, _) = await scenario.PublishedAsync();

        var problem = await (await Client.PostAsync($"/cohorts/{id}/{list}", """{ "menteeId": "M1" }""")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["mentorId: the mentor's id is required"], problem.Errors());
        await (await Client.DeleteAsync($"/cohorts/{id}/{list}?mentorId=T1")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await Client.PostAsync($"/cohorts/999999/{list}", """{ "menteeId": "M1", "mentorId": "T1" }""")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostAsync($"/cohorts/{published}/{list}", """{ "menteeId": "M1", "mentorId": "T1" }""")).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await Client.DeleteAsync($"/cohorts/{published}/{list}?menteeId=M1&mentorId=T1")).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Update_details_renames_and_re_dates_a_draft_and_a_published_cohort()
    {
        var draft = await scenario.CreateCohortAsync();
        var (published, _) = await scenario.PublishedAsync();

        foreach (var id in new[] { draft, published })
        {
            var cohort = (await (await Client.PutAsync($"/cohorts/{id}", """{ "name": "  Autumn cohort ", "startsOn": "2026-01-05", "endsOn": "2026-09-30" }""")).ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal("Autumn cohort", (string?)cohort["name"]);
            var reread = (await (await Client.GetAsync($"/cohorts/{id}")).ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal("2026-01-05", (string?)reread["startsOn"]);
            Assert.Equal("2026-09-30", (string?)reread["endsOn"]);
        }
    }

    [Fact]
    public async Task Update_details_checks_as_create_does_and_keeps_the_old_details()
    {
        var id = await scenario.CreateCohortAsync();

        var problem = await (await Client.PutAsync($"/cohorts/{id}", """{ "name": " ", "startsOn": "2026-05-01", "endsOn": "2026-04-01" }""")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["name", "endsOn"], problem["errors"].Strings("field"));
        var missing = await (await Client.PutAsync($"/cohorts/{id}", """{ "name": "x" }""")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["startsOn", "endsOn"], missing["errors"].Strings("field"));
        var cohort = (await (await Client.GetAsync($"/cohorts/{id}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("Spring cohort", (string?)cohort["name"]);
        Assert.Equal("2026-01-12", (string?)cohort["startsOn"]);
        await (await Client.PutAsync("/cohorts/999999", """{ "name": "x", "startsOn": "2026-01-01", "endsOn": "2026-02-01" }""")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_details_refuses_dates_that_would_leave_a_logged_session_outside()
    {
        var (id, publication) = await scenario.PublishedAsync();
        var pair = publication["pairs"]![0]!;
        var logger = factory.WithToken((string)pair["credential"]!);
        await (await logger.PostAsync($"/pairs/{pair["pairId"]}/sessions", Scenario.SessionBody("2026-02-10"))).ExpectAsync(HttpStatusCode.Created);

        var problem = await (await Client.PutAsync($"/cohorts/{id}", """{ "name": "Spring cohort", "startsOn": "2026-03-01", "endsOn": "2026-07-31" }""")).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2026-02-10", (string?)problem["detail"], StringComparison.Ordinal);
        var cohort = (await (await Client.GetAsync($"/cohorts/{id}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("2026-01-12", (string?)cohort["startsOn"]);
        await (await Client.PutAsync($"/cohorts/{id}", """{ "name": "Spring cohort", "startsOn": "2026-02-10", "endsOn": "2026-02-10" }""")).ExpectAsync(HttpStatusCode.OK);
    }
}
