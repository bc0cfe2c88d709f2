using System.Text.RegularExpressions;
using Mentoring.Matching.Api.Tests;
using Microsoft.Playwright;

namespace Mentoring.Matching.Web.Tests;

/// <summary>
/// A cohort's whole life in the browser, with JavaScript on and off: a scheme, a cohort in it, a mentor who withdraws,
/// a re-match that keeps every other pair, and next year's cohort of the scheme that pairs nobody twice.
/// The people are the API tests' hand-worked <see cref="TestData.RematchPeople"/>.
/// </summary>
public sealed class CohortLifeTests(Browser browser) : IClassFixture<Browser>
{
    /// <summary>A browser journey that stalls fails after this long instead of holding up CI.</summary>
    private const int JourneyTimeoutMs = 180_000;

    [Fact(Timeout = JourneyTimeoutMs)]
    public Task A_mentor_withdraws_the_mentee_is_rematched_and_next_year_repeats_no_pair_with_JavaScript() => JourneyAsync(javaScript: true);

    [Fact(Timeout = JourneyTimeoutMs)]
    public Task A_mentor_withdraws_the_mentee_is_rematched_and_next_year_repeats_no_pair_without_JavaScript() => JourneyAsync(javaScript: false);

    private async Task JourneyAsync(bool javaScript)
    {
        var shots = javaScript;
        var page = await browser.NewPageAsync(javaScript);
        var suffix = javaScript ? "with script" : "without script";
        var people = await TempFileAsync("people.csv", TestData.RematchPeople);
        var policy = await TempFileAsync("policy.json", TestData.RematchPolicy);

        await page.GotoAsync("/app/sign-in");
        await page.GetByLabel("Coordinator key").FillAsync(WebFactory.CoordinatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // A scheme, from the main navigation, with no mentor cohort limit.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Schemes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Schemes", Exact = true })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, javaScript);
        var scheme = $"Reverse mentoring {suffix}";
        await page.GetByLabel("Name").FillAsync(scheme);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create scheme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Created the scheme {scheme}");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = scheme })).ToContainTextAsync("no limit");

        // This year's cohort in the scheme: people loaded, run with alternatives and what-if, published.
        var firstYear = await CreateCohortAsync(page, $"2026 cohort {suffix}", scheme, policy, people, javaScript);
        await page.GotoAsync(firstYear + "/runs");
        await page.GetByLabel("Alternatives per mentee").FillAsync("2");
        await page.GetByLabel("What-if").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the matching" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"Run \d+: Optimal") })).ToBeVisibleAsync();
        Assert.Equal(["M1-T1", "M2-T2", "M3-T3"], await PairsAsync(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex(@"^Pairs \(") })));
        var alternatives = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Alternatives") });
        // By hand: M1 with T3 instead leaves M3 with T1 or T4 and M2 with T2, scores 2 + 2 + 2 against the optimum's 2 + 2 + 3.
        await Assertions.Expect(alternatives.GetByRole(AriaRole.Row).Filter(new() { HasText = "T3" }).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "M1" }) }))
            .ToContainTextAsync("3 matched, total 6: 1 less in total");
        await Assertions.Expect(alternatives.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pin M1 with ") }).First).ToBeVisibleAsync();
        var whatIf = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^What if") });
        await Assertions.Expect(whatIf.GetByRole(AriaRole.Rowheader).First).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("run-alternatives-what-if");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Publish this run…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Yes, publish run") }).ClickAsync();
        await Assertions.Expect(page.GetByText("Shown only this once.")).ToBeVisibleAsync();
        var firstCredentials = page.GetByRole(AriaRole.Table, new() { Name = "3 pairs" });
        Assert.Equal(["M1-T1", "M2-T2", "M3-T3"], await PairsAsync(firstCredentials, menteeColumn: 1));
        var keptCredential = await firstCredentials.GetByRole(AriaRole.Row).Filter(new() { HasText = "M2" }).Locator("td.credential").Nth(1).TextContentAsync();

        // A locked pair says so and can be unlocked.
        await page.GotoAsync(firstYear + "/pairs");
        // A published cohort can always be re-matched from its pairs, not only right after a pair ends.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Re-match…" })).ToBeVisibleAsync();
        var m2 = Row(page, "M2");
        await m2.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Lock pair") }).ClickAsync();
        await Assertions.Expect(Row(page, "M2").GetByText("Locked", new() { Exact = true })).ToBeVisibleAsync();
        await Row(page, "M2").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Unlock pair") }).ClickAsync();
        await Assertions.Expect(Row(page, "M2").GetByText("Locked", new() { Exact = true })).ToHaveCountAsync(0);

        // M1's mentor withdraws: the pair ends after a confirmation with a reason and a private note.
        await Row(page, "M1").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^End pair") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^End pair .*M1 with T1") })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^End pair") }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Reason-error")).ToContainTextAsync("Choose why the pair ends.");
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("end-pair-error");
        }

        await page.GetByLabel("Why does it end?").SelectOptionAsync(new SelectOptionValue { Label = "The mentor withdrew (they leave the cohort)" });
        await page.GetByLabel("Note (optional)").FillAsync("moved to Leeds");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^End pair") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the mentor withdrew. T1 no longer takes part in this cohort.");
        await Assertions.Expect(Row(page, "M1")).ToContainTextAsync("2 Mar 2026: the mentor withdrew");
        await Assertions.Expect(Row(page, "M1").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^End pair") })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("moved to Leeds")).ToHaveCountAsync(0);
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("pairs-ended");
        }

        // The re-match keeps M2–T2, moves M3 off T3 so that M1 is matched too (worked by hand in TestData).
        await page.GetByRole(AriaRole.Link, new() { Name = "Re-match…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-match", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"Run \d+: Optimal") })).ToBeVisibleAsync();
        Assert.Equal(["M2-T2"], await PairsAsync(page.GetByRole(AriaRole.Table, new() { Name = "Kept pairs (1)" })));
        var moved = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex(@"^Moved pairs \(1\)") });
        Assert.Equal(["M3-T3"], await PairsAsync(moved));
        await Assertions.Expect(moved.GetByRole(AriaRole.Cell).Nth(1)).Not.ToBeEmptyAsync();
        Assert.Equal(["M1-T3", "M3-T4"], await PairsAsync(page.GetByRole(AriaRole.Table, new() { Name = "New pairs (2)" })));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pin ") })).ToHaveCountAsync(0);
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("rematch-review");
        }

        // Publishing it gives credentials to the new pairs only; the kept pair's still works.
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish this re-match…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Yes, publish re-match run") }).ClickAsync();
        await Assertions.Expect(page.GetByText("The re-match kept 1 pair")).ToContainTextAsync("ended 1 moved pair");
        var newCredentials = page.GetByRole(AriaRole.Table, new() { Name = "2 new pairs" });
        Assert.Equal(["M1-T3", "M3-T4"], await PairsAsync(newCredentials, menteeColumn: 1));
        await Assertions.Expect(page.Locator(".letter")).ToHaveCountAsync(2);
        Assert.DoesNotContain(keptCredential!, await page.ContentAsync(), StringComparison.Ordinal);
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("rematch-published");
        }

        await page.GotoAsync(firstYear + "/pairs");
        await Assertions.Expect(Row(page, "M3").First).ToContainTextAsync("moved by a re-match");

        // Next year's cohort of the scheme, the same people: nobody is paired with anyone they had this year.
        var secondYear = await CreateCohortAsync(page, $"2027 cohort {suffix}", scheme, policy, people, javaScript);
        await page.GotoAsync(secondYear + "/runs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the matching" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"Run \d+: Optimal") })).ToBeVisibleAsync();
        // By hand: a pair must differ on gender (minDifferences 1), so without this year's pairs M3–T1 is the only one left; the others are told why.
        var nextYear = await PairsAsync(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex(@"^Pairs \(") }));
        Assert.Equal(["M3-T1"], nextYear);
        Assert.Empty(nextYear.Intersect(["M1-T1", "M2-T2", "M3-T3", "M1-T3", "M3-T4"]));
        if (shots)
        {
            await page.ScreenshotAsync("next-year-run");
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Unmatched mentees (2)" })).ToContainTextAsync("no feasible mentor");

        await page.GotoAsync("/app/schemes");
        var schemeRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = scheme });
        await Assertions.Expect(schemeRow).ToContainTextAsync($"2026 cohort {suffix} (published)");
        await Assertions.Expect(schemeRow).ToContainTextAsync($"2027 cohort {suffix} (draft)");
        await CheckAccessibleAsync(page, javaScript);
        if (shots)
        {
            await page.ScreenshotAsync("schemes");
        }
    }

    /// <summary>Creates a cohort of the scheme with the policy and people files; answers its address.</summary>
    private static async Task<string> CreateCohortAsync(IPage page, string name, string scheme, string policy, string people, bool javaScript)
    {
        await page.GotoAsync("/app/cohorts");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("First day").FillAsync("2026-01-12");
        await page.GetByLabel("Last day").FillAsync("2026-07-31");
        await page.GetByLabel("Scheme (optional)").SelectOptionAsync(new SelectOptionValue { Label = scheme });
        await page.GetByLabel("Policy (optional)").SetInputFilesAsync(policy);
        await CheckAccessibleAsync(page, javaScript);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Matching policy" })).ToBeVisibleAsync();
        var cohort = page.Url.Replace("/policy", "", StringComparison.Ordinal);
        await page.GotoAsync(cohort + "/people");
        await page.GetByLabel("People file").SetInputFilesAsync(people);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load people" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Loaded: 7 people, 3 mentees, 4 mentors");
        return cohort;
    }

    /// <summary>A pairs-page row by its mentee.</summary>
    private static ILocator Row(IPage page, string menteeId) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = menteeId, Exact = true }) });

    /// <summary>A table's pairs as "mentee-mentor", in order: the mentee in column <paramref name="menteeColumn"/> (0: the row header), the mentor in the next.</summary>
    private static async Task<IReadOnlyList<string>> PairsAsync(ILocator table, int menteeColumn = 0)
    {
        await Assertions.Expect(table).ToBeVisibleAsync();
        var pairs = new List<string>();
        foreach (var row in await table.Locator("tbody tr").AllAsync())
        {
            var cells = (await row.Locator("th, td").AllTextContentsAsync()).Select(t => t.Trim()).ToArray();
            pairs.Add($"{cells[menteeColumn]}-{cells[menteeColumn + 1]}");
        }

        return pairs;
    }

    private static async Task<string> TempFileAsync(string name, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    /// <summary>axe runs as a script in the page, so it checks the pages of the journey with JavaScript; the same pages are served either way.</summary>
    private static Task CheckAccessibleAsync(IPage page, bool javaScript) => javaScript ? page.AssertAccessibleAsync() : Task.CompletedTask;
}
