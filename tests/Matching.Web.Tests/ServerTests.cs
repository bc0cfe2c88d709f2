using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Matching.Web.Tests;

/// <summary>Server-side checks over real HTTP (TestServer): access on every page, antiforgery, cookie flags.</summary>
public sealed partial class ServerTests(WebFactory factory) : IClassFixture<WebFactory>
{
    public static TheoryData<string> CoordinatorPages => new()
    {
        "/app/cohorts", "/app/cohorts/1", "/app/cohorts/1/policy", "/app/cohorts/1/people", "/app/cohorts/1/runs",
        "/app/cohorts/1/runs/1/publish", "/app/cohorts/1/pairs", "/app/cohorts/1/report", "/app/cohorts/1/erase",
        "/app/schemes", "/app/cohorts/1/pairs/1/end", "/app/reports", "/app/staff-keys", "/app/audit",
    };

    public static TheoryData<string> PairPages => new() { "/app/pair/sessions", "/app/pair/sessions/1" };

    [Theory]
    [MemberData(nameof(CoordinatorPages))]
    public async Task Every_coordinator_page_sends_a_visitor_to_sign_in(string path)
    {
        var response = await Client(https: false).GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/app/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PairPages))]
    public async Task Every_pair_page_needs_a_pair_session_not_the_coordinators(string path)
    {
        var client = Client(https: false);
        await SignInAsync(client);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/app/pair", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_cookie_is_HttpOnly_SameSite_Strict_and_Secure_over_HTTPS()
    {
        var client = Client(https: true);
        var response = await SignInAsync(client);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mentoring.coordinator=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app/cohorts")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_page_opens_and_sign_out_ends_the_session()
    {
        var client = Client(https: false);
        await SignInAsync(client);
        var page = await client.GetStringAsync("/app/cohorts");
        var signOut = await client.PostAsync("/app/sign-out", Form(Token(page)));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/app/cohorts")).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var client = Client(https: false);
        await SignInAsync(client);
        var response = await client.PostAsync("/app/cohorts", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "x", ["StartsOn"] = "2026-01-01", ["EndsOn"] = "2026-02-01" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var signIn = await Client(https: false).PostAsync("/app/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = WebFactory.CoordinatorKey }));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_protected_with_the_key_ring_that_seals_personal_data()
    {
        var client = Client(https: false);
        await SignInAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app/cohorts")).StatusCode);

        // Data Protection knows only the keys in the configured directory, so the cookie can only be protected with one of them.
        var files = Directory.GetFiles(factory.KeyRingDirectory).Select(Path.GetFileName).ToArray();
        var keys = factory.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Select(k => $"key-{k.KeyId}.xml").Order(), files.Order());
    }

    [Fact]
    public async Task The_coordinators_cookie_does_not_open_the_API()
    {
        var client = Client(https: false);
        await SignInAsync(client);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/cohorts")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_gives_no_session()
    {
        var client = Client(https: false);
        var page = await client.GetStringAsync("/app/sign-in");
        var response = await client.PostAsync("/app/sign-in", Form(Token(page), ("key", "nope")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("mentoring.coordinator=", StringComparison.Ordinal)));
    }

    private HttpClient Client(bool https) => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
    });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/app/sign-in");
        var response = await client.PostAsync("/app/sign-in", Form(Token(page), ("key", WebFactory.CoordinatorKey)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
