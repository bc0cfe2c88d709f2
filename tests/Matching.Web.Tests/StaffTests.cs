using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mentoring.Matching.Api.Tests;
using Microsoft.Playwright;

namespace Mentoring.Matching.Web.Tests;

/// <summary>Staff keys in the browser: a coordinator issues an analyst's key and reads the audit trail; the analyst sees only the reports.</summary>
public sealed class StaffTests(Browser browser) : IClassFixture<Browser>
{
    private const int JourneyTimeoutMs = 180_000;

    /// <summary>The coordinator's pages an analyst must not open (the report pages and sign-out are theirs).</summary>
    private static readonly string[] CoordinatorOnlyPages =
    [
        "/app/cohorts", "/app/cohorts/{id}", "/app/cohorts/{id}/policy", "/app/cohorts/{id}/people", "/app/cohorts/{id}/runs",
        "/app/cohorts/{id}/pairs", "/app/cohorts/{id}/erase", "/app/schemes", "/app/staff-keys", "/app/audit",
    ];

    [Fact(Timeout = JourneyTimeoutMs)]
    public async Task A_coordinator_issues_an_analysts_key_and_the_analyst_sees_only_the_reports()
    {
        var cohortId = await CohortAsync("Analysed cohort");
        var page = await browser.NewPageAsync();
        await SignInAsync(page, WebFactory.CoordinatorKey);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Staff keys" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff keys", Exact = true })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Name").FillAsync("EDI analyst");
        await page.GetByLabel("Role").SelectOptionAsync("analyst");
        var issuing = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Contains("no-store", await issuing.HeaderValueAsync("cache-control"), StringComparison.Ordinal);
        var key = (await page.Locator("code.credential").TextContentAsync())!.Trim();
        Assert.StartsWith("mstaff_", key, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "EDI analyst" })).ToContainTextAsync("analyst");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("staff-keys");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "staff-key-issued" })).ToContainTextAsync("coordinator");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "cohort-created" })).ToContainTextAsync("coordinator");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("audit-trail");

        var analyst = await browser.NewPageAsync();
        await SignInAsync(analyst, key);
        await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Reports", Exact = true })).ToBeVisibleAsync();
        var nav = analyst.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        Assert.Equal(["Reports"], await nav.GetByRole(AriaRole.Link).AllTextContentsAsync());
        await analyst.AssertAccessibleAsync();
        await analyst.GetByRole(AriaRole.Link, new() { Name = "Report: Analysed cohort" }).ClickAsync();
        await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Report", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(analyst.GetByRole(AriaRole.Navigation, new() { Name = "Cohort" })).ToHaveCountAsync(0);
        await analyst.AssertAccessibleAsync();
        foreach (var path in CoordinatorOnlyPages)
        {
            var response = await analyst.GotoAsync(path.Replace("{id}", $"{cohortId}", StringComparison.Ordinal));
            Assert.True(response!.Status == 403, $"{path} answered an analyst {response.Status}");
            await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "You cannot open this page" })).ToBeVisibleAsync();
        }

        // Revoked, the key's session ends at its next request.
        await page.GotoAsync("/app/staff-keys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the key for EDI analyst" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("no longer works");
        await analyst.GotoAsync("/app/reports");
        Assert.Contains("/app/sign-in", analyst.Url, StringComparison.Ordinal);
    }

    private static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/app/sign-in");
        await page.GetByLabel("Coordinator key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>A cohort made through the API, as the coordinator.</summary>
    private async Task<long> CohortAsync(string name)
    {
        using var api = new HttpClient { BaseAddress = new Uri(browser.App.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebFactory.CoordinatorKey);
        var body = $$"""{ "name": "{{name}}", "startsOn": "2026-01-12", "endsOn": "2026-07-31", "policy": {{TestData.TinyPolicy}} }""";
        var response = await api.PostAsync("/cohorts", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }
}
