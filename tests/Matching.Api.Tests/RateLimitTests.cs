using System.Net;
using System.Text.RegularExpressions;
using Mentoring.Matching.Api.Security;

namespace Mentoring.Matching.Api.Tests;

/// <summary>The shipped limits: 10 failed authentications per address per minute, 20 session writes per pair per UTC day, 30 uploads per cohort per hour.</summary>
public sealed partial class RateLimitTests
{
    private const string Guesser = "203.0.113.7";

    private const string Neighbour = "198.51.100.2";

    private const int FailuresAllowed = 10;

    private const int SessionWritesAllowed = 20;

    private const int UploadsAllowed = 30;

    [Fact]
    public async Task The_eleventh_failed_authentication_in_a_minute_is_429_with_retry_after_even_for_a_correct_token()
    {
        using var factory = new ShippedLimitsFactory();
        var guessing = From(factory.WithToken("guessed-token-number-one"), Guesser);

        for (var failure = 1; failure <= FailuresAllowed; failure++)
        {
            await (await guessing.GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        }

        var refused = await guessing.GetAsync("/cohorts");
        await refused.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter!.Delta);
        await (await From(factory.Coordinator(), Guesser).GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        await (await From(factory.Coordinator(), Neighbour).GetAsync("/cohorts")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_the_minute_the_address_is_let_through_again()
    {
        using var factory = new ShippedLimitsFactory();
        var guessing = From(factory.WithToken("guessed-token-number-one"), Guesser);
        for (var failure = 1; failure <= FailuresAllowed + 1; failure++)
        {
            await guessing.GetAsync("/cohorts");
        }

        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var stillRefused = await From(factory.Coordinator(), Guesser).GetAsync("/cohorts");
        await stillRefused.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(30), stillRefused.Headers.RetryAfter!.Delta);

        factory.Time.Advance(TimeSpan.FromSeconds(30));
        await (await From(factory.Coordinator(), Guesser).GetAsync("/cohorts")).ExpectAsync(HttpStatusCode.OK);
        await (await guessing.GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_failure_is_logged_as_a_warning_with_the_address_and_never_the_token()
    {
        using var factory = new ShippedLimitsFactory();
        const string Guess = "a-guess-that-must-never-reach-the-log";

        await (await From(factory.WithToken(Guess), Guesser).GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains(factory.Logs, m => m.StartsWith($"Failed bearer authentication from {Guesser}", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, m => m.Contains(Guess, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_a_token_of_a_credentials_exact_shape_is_looked_up()
    {
        Assert.True(Credentials.HasTokenShape(Credentials.NewToken()));
        Assert.False(Credentials.HasTokenShape("guessed-token-number-one"));
        Assert.False(Credentials.HasTokenShape(Credentials.NewToken() + "x"));
        Assert.False(Credentials.HasTokenShape(Credentials.NewToken()[..42] + "+"));

        // A well-shaped unknown token is still refused and counted.
        using var factory = new ShippedLimitsFactory();
        await (await From(factory.WithToken(Credentials.NewToken()), Guesser).GetAsync("/pairs/1/sessions")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(factory.Logs, m => m.StartsWith($"Failed bearer authentication from {Guesser}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failed_sign_ins_on_the_web_app_are_limited_the_same_way()
    {
        using var factory = new ShippedLimitsFactory();
        var browser = From(factory.CreateClient(), Guesser);
        var form = await browser.GetStringAsync("/app/sign-in");
        var antiforgery = AntiforgeryToken().Match(form).Groups["token"].Value;
        HttpContent WrongKey() => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = "not-the-coordinator-key",
            ["__RequestVerificationToken"] = antiforgery,
        });

        for (var failure = 1; failure <= FailuresAllowed; failure++)
        {
            var page = await browser.PostAsync("/app/sign-in", WrongKey());
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("That is not the coordinator key.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var refused = await browser.PostAsync("/app/sign-in", WrongKey());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter!.Delta);
        Assert.Contains("Too many failed attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await From(factory.Coordinator(), Guesser).GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains(factory.Logs, m => m.StartsWith($"Failed sign-in at /app/sign-in from {Guesser}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pair_may_write_twenty_sessions_a_day_and_is_429_until_midnight_utc_beyond()
    {
        using var factory = new ShippedLimitsFactory();
        var (_, publication) = await new Scenario(factory).PublishedAsync();
        var pairId = (long)publication["pairs"]![0]!["pairId"]!;
        var logger = factory.WithToken((string)publication["pairs"]![0]!["credential"]!);

        var first = await (await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody())).ExpectAsync(HttpStatusCode.Created);
        await (await logger.PutAsync($"/pairs/{pairId}/sessions/{(long)first!["id"]!}", Scenario.SessionBody(minutes: 50))).ExpectAsync(HttpStatusCode.OK);
        for (var write = 3; write <= SessionWritesAllowed; write++)
        {
            await (await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody())).ExpectAsync(HttpStatusCode.Created);
        }

        var refused = await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody());
        await refused.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(ApiFactory.Now.Date.AddDays(1) - ApiFactory.Now.UtcDateTime, refused.Headers.RetryAfter!.Delta);
        var otherPair = (long)publication["pairs"]![1]!["pairId"]!;
        await (await factory.Coordinator().PostAsync($"/pairs/{otherPair}/sessions", Scenario.SessionBody())).ExpectAsync(HttpStatusCode.Created);

        factory.Time.Advance(refused.Headers.RetryAfter.Delta!.Value);
        await (await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody())).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Another_pairs_credential_cannot_spend_a_pairs_allowance()
    {
        using var factory = new ShippedLimitsFactory();
        var (_, publication) = await new Scenario(factory).PublishedAsync();
        var pairId = (long)publication["pairs"]![0]!["pairId"]!;
        var intruder = factory.WithToken((string)publication["pairs"]![1]!["credential"]!);

        for (var attempt = 0; attempt <= SessionWritesAllowed; attempt++)
        {
            await (await intruder.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody())).ExpectProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await factory.Coordinator().PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody())).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_cohort_takes_thirty_uploads_an_hour_and_is_429_beyond()
    {
        using var factory = new ShippedLimitsFactory();
        var scenario = new Scenario(factory);
        var cohortId = await scenario.CohortWithPeopleAsync();
        for (var upload = 2; upload <= UploadsAllowed; upload++)
        {
            await (await scenario.Coordinator.PutAsync($"/cohorts/{cohortId}/people", Http.Csv(TestData.TinyPeople))).ExpectAsync(HttpStatusCode.OK);
        }

        var refused = await scenario.Coordinator.PutAsync($"/cohorts/{cohortId}/people", Http.Csv(TestData.TinyPeople));
        await refused.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromHours(1), refused.Headers.RetryAfter!.Delta);
        await scenario.CohortWithPeopleAsync();

        factory.Time.Advance(TimeSpan.FromHours(1));
        await (await scenario.Coordinator.PutAsync($"/cohorts/{cohortId}/people", Http.Csv(TestData.TinyPeople))).ExpectAsync(HttpStatusCode.OK);
    }

    private static HttpClient From(HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Add(ApiFactory.ClientAddressHeader, address);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>The API with the limits it ships with.</summary>
    private sealed class ShippedLimitsFactory : ApiFactory
    {
        protected override bool LiftsRateLimits => false;
    }
}
