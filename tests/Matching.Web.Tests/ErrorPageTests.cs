using System.Net;
using System.Net.Http.Headers;

namespace Mentoring.Matching.Web.Tests;

/// <summary>A web page that cannot be shown answers the app's HTML error page with the right status; the API keeps answering problem details.</summary>
public sealed partial class ServerTests
{
    public static TheoryData<string> MissingCoordinatorPages => new()
    {
        "/app/no-such-page", "/app/cohorts/999999", "/app/cohorts/999999/policy", "/app/cohorts/999999/runs", "/app/cohorts/999999/runs/1/publish",
        "/app/cohorts/999999/pairs", "/app/cohorts/999999/report", "/app/cohorts/999999/people", "/app/cohorts/999999/erase", "/app/cohorts/not-a-number",
    };

    [Theory]
    [MemberData(nameof(MissingCoordinatorPages))]
    public async Task A_missing_page_or_cohort_shows_the_HTML_not_found_page(string path)
    {
        var client = Client(https: false);
        await SignInAsync(client);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertErrorPageAsync(response, "Page not found");
    }

    [Fact]
    public async Task A_form_refused_for_its_antiforgery_token_shows_the_HTML_error_page()
    {
        var client = Client(https: false);
        await SignInAsync(client);
        var response = await client.PostAsync("/app/cohorts", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertErrorPageAsync(response, "The form could not be accepted");
    }

    [Theory]
    [InlineData(403, "You cannot open this page")]
    [InlineData(404, "Page not found")]
    public async Task The_error_page_opened_directly_answers_the_status_it_names(int status, string heading)
    {
        var response = await Client(https: false).GetAsync($"/app/error/{status}");
        Assert.Equal(status, (int)response.StatusCode);
        await AssertErrorPageAsync(response, heading);
    }

    [Theory]
    [InlineData("/cohorts/999999")]
    [InlineData("/no-such-endpoint")]
    [InlineData("/cohorts/999999/runs/1")]
    public async Task The_API_still_answers_problem_details_for_what_is_not_there(string path)
    {
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebFactory.CoordinatorKey);
        var response = await api.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The page is HTML in the app's layout, under the CSP, with its heading and a way back.</summary>
    private static async Task AssertErrorPageAsync(HttpResponseMessage response, string heading)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/app\"", html, StringComparison.Ordinal);
    }
}
