using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;

namespace Mentoring.Matching.Api.Tests;

/// <summary>
/// The current input hash kept per cohort (issue 12): every kind of change it reads makes a run read after it say
/// stale, and reads with no change in between do not compute it again. Each change comes after a read that filled
/// the cache, so a cache that missed the change would still say the run is fresh.
/// </summary>
public sealed class InputHashCacheTests(InputHashCacheTests.HashLoggingFactory factory) : IClassFixture<InputHashCacheTests.HashLoggingFactory>
{
    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task Reads_after_a_change_compute_the_hash_once_and_answer_the_same()
    {
        var id = await scenario.CohortWithPeopleAsync();
        var run = await scenario.RunAsync(id);
        await (await Client.PostAsync($"/cohorts/{id}/forbids", """{ "menteeId": "M2", "mentorId": "T1" }""")).ExpectAsync(HttpStatusCode.OK);
        var before = Computations(id);

        var reads = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            reads.Add(await StaleAsync(id, run));
        }

        Assert.Equal([true, true, true], reads);
        Assert.Equal(before + 1, Computations(id));
    }

    [Fact]
    public async Task Uploading_people_makes_the_run_stale()
    {
        var (id, run) = await FreshRunAsync();

        await (await Client.PutAsync($"/cohorts/{id}/people", Http.Csv(TestData.TinyPeople.Replace("Ben Li", "Benjamin Li", StringComparison.Ordinal))))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.True(await StaleAsync(id, run));
    }

    [Fact]
    public async Task Replacing_the_policy_makes_the_run_stale()
    {
        var (id, run) = await FreshRunAsync();

        await (await Client.PutAsync($"/cohorts/{id}/policy", """{ "dimensions": { "gender": 2 } }""")).ExpectAsync(HttpStatusCode.OK);

        Assert.True(await StaleAsync(id, run));
    }

    [Theory]
    [InlineData("pins", "M1", "T2")]
    [InlineData("forbids", "M2", "T1")]
    public async Task Adding_a_pin_or_forbid_makes_the_run_stale_and_removing_it_fresh_again(string list, string menteeId, string mentorId)
    {
        var (id, run) = await FreshRunAsync();

        await (await Client.PostAsync($"/cohorts/{id}/{list}", $$"""{ "menteeId": "{{menteeId}}", "mentorId": "{{mentorId}}" }""")).ExpectAsync(HttpStatusCode.OK);
        var added = await StaleAsync(id, run);
        await (await Client.DeleteAsync($"/cohorts/{id}/{list}?menteeId={menteeId}&mentorId={mentorId}")).ExpectAsync(HttpStatusCode.OK);
        var removed = await StaleAsync(id, run);

        Assert.True(added);
        Assert.False(removed);
    }

    [Fact]
    public async Task Publishing_makes_the_cohorts_other_runs_stale()
    {
        var (id, run) = await FreshRunAsync();
        var published = await scenario.RunAsync(id);

        await scenario.PublishAsync(id, (long)published["id"]!);

        Assert.True(await StaleAsync(id, run));
    }

    [Fact]
    public async Task Ending_a_pair_makes_the_rematch_run_stale()
    {
        var (id, pairs) = await PublishedAsync();
        var run = await FreshRematchRunAsync(id);

        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pairs[0]!["pairId"]}/end", """{ "reason": "other" }""")).ExpectAsync(HttpStatusCode.OK);

        Assert.True(await StaleAsync(id, run));
    }

    [Fact]
    public async Task Locking_a_pair_makes_the_rematch_run_stale_and_unlocking_it_fresh_again()
    {
        var (id, pairs) = await PublishedAsync();
        var run = await FreshRematchRunAsync(id);

        await (await Client.PutAsync($"/cohorts/{id}/pairs/{pairs[0]!["pairId"]}/lock", null)).ExpectAsync(HttpStatusCode.NoContent);
        var locked = await StaleAsync(id, run);
        await (await Client.DeleteAsync($"/cohorts/{id}/pairs/{pairs[0]!["pairId"]}/lock")).ExpectAsync(HttpStatusCode.NoContent);
        var unlocked = await StaleAsync(id, run);

        Assert.True(locked);
        Assert.False(unlocked);
    }

    [Fact]
    public async Task Erasing_a_person_makes_the_run_stale()
    {
        var (id, run) = await FreshRunAsync();

        await (await Client.DeleteAsync($"/cohorts/{id}/people/M2")).ExpectAsync(HttpStatusCode.OK);

        Assert.True(await StaleAsync(id, run));
    }

    [Fact]
    public async Task A_publication_in_another_cohort_of_the_scheme_makes_the_run_stale()
    {
        var schemeId = (long)(await (await Client.PostAsync("/schemes", """{ "name": "Cached scheme" }""")).ExpectAsync(HttpStatusCode.Created))!["id"]!;
        var id = await SchemeCohortAsync(schemeId, "2027 cohort");
        var run = await scenario.RunAsync(id);
        Assert.False(await StaleAsync(id, run));
        var other = await SchemeCohortAsync(schemeId, "2026 cohort");

        await scenario.PublishAsync(other, (long)(await scenario.RunAsync(other))["id"]!);

        Assert.True(await StaleAsync(id, run));
    }

    /// <summary>A tiny draft cohort and a run of it, read once so the cohort's hash is cached.</summary>
    private async Task<(long CohortId, JsonNode Run)> FreshRunAsync()
    {
        var id = await scenario.CohortWithPeopleAsync();
        var run = await scenario.RunAsync(id);
        Assert.False(await StaleAsync(id, run));
        return (id, run);
    }

    private async Task<(long CohortId, JsonArray Pairs)> PublishedAsync()
    {
        var (id, publication) = await scenario.PublishedAsync();
        return (id, publication["pairs"]!.AsArray());
    }

    /// <summary>A re-match run of a published cohort, read once so the cohort's hash is cached.</summary>
    private async Task<JsonNode> FreshRematchRunAsync(long cohortId)
    {
        var run = await scenario.RunAsync(cohortId);
        Assert.False(await StaleAsync(cohortId, run));
        return run;
    }

    private async Task<long> SchemeCohortAsync(long schemeId, string name)
    {
        var cohort = await (await Client.PostAsync("/cohorts", Scenario.CohortBody(TestData.TinyPolicy, name, schemeId))).ExpectAsync(HttpStatusCode.Created);
        var id = (long)cohort!["id"]!;
        await (await Client.PutAsync($"/cohorts/{id}/people", Http.Csv(TestData.TinyPeople))).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    /// <summary>Whether the run reads as stale, checked to agree with the run list, which shares the cached hash.</summary>
    private async Task<bool> StaleAsync(long cohortId, JsonNode run)
    {
        var read = (await (await Client.GetAsync($"/cohorts/{cohortId}/runs/{run["id"]}")).ExpectAsync(HttpStatusCode.OK))!;
        var listed = (await (await Client.GetAsync($"/cohorts/{cohortId}/runs")).ExpectAsync(HttpStatusCode.OK))!.AsArray()
            .Single(r => (long)r!["id"]! == (long)run["id"]!)!;
        Assert.Equal((bool)read["stale"]!, (bool)listed["stale"]!);
        return (bool)read["stale"]!;
    }

    /// <summary>How many times the API has computed the cohort's current input hash (its debug log says so each time).</summary>
    private int Computations(long cohortId) =>
        factory.Logs.Count(m => m.StartsWith($"Cohort {cohortId}: input hash computed", StringComparison.Ordinal));

    /// <summary>The API with the input hash cache's debug messages logged, to count its computations.</summary>
    public sealed class HashLoggingFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Mentoring.Matching.Api.Runs.CurrentInputHashes", "Debug");
        }
    }
}
