using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Matching.Api.Tests;

/// <summary>A published tiny cohort whose pairs' credentials tests use, and a draft one; tests do not change either.</summary>
public class PublishedCohortFactory : ApiFactory, IAsyncLifetime
{
    public long CohortId { get; private set; }

    public long RunId { get; private set; }

    public long DraftCohortId { get; private set; }

    public JsonNode Pairs { get; private set; } = new JsonArray();

    public async Task InitializeAsync()
    {
        var scenario = new Scenario(this);
        CohortId = await scenario.CohortWithPeopleAsync();
        var run = await scenario.RunAsync(CohortId);
        RunId = (long)run["id"]!;
        Pairs = (await scenario.PublishAsync(CohortId, RunId))["pairs"]!;
        DraftCohortId = await scenario.CohortWithPeopleAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public string Fill(string path, int pair = 0) => path
        .Replace("{cohort}", CohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{run}", RunId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{pair}", (string?)Pairs[pair]!["pairId"]!.ToString(), StringComparison.Ordinal)
        .Replace("{session}", "999999", StringComparison.Ordinal)
        .Replace("{person}", "M1", StringComparison.Ordinal)
            .Replace("{scheme}", "1", StringComparison.Ordinal)
            .Replace("{key}", "999999", StringComparison.Ordinal);

    public HttpClient Logger(int pair) => WithToken((string)Pairs[pair]!["credential"]!);
}

public sealed class AccessTests(PublishedCohortFactory factory) : IClassFixture<PublishedCohortFactory>
{
    [Fact]
    public void The_endpoint_list_is_every_route_the_api_maps()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not null)
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/openapi", StringComparison.Ordinal) && !e.RoutePattern.RawText.StartsWith("/scalar", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Endpoints.Shape(e.RoutePattern.RawText!.TrimEnd('/'))}"))
            .Order(StringComparer.Ordinal);

        var listed = Endpoints.All.Select(e => $"{e.Method} {Endpoints.Shape(e.Path)}").Concat(Endpoints.Anonymous.Select(e => $"{e.Method} {e.Path}"));
        Assert.Equal(listed.Order(StringComparer.Ordinal), routes);
    }

    [Theory]
    [MemberData(nameof(Endpoints.Open), MemberType = typeof(Endpoints))]
    public async Task The_health_probes_answer_anyone_and_say_only_healthy(string method, string path)
    {
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (method == "GET")
        {
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints.Every), MemberType = typeof(Endpoints))]
    public async Task Without_a_token_every_endpoint_is_401(string method, string path)
    {
        var response = await factory.CreateClient().SendAsync(Request(method, path, factory.Fill(path)));

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [MemberData(nameof(Endpoints.Every), MemberType = typeof(Endpoints))]
    public async Task An_unknown_or_malformed_token_is_401(string method, string path)
    {
        await (await factory.WithToken("not-a-key").SendAsync(Request(method, path, factory.Fill(path)))).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var basic = factory.CreateClient();
        basic.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Basic {ApiFactory.CoordinatorKey}");
        await (await basic.SendAsync(Request(method, path, factory.Fill(path)))).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints.CoordinatorOnly), MemberType = typeof(Endpoints))]
    public async Task A_pair_credential_cannot_reach_coordinator_endpoints(string method, string path)
    {
        await (await factory.Logger(0).SendAsync(Request(method, path, factory.Fill(path)))).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Endpoints.PairEndpoints), MemberType = typeof(Endpoints))]
    public async Task A_pair_credential_cannot_reach_another_pairs_sessions(string method, string path)
    {
        await (await factory.Logger(1).SendAsync(Request(method, path, factory.Fill(path, pair: 0)))).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Endpoints.PairEndpoints), MemberType = typeof(Endpoints))]
    public async Task A_pair_credential_reaches_its_own_pairs_endpoints(string method, string path)
    {
        var response = await factory.Logger(0).SendAsync(Request(method, path, factory.Fill(path, pair: 0)));

        // The unknown session id gives 404; anything but an access refusal is the point.
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(Endpoints.Every), MemberType = typeof(Endpoints))]
    public async Task The_coordinator_reaches_every_endpoint(string method, string path)
    {
        // A fresh published cohort, so writes here do not disturb the other tests.
        var own = new PublishedCohortFactoryView(await new Scenario(factory).PublishedAsync());

        var response = await factory.Coordinator().SendAsync(Request(method, path, own.Fill(path)));

        Assert.True((int)response.StatusCode < 400 || response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict,
            $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task The_api_description_and_its_reference_page_are_open(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string template, string path) =>
        new(new HttpMethod(method), path) { Content = Endpoints.Body(method, template) };

    private sealed record PublishedCohortFactoryView((long CohortId, JsonNode Publication) Published)
    {
        public string Fill(string path) => path
            .Replace("{cohort}", Published.CohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{run}", "1", StringComparison.Ordinal)
            .Replace("{pair}", Published.Publication["pairs"]![0]!["pairId"]!.ToString(), StringComparison.Ordinal)
            .Replace("{session}", "999999", StringComparison.Ordinal)
            .Replace("{person}", "M1", StringComparison.Ordinal)
            .Replace("{scheme}", "1", StringComparison.Ordinal)
            .Replace("{key}", "999999", StringComparison.Ordinal);
    }
}
