using System.Net;

namespace Mentoring.Matching.Api.Tests;

public sealed class ConcurrencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int SessionsPerPair = 40;

    [Fact]
    public async Task Concurrent_session_logging_loses_nothing()
    {
        var (_, publication) = await new Scenario(factory).PublishedAsync();
        var pairs = publication["pairs"]!.AsArray().Select(p => ((long)p!["pairId"]!, factory.WithToken((string)p["credential"]!))).ToArray();

        // Every pair logs at once, each request on its own; minutes differ so every entry is recognisable.
        var posts = pairs.SelectMany(pair => Enumerable.Range(1, SessionsPerPair).Select(async minutes =>
        {
            var response = await pair.Item2.PostAsync($"/pairs/{pair.Item1}/sessions", Scenario.SessionBody(minutes: minutes));
            return (long)(await response.ExpectAsync(HttpStatusCode.Created))!["id"]!;
        }));
        var ids = await Task.WhenAll(posts);

        Assert.Equal(ids.Length, ids.Distinct().Count());
        foreach (var (pairId, logger) in pairs)
        {
            var sessions = (await (await logger.GetAsync($"/pairs/{pairId}/sessions")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
            Assert.Equal(Enumerable.Range(1, SessionsPerPair), sessions.Select(s => (int)s!["minutes"]!).Order());
        }
    }
}
