using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Mentoring.Matching.Api.Tests;

public sealed class PublishTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task Publishing_makes_the_runs_pairs_the_cohorts_pairings_each_with_its_own_credential()
    {
        var id = await scenario.CohortWithPeopleAsync();
        var run = await scenario.RunAsync(id);

        var response = await Client.PostAsync($"/cohorts/{id}/runs/{run["id"]}/publish", null);
        var publication = (await response.ExpectAsync(HttpStatusCode.Created))!;

        var pairs = publication["pairs"]!.AsArray();
        Assert.Equal(["M1", "M2"], pairs.Strings("menteeId"));
        Assert.Equal(2, pairs.Strings("credential").Distinct().Count());
        var cohort = (await (await Client.GetAsync($"/cohorts/{id}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("published", (string?)cohort["status"]);
        Assert.Equal((long)run["id"]!, (long)cohort["publishedRunId"]!);
        var listed = (await (await Client.GetAsync($"/cohorts/{id}/pairs")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(pairs.Select(p => (long)p!["pairId"]!), listed.Select(p => (long)p!["pairId"]!));
        Assert.Equal("""["gender"]""", listed[0]!["differences"]!.ToJsonString());
        var runAfter = (await (await Client.GetAsync($"/cohorts/{id}/runs/{run["id"]}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.True((bool)runAfter["published"]!);
    }

    [Fact]
    public async Task Credentials_are_stored_only_as_their_hash()
    {
        var (_, publication) = await scenario.PublishedAsync();
        var credential = (string)publication["pairs"]![0]!["credential"]!;
        var pairId = (long)publication["pairs"]![0]!["pairId"]!;

        using var db = factory.OpenDatabase();
        var stored = await db.ExecuteScalarAsync<string>("SELECT credential_hash FROM pairs WHERE id = @pairId", new { pairId });

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential))), stored);
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM pairs WHERE credential_hash = @credential", new { credential }));
    }

    [Fact]
    public async Task A_cohort_is_published_once()
    {
        var id = await scenario.CohortWithPeopleAsync();
        var first = await scenario.RunAsync(id);
        var second = await scenario.RunAsync(id);
        await scenario.PublishAsync(id, (long)first["id"]!);

        await (await Client.PostAsync($"/cohorts/{id}/runs/{first["id"]}/publish", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await Client.PostAsync($"/cohorts/{id}/runs/{second["id"]}/publish", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Of_two_publishes_at_once_exactly_one_wins()
    {
        var id = await scenario.CohortWithPeopleAsync();
        var runs = new[] { await scenario.RunAsync(id), await scenario.RunAsync(id) };

        var responses = await Task.WhenAll(runs.Select(run => factory.Coordinator().PostAsync($"/cohorts/{id}/runs/{run["id"]}/publish", null)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var pairs = (await (await Client.GetAsync($"/cohorts/{id}/pairs")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(2, pairs.Count);
    }

    [Fact]
    public async Task A_stale_run_is_refused_409()
    {
        var id = await scenario.CohortWithPeopleAsync();
        var run = await scenario.RunAsync(id);
        await (await Client.PutAsync($"/cohorts/{id}/policy", """{ "dimensions": { "gender": 2 } }""")).ExpectAsync(HttpStatusCode.OK);

        var problem = await (await Client.PostAsync($"/cohorts/{id}/runs/{run["id"]}/publish", null)).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("stale", (string?)problem["detail"], StringComparison.Ordinal);
        var cohort = (await (await Client.GetAsync($"/cohorts/{id}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("draft", (string?)cohort["status"]);
    }

    [Fact]
    public async Task An_infeasible_run_is_refused_409()
    {
        var id = await scenario.CohortWithPeopleAsync();
        await (await Client.PostAsync($"/cohorts/{id}/pins", """{ "menteeId": "M1", "mentorId": "T2" }""")).ExpectAsync(HttpStatusCode.OK);
        var problem = await (await Client.PostAsync($"/cohorts/{id}/runs", null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        await (await Client.PostAsync($"/cohorts/{id}/runs/{problem["runId"]}/publish", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Publishing_an_unknown_run_or_cohort_is_404()
    {
        var id = await scenario.CohortWithPeopleAsync();

        await (await Client.PostAsync($"/cohorts/{id}/runs/999999/publish", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostAsync("/cohorts/999999/runs/1/publish", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/cohorts/999999/pairs")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_credential_replaces_the_old_one()
    {
        var (id, publication) = await scenario.PublishedAsync();
        var pair = publication["pairs"]![0]!;
        var old = factory.WithToken((string)pair["credential"]!);

        var reissued = (await (await Client.PostAsync($"/cohorts/{id}/pairs/{pair["pairId"]}/credential", null)).ExpectAsync(HttpStatusCode.OK))!;

        await (await old.GetAsync($"/pairs/{pair["pairId"]}/sessions")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.WithToken((string)reissued["credential"]!).GetAsync($"/pairs/{pair["pairId"]}/sessions")).ExpectAsync(HttpStatusCode.OK);
        await (await Client.PostAsync($"/cohorts/{id}/pairs/999999/credential", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}
