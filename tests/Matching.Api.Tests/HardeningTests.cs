using System.Net;
using Microsoft.AspNetCore.Hosting;
using Mentoring.Matching.Api.Hosting;

namespace Mentoring.Matching.Api.Tests;

/// <summary>Defects found from outside (issue 12): headers, credentials in caches, the API description in Production, weak keys.</summary>
public sealed class HardeningTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_response_forbids_sniffing_framing_and_referrers()
    {
        var response = await factory.Coordinator().GetAsync("/cohorts");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is sent only over HTTPS");
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Over_https_hsts_is_sent()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/cohorts");

        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_carries_a_content_security_policy_that_loads_nothing_from_elsewhere_and_is_never_framed()
    {
        var response = await factory.CreateClient().GetAsync("/scalar/v1");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.False((await factory.Coordinator().GetAsync("/cohorts")).Headers.Contains("Content-Security-Policy"), "JSON needs no CSP");
    }

    [Fact]
    public async Task Answers_carrying_a_credential_are_never_cached()
    {
        var scenario = new Scenario(factory);
        var cohortId = await scenario.CohortWithPeopleAsync();
        var run = await scenario.RunAsync(cohortId);

        var publish = await scenario.Coordinator.PostAsync($"/cohorts/{cohortId}/runs/{run["id"]}/publish", null);
        var pairs = (await publish.ExpectAsync(HttpStatusCode.Created))!["pairs"]!;
        var reissue = await scenario.Coordinator.PostAsync($"/cohorts/{cohortId}/pairs/{pairs[0]!["pairId"]}/credential", null);

        Assert.Equal("no-store", publish.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", reissue.Headers.CacheControl?.ToString());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_database_file_is_readable_by_its_owner_only()
    {
        _ = factory.CreateClient();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(factory.DatabasePath));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2026-01-11")]
    public async Task A_session_outside_the_cohorts_dates_is_422_naming_them(string date)
    {
        var (_, publication) = await new Scenario(factory).PublishedAsync();
        var pair = publication["pairs"]![0]!["pairId"];

        var problem = await (await factory.Coordinator().PostAsync($"/pairs/{pair}/sessions", Scenario.SessionBody(date: date)))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([$"date: {date} is outside the cohort, which runs from 2026-01-12 to 2026-07-31"], problem.Errors());
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task In_production_the_api_description_is_not_served(string path)
    {
        using var production = new SettingsFactory("Production", ApiFactory.CoordinatorKey);

        var response = await production.CreateClient().GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task In_production_the_api_description_is_served_when_configured()
    {
        using var production = new SettingsFactory("Production", ApiFactory.CoordinatorKey, ("Mentoring:PublishApiReference", "true"));

        await (await production.CreateClient().GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("k")]
    [InlineData("0123456789012345678901234567890")]
    public void A_short_coordinator_key_stops_the_start_naming_the_setting(string key)
    {
        using var weak = new SettingsFactory("Production", key);

        Assert.ThrowsAny<Exception>(() => weak.CreateClient());
        var failure = new MentoringSettingsValidation().Validate(null, new MentoringSettings { CoordinatorKey = key });

        Assert.Contains("Mentoring:CoordinatorKey must be at least 32 characters", failure.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_limit_stops_the_start_naming_the_setting()
    {
        using var bad = new SettingsFactory("Production", ApiFactory.CoordinatorKey, ("Mentoring:Limits:MaxJsonBodyBytes", "0"));

        Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        var failure = new MentoringSettingsValidation().Validate(null, new MentoringSettings { Limits = new() { MaxJsonBodyBytes = 0 } });

        Assert.Contains("Mentoring:Limits:MaxJsonBodyBytes must be a positive whole number, not 0", failure.FailureMessage, StringComparison.Ordinal);
    }

    private sealed class SettingsFactory(string environment, string key, params (string Key, string Value)[] settings)
        : ApiFactory(TempDatabase.NewPath(), key, ownsDatabase: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            foreach (var (name, value) in settings)
            {
                builder.UseSetting(name, value);
            }
        }
    }
}
