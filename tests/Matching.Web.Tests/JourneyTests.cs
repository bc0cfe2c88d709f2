using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mentoring.Matching.Web.Tests;

/// <summary>A coordinator takes a cohort from creation to its report in a real browser, with JavaScript on and off; axe checks every page.</summary>
public sealed partial class JourneyTests(Browser browser) : IClassFixture<Browser>
{
    /// <summary>A browser journey that stalls fails after this long instead of holding up CI.</summary>
    private const int JourneyTimeoutMs = 180_000;

    [Fact(Timeout = JourneyTimeoutMs)]
    public Task The_whole_journey_works_with_JavaScript() => JourneyAsync(javaScript: true);

    [Fact(Timeout = JourneyTimeoutMs)]
    public Task The_whole_journey_works_without_JavaScript() => JourneyAsync(javaScript: false);

    private async Task JourneyAsync(bool javaScript)
    {
        var shots = javaScript;
        var page = await browser.NewPageAsync(javaScript);

        // Sign in.
        await page.GotoAsync("/app/cohorts");
        Assert.EndsWith("/app/sign-in?returnUrl=%2Fapp%2Fcohorts", page.Url, StringComparison.Ordinal);
        await CheckAccessibleAsync(page, javaScript);
        await page.GetByLabel("Coordinator key").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-key-error")).ToContainTextAsync("not the coordinator key");
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("sign-in-error");
        }

