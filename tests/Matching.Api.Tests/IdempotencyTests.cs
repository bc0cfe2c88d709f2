using System.Net;
using System.Text;
using Dapper;

namespace Mentoring.Matching.Api.Tests;

/// <summary><c>Idempotency-Key</c> on logging a session and on publishing: a retry gets the first answer and stores nothing new.</summary>
public sealed class IdempotencyTests
{
    private const string Key = "4b1f9c2e-retry-key";

    [Fact]
    public async Task A_retried_session_is_stored_once_and_answered_as_the_first_time()
    {
        using var factory = new ApiFactory();
        var (pairId, logger) = await PairAsync(factory);

        var first = await logger.SendAsync(LogSession(pairId, Key, Scenario.SessionBody()));
        var firstBody = await first.ExpectAsync(HttpStatusCode.Created);
        factory.Time.Advance(TimeSpan.FromMinutes(3));
        var retry = await logger.SendAsync(LogSession(pairId, Key, Scenario.SessionBody()));
        var retryBody = await retry.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(firstBody!.ToJsonString(), retryBody!.ToJsonString());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await SessionsAsync(factory, pairId));
    }

    [Fact]
    public async Task Concurrent_retries_are_stored_once()
    {
        using var factory = new ApiFactory();
        var (pairId, logger) = await PairAsync(factory);
        const int Retries = 8;

        var responses = await Task.WhenAll(Enumerable.Range(0, Retries).Select(_ => logger.SendAsync(LogSession(pairId, Key, Scenario.SessionBody()))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToArray();
        Assert.NotEmpty(created);
        Assert.Single(created.Select(r => r.Headers.Location).Distinct());
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Equal(1, await SessionsAsync(factory, pairId));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_stores_nothing()
    {
        using var factory = new ApiFactory();
        var (pairId, logger) = await PairAsync(factory);
        await (await logger.SendAsync(LogSession(pairId, Key, Scenario.SessionBody()))).ExpectAsync(HttpStatusCode.Created);

        var problem = await (await logger.SendAsync(LogSession(pairId, Key, Scenario.SessionBody(minutes: 90)))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["Idempotency-Key: was used for a different request (another endpoint or body); use a new key for a new request"], problem.Errors());
        Assert.Equal(1, await SessionsAsync(factory, pairId));
    }

    [Fact]
    public async Task A_key_belongs_to_its_caller_a_failed_request_frees_it_and_it_expires()
    {
        using var factory = new ApiFactory();
        var (pairId, logger) = await PairAsync(factory);

        // Refused (422): nothing was stored, so the key is free for the corrected request.
        await (await logger.SendAsync(LogSession(pairId, Key, Scenario.SessionBody(minutes: 0)))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await logger.SendAsync(LogSession(pairId, Key, Scenario.SessionBody()))).ExpectAsync(HttpStatusCode.Created);

        // The coordinator's key of the same value is another key.
        await (await factory.Coordinator().SendAsync(LogSession(pairId, Key, Scenario.SessionBody()))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(2, await SessionsAsync(factory, pairId));

        // Kept 24 hours (Mentoring:IdempotencyHours), then the key is new again.
        factory.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var late = await logger.SendAsync(LogSession(pairId, Key, Scenario.SessionBody()));
        await late.ExpectAsync(HttpStatusCode.Created);
        Assert.False(late.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(3, await SessionsAsync(factory, pairId));
    }

    [Theory]
    [InlineData("a key with spaces")]
    [InlineData("é-not-ascii")]
    [InlineData(null)]
    public async Task A_malformed_key_is_422_naming_the_header(string? key)
    {
        // Null stands for a key one character too long.
        key ??= new string('k', 256);
        using var factory = new ApiFactory();
        var (pairId, logger) = await PairAsync(factory);

        var problem = await (await logger.SendAsync(LogSession(pairId, key, Scenario.SessionBody()))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("Idempotency-Key: must be one value of 1 to 255 visible ASCII characters", problem.Errors().Single(), StringComparison.Ordinal);
        Assert.Equal(0, await SessionsAsync(factory, pairId));
    }

    [Fact]
    public async Task A_retried_publish_gets_the_same_credentials_back_and_the_database_holds_them_only_sealed()
    {
        using var factory = new ApiFactory();
        var scenario = new Scenario(factory);
        var cohortId = await scenario.CohortWithPeopleAsync();
        var runId = (long)(await scenario.RunAsync(cohortId))["id"]!;
        HttpRequestMessage Publish() => new(HttpMethod.Post, $"/cohorts/{cohortId}/runs/{runId}/publish") { Headers = { { "Idempotency-Key", Key } } };

        var first = await factory.Coordinator().SendAsync(Publish());
        var publication = await first.ExpectAsync(HttpStatusCode.Created);
        var retry = await factory.Coordinator().SendAsync(Publish());
        var replayed = await retry.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(publication!.ToJsonString(), replayed!.ToJsonString());
        Assert.Equal("no-store", retry.Headers.CacheControl?.ToString());
        using var db = factory.OpenDatabase();
        var stored = (await db.QueryAsync<(string KeyHash, byte[] Answer)>("SELECT key_hash, answer FROM idempotency_keys")).Single();
        Assert.DoesNotContain(Key, stored.KeyHash, StringComparison.Ordinal);
        foreach (var pair in publication["pairs"]!.AsArray())
        {
            var credential = Encoding.UTF8.GetBytes((string)pair!["credential"]!);
            Assert.Equal(-1, stored.Answer.AsSpan().IndexOf(credential));
        }

        // Without the key, publishing again is refused as before: the run is already published.
        await (await factory.Coordinator().PostAsync($"/cohorts/{cohortId}/runs/{runId}/publish", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    private static async Task<(long PairId, HttpClient Logger)> PairAsync(ApiFactory factory)
    {
        var (_, publication) = await new Scenario(factory).PublishedAsync();
        var pair = publication["pairs"]![0]!;
        return ((long)pair["pairId"]!, factory.WithToken((string)pair["credential"]!));
    }

    private static HttpRequestMessage LogSession(long pairId, string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/pairs/{pairId}/sessions") { Content = Http.Json(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    private static async Task<long> SessionsAsync(ApiFactory factory, long pairId)
    {
        using var db = factory.OpenDatabase();
        return await db.ExecuteScalarAsync<long>("SELECT count(*) FROM sessions WHERE pair_id = @pairId", new { pairId });
    }
}
