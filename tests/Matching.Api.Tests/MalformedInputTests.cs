using System.Net;

namespace Mentoring.Matching.Api.Tests;

/// <summary>Whatever a client sends to a draft cohort or a pair, the answer is a 4xx problem details response, never a 500.</summary>
public sealed class MalformedInputTests(PublishedCohortFactory published) : IClassFixture<PublishedCohortFactory>
{
    /// <summary>Every endpoint that reads a JSON body, with a template to fill.</summary>
    private static readonly (string Method, string Path)[] Writes =
    [
        ("POST", "/cohorts"),
        ("PUT", "/cohorts/{cohort}/policy"),
        ("POST", "/cohorts/{cohort}/pins"),
        ("POST", "/cohorts/{cohort}/forbids"),
        ("PUT", "/cohorts/{cohort}/people"),
        ("POST", "/pairs/{pair}/sessions"),
        ("PUT", "/pairs/{pair}/sessions/{session}"),
    ];

    public static TheoryData<string, string> JsonWrites()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in Writes)
        {
            data.Add(method, path);
        }

        return data;
    }

    public static TheoryData<string, string, string> WrongShapes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var body in new[] { "[1, 2]", "\"text\"", "42", "null", "{ \"minutes\": \"many\", \"date\": \"yesterday\", \"name\": 7, \"startsOn\": \"soon\", \"menteeId\": [1] }", "{ \"dimensions\": 5 }", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" })
        {
            foreach (var (method, path) in Writes)
            {
                data.Add(method, path, body);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JsonWrites))]
    public async Task Broken_json_is_400(string method, string path)
    {
        var session = await SessionAsync();

        await (await Send(method, path, session, Http.Json("{ \"name\": \"unfinished"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(JsonWrites))]
    public async Task A_wrong_content_type_is_415(string method, string path)
    {
        var session = await SessionAsync();

        await (await Send(method, path, session, Http.Typed("name=x", "application/x-www-form-urlencoded"))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [MemberData(nameof(JsonWrites))]
    public async Task A_missing_body_is_4xx(string method, string path)
    {
        var session = await SessionAsync();

        var response = await Send(method, path, session, null);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task Json_of_the_wrong_shape_is_4xx_never_500(string method, string path, string body)
    {
        var session = await SessionAsync();

        var response = await Send(method, path, session, Http.Json(body));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/cohorts/abc")]
    [InlineData("GET", "/cohorts/99999999999999999999")]
    [InlineData("GET", "/cohorts/-1")]
    [InlineData("GET", "/nowhere")]
    [InlineData("PATCH", "/cohorts/1")]
    [InlineData("DELETE", "/cohorts/1/people/%2F..%2F..")]
    [InlineData("GET", "/pairs/0/sessions/-5")]
    public async Task Odd_urls_are_4xx_problems(string method, string path)
    {
        var response = await published.Coordinator().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_huge_number_or_a_bad_date_in_a_session_is_400_naming_the_place_in_plain_words()
    {
        var pair = published.Pairs[0]!["pairId"];

        var date = await (await published.Coordinator().PostAsync($"/pairs/{pair}/sessions", """{ "date": "2026-02-30", "minutes": 30, "topics": ["other"] }""")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var number = await (await published.Coordinator().PostAsync($"/pairs/{pair}/sessions", """{ "date": "2026-02-01", "minutes": 1e400, "topics": ["other"] }""")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("$.date", (string?)date["detail"], StringComparison.Ordinal);
        Assert.Contains("$.minutes", (string?)number["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain("Mentoring.", (string?)date["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_field_is_400_naming_it()
    {
        var pair = published.Pairs[0]!["pairId"];

        var problem = await (await published.Coordinator().PostAsync($"/pairs/{pair}/sessions", """{ "date": "2026-02-01", "minuts": 30, "topics": ["other"] }""")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("'minuts'", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain("Mentoring.", (string?)problem["detail"], StringComparison.Ordinal);
    }

    private async Task<string> SessionAsync()
    {
        var pair = published.Pairs[0]!["pairId"];
        var session = (await (await published.Coordinator().PostAsync($"/pairs/{pair}/sessions", Scenario.SessionBody())).ExpectAsync(HttpStatusCode.Created))!;
        return session["id"]!.ToString();
    }

    private Task<HttpResponseMessage> Send(string method, string path, string session, HttpContent? content)
    {
        var draft = path.Replace("{cohort}", published.DraftCohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var url = published.Fill(draft).Replace("999999", session, StringComparison.Ordinal);
        return published.Coordinator().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });
    }
}
