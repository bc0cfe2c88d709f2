using System.Net;

namespace Mentoring.Matching.Api.Tests;

public sealed class JourneyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_whole_cohort_goes_from_creation_to_its_report()
    {
        var coordinator = factory.Coordinator();
        var (people, policy) = TestData.Seeds;

        // Create the cohort and load the seeds cohort's people.
        var cohort = (await (await coordinator.PostAsync("/cohorts", Scenario.CohortBody(policy, "Seeds cohort"))).ExpectAsync(HttpStatusCode.Created))!;
        var id = (long)cohort["id"]!;
        var loaded = (await (await coordinator.PutAsync($"/cohorts/{id}/people", Http.Csv(people))).ExpectAsync(HttpStatusCode.OK))!;
        Assert.True((int)loaded["mentees"]! >= 2);

        // First run.
        var first = (await (await coordinator.PostAsync($"/cohorts/{id}/runs", null)).ExpectAsync(HttpStatusCode.Created))!;
        var firstPairs = first["result"]!["pairs"]!.AsArray();
        Assert.Equal("Optimal", (string?)first["result"]!["status"]);
        Assert.True(firstPairs.Count(p => !(bool)p!["pinned"]!) >= 2);

        // Review: keep one pair for sure, rule out another, and run again.
        var unpinned = firstPairs.Where(p => !(bool)p!["pinned"]!).ToArray();
        var keep = unpinned[1]!;
        var drop = unpinned[0]!;
        await (await coordinator.PostAsync($"/cohorts/{id}/pins", $$"""{ "menteeId": "{{keep["menteeId"]}}", "mentorId": "{{keep["mentorId"]}}" }""")).ExpectAsync(HttpStatusCode.OK);
        await (await coordinator.PostAsync($"/cohorts/{id}/forbids", $$"""{ "menteeId": "{{drop["menteeId"]}}", "mentorId": "{{drop["mentorId"]}}" }""")).ExpectAsync(HttpStatusCode.OK);
        var second = (await (await coordinator.PostAsync($"/cohorts/{id}/runs", null)).ExpectAsync(HttpStatusCode.Created))!;
        var secondPairs = second["result"]!["pairs"]!.AsArray();
        Assert.Contains(secondPairs, p => (string?)p!["menteeId"] == (string?)keep["menteeId"] && (string?)p["mentorId"] == (string?)keep["mentorId"] && (bool)p["pinned"]!);
        Assert.DoesNotContain(secondPairs, p => (string?)p!["menteeId"] == (string?)drop["menteeId"] && (string?)p["mentorId"] == (string?)drop["mentorId"]);
        Assert.True((long)second["result"]!["total"]! <= (long)first["result"]!["total"]!, "more rules cannot raise the optimum");

        // The first run is stale now; the second is published.
        await (await coordinator.PostAsync($"/cohorts/{id}/runs/{first["id"]}/publish", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        var publication = (await (await coordinator.PostAsync($"/cohorts/{id}/runs/{second["id"]}/publish", null)).ExpectAsync(HttpStatusCode.Created))!;
        var pairs = publication["pairs"]!.AsArray();
        Assert.Equal(secondPairs.Count, pairs.Count);

        // Each pair logs its sessions with its own credential.
        var minutes = 0;
        foreach (var pair in pairs)
        {
            var logger = factory.WithToken((string)pair!["credential"]!);
            await (await logger.PostAsync($"/pairs/{pair["pairId"]}/sessions", Scenario.SessionBody("2026-01-26", 60, "\"sharing-experiences\""))).ExpectAsync(HttpStatusCode.Created);
            await (await logger.PostAsync($"/pairs/{pair["pairId"]}/sessions", Scenario.SessionBody("2026-02-23", 45, "\"black-lives-matter\", \"college-culture\""))).ExpectAsync(HttpStatusCode.Created);
            minutes += 105;
        }

        // The report adds it all up, without naming anyone.
        var report = (await (await coordinator.GetAsync($"/cohorts/{id}/report")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("published", (string?)report["status"]);
        Assert.Equal(Reports.SmallCounts.Show(pairs.Count), (string?)report["pairsMade"]);
        Assert.Equal(Reports.SmallCounts.Show(2 * pairs.Count), (string?)report["sessions"]!["held"]);
        if (2 * pairs.Count >= 5)
        {
            Assert.Equal(minutes, (long)report["minutes"]!["total"]!);
        }

        var topics = report["topics"]!.AsArray().ToDictionary(t => (string)t!["code"]!, t => (string)t!["sessions"]!);
        Assert.Equal(Reports.SmallCounts.Show(pairs.Count), topics["black-lives-matter"]);
        Assert.DoesNotContain((string)keep["menteeId"]!, report.ToJsonString(), StringComparison.Ordinal);
    }
}
