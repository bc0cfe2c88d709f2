using System.Net;
using System.Text.Json.Nodes;

namespace Mentoring.Matching.Api.Tests;

public sealed class OpenApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<JsonNode> DocumentAsync() =>
        (await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK))!;

    [Fact]
    public async Task Every_endpoint_is_described_with_its_access_errors()
    {
        var paths = (await DocumentAsync())["paths"]!;

        foreach (var (method, path, _) in Endpoints.All)
        {
            var template = path.Split('?')[0]
                .Replace("{cohort}", "{cohortId}", StringComparison.Ordinal).Replace("{run}", "{runId}", StringComparison.Ordinal)
                .Replace("{pair}", "{pairId}", StringComparison.Ordinal).Replace("{session}", "{sessionId}", StringComparison.Ordinal)
                .Replace("{person}", "{personId}", StringComparison.Ordinal).Replace("{scheme}", "{schemeId}", StringComparison.Ordinal)
                .Replace("{key}", "{staffKeyId}", StringComparison.Ordinal);
            var operation = paths[template]?[method.ToLowerInvariant()];
            Assert.True(operation is not null, $"{method} {template} is not in the document");
            var responses = operation!["responses"]!.AsObject();
            Assert.Contains("401", responses.Select(r => r.Key));
            Assert.Contains("403", responses.Select(r => r.Key));
            Assert.Contains("429", responses.Select(r => r.Key));
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{method} {template} has no summary");
        }
    }

    [Fact]
    public async Task Writes_describe_their_bodies_and_the_422_shape_lists_every_error()
    {
        var document = await DocumentAsync();

        var sessions = document["paths"]!["/pairs/{pairId}/sessions"]!["post"]!;
        Assert.Equal("#/components/schemas/SessionRequest", (string?)sessions["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/InvalidInputProblem", (string?)sessions["responses"]!["422"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        var invalid = document["components"]!["schemas"]!["InvalidInputProblem"]!;
        Assert.Equal("#/components/schemas/FieldError", (string?)invalid["properties"]!["errors"]!["items"]!["$ref"]);
        var people = document["paths"]!["/cohorts/{cohortId}/people"]!["put"]!["requestBody"]!["content"]!.AsObject();
        Assert.Equal(["application/json", "text/csv"], people.Select(c => c.Key).Order(StringComparer.Ordinal));
        var policy = document["components"]!["schemas"]!["Policy"]!;
        Assert.Contains("pinnedPairs", policy["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]);
    }

    [Theory]
    [InlineData("/pairs/{pairId}/sessions", "post")]
    [InlineData("/cohorts/{cohortId}/runs/{runId}/publish", "post")]
    public async Task The_idempotent_writes_describe_their_key_and_its_answers(string path, string method)
    {
        var operation = (await DocumentAsync())["paths"]![path]![method]!;

        var key = operation["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "Idempotency-Key")!;
        Assert.Equal("header", (string?)key["in"]);
        Assert.Equal(255, (int)key["schema"]!["maxLength"]!);
        Assert.Equal(["409", "422", "429"], operation["responses"]!.AsObject().Select(r => r.Key).Where(k => k is "409" or "422" or "429").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_reference_page_is_served()
    {
        var response = await factory.CreateClient().GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
