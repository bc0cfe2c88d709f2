using System.Net;

namespace Mentoring.Matching.Api.Tests;

/// <summary>The API on a real Kestrel server on a loopback port, so concurrent requests are real connections.</summary>
public sealed class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }
}

public sealed class ConcurrencyTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    private const int SessionsPerPair = 40;

    [Fact]
    public async Task Concurrent_session_logging_loses_nothing()
    {
        var (_, publication) = await new Scenario(factory).PublishedAsync();
        var pairs = publication["pairs"]!.AsArray().Select(p => ((long)p!["pairId"]!, factory.WithToken((string)p["credential"]!))).ToArray();
        Assert.Equal("127.0.0.1", pairs[0].Item2.BaseAddress?.Host);

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
