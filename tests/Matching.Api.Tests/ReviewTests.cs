using System.Net;
using System.Text.Json.Nodes;

namespace Mentoring.Matching.Api.Tests;

/// <summary>A run asked for alternatives and what-if carries exactly what the library answers, in the contract's names.</summary>
public sealed class ReviewTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task Alternatives_and_what_if_through_the_api_equal_the_librarys()
    {
        var id = await scenario.CohortWithPeopleAsync(TestData.SmallPeople, TestData.SmallPolicy);

        var run = (await (await Client.PostAsync($"/cohorts/{id}/runs", """{ "alternatives": 3, "whatIf": true }""")).ExpectAsync(HttpStatusCode.Created))!;

        var library = JsonNode.Parse(MatchingResultJson.ToJson(Matcher.Solve(
            MatchingProblem.Create(PeopleCsv.Read(new StringReader(TestData.SmallPeople)), PolicyJson.Parse(TestData.SmallPolicy)),
            new MatchingOptions { Alternatives = 3, WhatIf = true })))!;
        var whatIf = run["result"]!["whatIf"]!.AsArray();
        Assert.NotEmpty(whatIf);
        Assert.True(JsonNode.DeepEquals(library["whatIf"], whatIf), $"API: {whatIf.ToJsonString()}\nlibrary: {library["whatIf"]!.ToJsonString()}");
        var pairs = run["result"]!["pairs"]!.AsArray();
        Assert.Equal(library["pairs"]!.AsArray().Count, pairs.Count);
        Assert.Contains(pairs, p => p!["alternatives"]!.AsArray().Count == 3);
        for (var i = 0; i < pairs.Count; i++)
        {
            Assert.True(
                JsonNode.DeepEquals(library["pairs"]![i]!["alternatives"], pairs[i]!["alternatives"]),
                $"{pairs[i]!["menteeId"]}: API {pairs[i]!["alternatives"]?.ToJsonString()}, library {library["pairs"]![i]!["alternatives"]?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task A_run_asked_for_nothing_carries_no_alternatives_or_what_if()
    {
        var id = await scenario.CohortWithPeopleAsync();

        var run = await scenario.RunAsync(id);

        Assert.Null(run["result"]!["whatIf"]);
        Assert.All(run["result"]!["pairs"]!.AsArray(), p => Assert.Null(p!["alternatives"]));
        Assert.Null(run["changes"]);
    }

    [Theory]
    [InlineData("""{ "alternatives": 11 }""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{ "alternatives": -1 }""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{ "alternatives": "three" }""", HttpStatusCode.BadRequest)]
    [InlineData("""{ "alternative": 3 }""", HttpStatusCode.BadRequest)]
    public async Task A_bad_run_request_is_refused_and_no_run_is_stored(string body, HttpStatusCode status)
    {
        var id = await scenario.CohortWithPeopleAsync();

        await (await Client.PostAsync($"/cohorts/{id}/runs", body)).ExpectProblemAsync(status);

        Assert.Empty((await (await Client.GetAsync($"/cohorts/{id}/runs")).ExpectAsync(HttpStatusCode.OK))!.AsArray());
    }
}
