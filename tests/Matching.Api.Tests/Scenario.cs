using System.Net;
using System.Text.Json.Nodes;

namespace Mentoring.Matching.Api.Tests;

/// <summary>The steps of a cohort's journey, each checked, for tests that need to get somewhere first.</summary>
internal sealed class Scenario(ApiFactory factory)
{
    public HttpClient Coordinator { get; } = factory.Coordinator();

    /// <summary>A new cohort's body; with <paramref name="schemeId"/>, a cohort of that scheme.</summary>
    public static string CohortBody(string policy, string name = "Spring cohort", long? schemeId = null) =>
        $$"""{ "name": "{{name}}", {{(schemeId is { } id ? $"\"schemeId\": {id}, " : "")}}"startsOn": "2026-01-12", "endsOn": "2026-07-31", "policy": {{policy}} }""";

    public async Task<long> CreateCohortAsync(string policy = TestData.TinyPolicy)
    {
        var cohort = await (await Coordinator.PostAsync("/cohorts", CohortBody(policy))).ExpectAsync(HttpStatusCode.Created);
        return (long)cohort!["id"]!;
    }

    public async Task<long> CohortWithPeopleAsync(string people = TestData.TinyPeople, string policy = TestData.TinyPolicy)
    {
        var cohortId = await CreateCohortAsync(policy);
        await (await Coordinator.PutAsync($"/cohorts/{cohortId}/people", Http.Csv(people))).ExpectAsync(HttpStatusCode.OK);
        return cohortId;
    }

    public async Task<JsonNode> RunAsync(long cohortId) =>
        (await (await Coordinator.PostAsync($"/cohorts/{cohortId}/runs", null)).ExpectAsync(HttpStatusCode.Created))!;

    public async Task<JsonNode> PublishAsync(long cohortId, long runId) =>
        (await (await Coordinator.PostAsync($"/cohorts/{cohortId}/runs/{runId}/publish", null)).ExpectAsync(HttpStatusCode.Created))!;

    /// <summary>A published tiny cohort: its id and its publication (pairs M1–T1 and M2–T2 with their credentials).</summary>
    public async Task<(long CohortId, JsonNode Publication)> PublishedAsync()
    {
        var cohortId = await CohortWithPeopleAsync();
        var run = await RunAsync(cohortId);
        return (cohortId, await PublishAsync(cohortId, (long)run["id"]!));
    }

    public static string SessionBody(string date = "2026-02-10", int minutes = 45, string topics = "\"college-culture\"", string other = "null") =>
        $$"""{ "date": "{{date}}", "minutes": {{minutes}}, "topics": [{{topics}}], "otherTopic": {{other}} }""";
}
