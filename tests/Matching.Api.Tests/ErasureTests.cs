using System.Net;
using Dapper;

namespace Mentoring.Matching.Api.Tests;

public sealed class ErasureTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Person = "MENTEE-ADA";

    private const string Name = "Okafor, Ada";

    private static readonly string People = TestData.TinyPeople.Replace("M1,", Person + ",", StringComparison.Ordinal)
        .Replace("M2,Ben Li,mentee,9,Physics,,", "M2,Ben Li,mentee,9,Physics," + Person + ",", StringComparison.Ordinal);

    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task Erasure_leaves_nothing_of_the_person_in_the_database_but_keeps_the_reports_figures()
    {
        var id = await scenario.CohortWithPeopleAsync(People);
        await (await Client.PostAsync($"/cohorts/{id}/forbids", $$"""{ "menteeId": "{{Person}}", "mentorId": "T2" }""")).ExpectAsync(HttpStatusCode.OK);
        var run = await scenario.RunAsync(id);
        var publication = await scenario.PublishAsync(id, (long)run["id"]!);
        var pair = publication["pairs"]!.AsArray().Single(p => (string?)p!["menteeId"] == Person)!;
        var logger = factory.WithToken((string)pair["credential"]!);
        await (await logger.PostAsync($"/pairs/{pair["pairId"]}/sessions", Scenario.SessionBody(other: $"\"{Name} told me about her team\""))).ExpectAsync(HttpStatusCode.Created);
        var reportBefore = (await (await Client.GetAsync($"/cohorts/{id}/report")).ExpectAsync(HttpStatusCode.OK))!.ToJsonString();

        var receipt = (await (await Client.DeleteAsync($"/cohorts/{id}/people/{Person}")).ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal(1, (int)receipt["pairsEnded"]!);
        Assert.Equal(1, (int)receipt["pinsAndForbidsDropped"]!);
        Assert.Equal(1, (int)receipt["runsRedacted"]!);
        Assert.Empty(await RowsMentioningAsync(Person));
        Assert.Empty(await RowsMentioningAsync("Okafor"));
        var reportAfter = (await (await Client.GetAsync($"/cohorts/{id}/report")).ExpectAsync(HttpStatusCode.OK))!.ToJsonString();
        Assert.Equal(reportBefore, reportAfter);
    }

    [Fact]
    public async Task An_erased_persons_pair_ends_and_its_credential_stops_working()
    {
        var id = await scenario.CohortWithPeopleAsync(People);
        var run = await scenario.RunAsync(id);
        var publication = await scenario.PublishAsync(id, (long)run["id"]!);
        var pair = publication["pairs"]!.AsArray().Single(p => (string?)p!["menteeId"] == Person)!;

        await (await Client.DeleteAsync($"/cohorts/{id}/people/{Person}")).ExpectAsync(HttpStatusCode.OK);

        await (await factory.WithToken((string)pair["credential"]!).GetAsync($"/pairs/{pair["pairId"]}/sessions")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await Client.PostAsync($"/pairs/{pair["pairId"]}/sessions", Scenario.SessionBody())).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await Client.PostAsync($"/cohorts/{id}/pairs/{pair["pairId"]}/credential", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        var pairs = (await (await Client.GetAsync($"/cohorts/{id}/pairs")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        var ended = pairs.Single(p => (long)p!["pairId"]! == (long)pair["pairId"]!)!;
        Assert.False((bool)ended["canLog"]!);
        Assert.StartsWith("erased-", (string?)ended["menteeId"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_draft_the_erased_person_stays_in_the_org_chart_but_no_longer_takes_part()
    {
        var id = await scenario.CohortWithPeopleAsync(People);

        await (await Client.DeleteAsync($"/cohorts/{id}/people/{Person}")).ExpectAsync(HttpStatusCode.OK);
        var people = (await (await Client.GetAsync($"/cohorts/{id}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        var run = await scenario.RunAsync(id);

        var erased = people.Single(p => (bool)p!["erased"]!)!;
        Assert.Equal("", (string?)erased["name"]);
        Assert.Null(erased["grade"]);
        Assert.Equal("", (string?)erased["attributes"]!["gender"]);
        Assert.Equal((string?)erased["id"], (string?)people.Single(p => (string?)p!["id"] == "M2")!["managerId"]);
        Assert.Equal(["M2"], run["result"]!["pairs"].Strings("menteeId"));
        Assert.Empty(run["result"]!["unmatched"]!.AsArray());
    }

    [Fact]
    public async Task Erasing_someone_unknown_or_twice_is_404()
    {
        var id = await scenario.CohortWithPeopleAsync(People);
        await (await Client.DeleteAsync($"/cohorts/{id}/people/{Person}")).ExpectAsync(HttpStatusCode.OK);

        await (await Client.DeleteAsync($"/cohorts/{id}/people/{Person}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.DeleteAsync($"/cohorts/{id}/people/NOBODY")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.DeleteAsync($"/cohorts/999999/people/{Person}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>Every stored text value, in every table, that contains the text once sealed values are opened.</summary>
    private Task<string[]> RowsMentioningAsync(string text) => StoredText.MentioningAsync(factory, text);
}