        await page.GetByLabel("Coordinator key").FillAsync(WebFactory.CoordinatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cohorts", Exact = true })).ToBeVisibleAsync();

        // Create a cohort with the seeds' policy.
        var name = javaScript ? "Seeds with script" : "Seeds without script";
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("First day").FillAsync("2026-01-12");
        await page.GetByLabel("Last day").FillAsync("2026-07-31");
        await page.GetByLabel("Policy (optional)").SetInputFilesAsync(Repository.SeedsPolicy);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Matching policy" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Dimensions (difference counts)")).ToHaveValueAsync(new Regex("ethnicity = 3"));
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("policy");
        }

        var cohortUrl = page.Url.Replace("/policy", "", StringComparison.Ordinal);

        // A bad upload lists every bad row and stores nothing.
        await page.GotoAsync(cohortUrl + "/people");
        var bad = Path.Combine(Path.GetTempPath(), $"bad-people-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "id,name,role,grade,department,manager_id,capacity,availability,gender\nA1,Ann,mentee,high,X,,,mon-am,f\nA2,Bob,boss,3,Y,,,mon-am,m\n");
        await page.GetByLabel("People file").SetInputFilesAsync(bad);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load people" }).ClickAsync();
        var problems = page.GetByRole(AriaRole.Table, new() { Name = "Every problem in the file (nothing was stored)" });
        await Assertions.Expect(problems.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Assertions.Expect(problems).ToContainTextAsync("grade");
        await Assertions.Expect(problems).ToContainTextAsync("role");
        await Assertions.Expect(page.GetByText("Now loaded: 0 people")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("people-bad-upload");
        }

        // The seeds load.
        await page.GetByLabel("People file").SetInputFilesAsync(Repository.SeedsPeople);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load people" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Loaded: 83 people, 12 mentees, 34 mentors");

        // Run, pin a pair, see the stale banner, run again.
        await page.GotoAsync(cohortUrl + "/runs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the matching" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"Run \d+: Optimal") })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, javaScript);
        var pinButton = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pin ") }).First;
        var pinName = await pinButton.GetAttributeAsync("aria-label");
        await pinButton.ClickAsync();
        await Assertions.Expect(page.GetByText("This run is stale")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run again" }).ClickAsync();
        var pinnedRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = pinName!.Split(' ')[1] }).First;
        await Assertions.Expect(pinnedRow.GetByText("Pinned")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("This run is stale")).ToHaveCountAsync(0);
        if (shots)
        {
            await page.ScreenshotAsync("run-review");
        }

        // Publish, with a confirmation, and download the credentials.
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish this run…" }).ClickAsync();
        await CheckAccessibleAsync(page, javaScript);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Yes, publish run") }).ClickAsync();
        await Assertions.Expect(page.GetByText("Shown only this once.")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("published-credentials");
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download credentials (CSV)" }).ClickAsync());
        var lines = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal("pair_id,mentee_id,mentor_id,credential,link", lines[0]);
        Assert.True(lines.Length >= 11, $"expected a line per pair, got {lines.Length - 1}");
        var first = lines[1].Split(',').Select(f => f.Trim('"')).ToArray();
        var (credential, link) = (first[3], first[4]);
        Assert.EndsWith("/app/pair#" + credential, link, StringComparison.Ordinal);

        // The pair opens its link (on a phone) and logs a session.
        var pair = await browser.NewPageAsync(javaScript, phone: true);
        await pair.GotoAsync(link);
        if (!javaScript)
        {
            // Without script the fragment stays in the browser; the pair types the credential from the letter.
            await pair.GetByLabel("Pair credential").FillAsync(credential);
            await pair.GetByRole(AriaRole.Button, new() { Name = "Open our page" }).ClickAsync();
        }

        await Assertions.Expect(pair.GetByRole(AriaRole.Heading, new() { Name = "Our sessions" })).ToBeVisibleAsync();
        Assert.DoesNotContain(credential, pair.Url, StringComparison.Ordinal);
        await CheckAccessibleAsync(pair, javaScript);
        await pair.GetByLabel("Date").FillAsync("2026-02-24");
        await pair.GetByLabel("Minutes").FillAsync("50");
        await pair.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        await Assertions.Expect(pair.Locator("#topics-error")).ToContainTextAsync("at least one topic");
        await CheckAccessibleAsync(pair, javaScript);
        if (shots)
        {
            await pair.ScreenshotAsync("pair-log-error-phone");
        }

        await pair.GetByLabel("College culture").CheckAsync();
        await pair.GetByLabel("Other").FillAsync("mentoring skills");
        await pair.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        await Assertions.Expect(pair.GetByRole(AriaRole.Status)).ToContainTextAsync("Logged the session of 24 Feb 2026");
        await Assertions.Expect(pair.GetByRole(AriaRole.Table)).ToContainTextAsync("College culture, Other (mentoring skills)");
        if (shots)
        {
            await pair.ScreenshotAsync("pair-sessions-phone");
        }

        // Correct it.
        await pair.GetByRole(AriaRole.Link, new() { Name = "Correct the session of 24 Feb 2026" }).ClickAsync();
        await CheckAccessibleAsync(pair, javaScript);
        await pair.GetByLabel("Minutes").FillAsync("55");
        await pair.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        await Assertions.Expect(pair.GetByRole(AriaRole.Table)).ToContainTextAsync("55");

        // The coordinator sees it in the published pairs and the report.
        await page.GotoAsync(cohortUrl + "/pairs");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = first[0], Exact = true }) });
        await Assertions.Expect(row).ToContainTextAsync("24 Feb 2026");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("55");
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("published-pairs");
        }

        await page.GotoAsync(cohortUrl + "/report");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Topics: sessions that covered each (table)" })).ToContainTextAsync("College culture");
        await Assertions.Expect(page.Locator("dd").Nth(3)).ToHaveTextAsync("<5");
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("report");
        }

        var report = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the report (CSV)" }).ClickAsync());
        Assert.Contains("\"sessionsHeld\",\"\",\"<5\"", await File.ReadAllTextAsync(await report.PathAsync()), StringComparison.Ordinal);

        // Erasure says what stays before it acts.
        await page.GotoAsync(cohortUrl + "/erase");
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("erase");
        }

        // No credential ever reached a log line.
        Assert.DoesNotContain(browser.App.Logs, line => line.Contains(credential, StringComparison.Ordinal));
    }

    /// <summary>axe runs as a script in the page, so it checks the pages of the journey with JavaScript; the same pages are served either way.</summary>
    private static Task CheckAccessibleAsync(IPage page, bool javaScript) => javaScript ? page.AssertAccessibleAsync() : Task.CompletedTask;
}
