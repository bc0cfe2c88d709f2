using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mentoring.Matching.Web.Tests;

/// <summary>
/// Forms completed with the keyboard alone (WCAG 2.1.1, 2.4.3, 2.4.7): Tab and Shift+Tab reach every control in
/// order, each focused control shows a visible focus indicator, typing fills it, Space ticks, Enter submits, and the
/// result is stored.
/// </summary>
public sealed class KeyboardTests(Browser browser) : IClassFixture<Browser>
{
    private const int TimeoutMs = 120_000;

    /// <summary>The most Tab presses from the top of a page to its form: far more than any page has links before it.</summary>
    private const int MaxTabsToForm = 40;

    /// <summary>A date control takes a Tab per part (day, month, year) before focus leaves it.</summary>
    private const int MaxTabsWithinControl = 4;

    [Fact(Timeout = TimeoutMs)]
    public async Task A_cohort_is_created_and_run_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/app/sign-in");
        await TabUntilAsync(page, "f-key");
        await page.Keyboard.TypeAsync(WebFactory.CoordinatorKey);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cohorts", Exact = true })).ToBeVisibleAsync();

        // The create form, in order: name, first day, last day, scheme, policy file, the button; dates are typed part by part.
        await TabUntilAsync(page, "f-Name");
        await page.Keyboard.TypeAsync("Keyboard cohort");
        await NextAsync(page, "f-StartsOn");
        await TypeDateAsync(page, "#f-StartsOn", new DateOnly(2026, 1, 12));
        await NextAsync(page, "f-EndsOn");
        await TypeDateAsync(page, "#f-EndsOn", new DateOnly(2026, 7, 31));
        await NextAsync(page, "f-SchemeId");
        await NextAsync(page, "f-PolicyFile");
        Assert.Equal("Create cohort", await NextAsync(page, null));

        // Shift+Tab walks back the same way; Enter in the name submits the form.
        await PreviousAsync(page, "f-PolicyFile");
        await PreviousAsync(page, "f-SchemeId");
        await PreviousAsync(page, "f-EndsOn");
        await PreviousAsync(page, "f-StartsOn");
        await PreviousAsync(page, "f-Name");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Matching policy" })).ToBeVisibleAsync();

        // Stored as typed.
        var cohortId = long.Parse(Regex.Match(page.Url, @"/cohorts/(\d+)/policy").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var api = browser.App.Api();
        var cohort = await api.GetFromJsonAsync<JsonElement>($"/cohorts/{cohortId}");
        Assert.Equal("Keyboard cohort", cohort.GetProperty("name").GetString());
        Assert.Equal("2026-01-12", cohort.GetProperty("startsOn").GetString());
        Assert.Equal("2026-07-31", cohort.GetProperty("endsOn").GetString());

        // The run options: a number typed, a checkbox ticked with Space, Enter on the button.
        (await api.PutAsync($"/cohorts/{cohortId}/policy", new StringContent(await File.ReadAllTextAsync(Repository.SeedsPolicy), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await api.PutAsync($"/cohorts/{cohortId}/people", new StringContent(await File.ReadAllTextAsync(Repository.SeedsPeople), System.Text.Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        await page.GotoAsync($"/app/cohorts/{cohortId}/runs");
        await TabUntilAsync(page, "f-Alternatives");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("1");
        await NextAsync(page, "f-WhatIf");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#f-WhatIf").IsCheckedAsync());
        Assert.Equal("Run the matching", await NextAsync(page, null));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"Run \d+: Optimal") })).ToBeVisibleAsync();

        // The options stay as they were sent, for the next run.
        await Assertions.Expect(page.GetByLabel("Alternatives per mentee")).ToHaveValueAsync("1");
        Assert.True(await page.Locator("#f-WhatIf").IsCheckedAsync());

        var runs = await api.GetFromJsonAsync<JsonElement>($"/cohorts/{cohortId}/runs");
        var run = await api.GetFromJsonAsync<JsonElement>($"/cohorts/{cohortId}/runs/{runs[0].GetProperty("id").GetInt64()}");
        Assert.True(run.GetProperty("result").GetProperty("whatIf").GetArrayLength() > 0);
        Assert.Contains(run.GetProperty("result").GetProperty("pairs").EnumerateArray(), p => p.TryGetProperty("alternatives", out var a) && a.ValueKind == JsonValueKind.Array && a.GetArrayLength() == 1);
        await page.AssertAccessibleAsync();
    }

    /// <summary>
    /// Types a date into the focused date control part by part. The parts' order follows the browser's own language,
    /// not the page's, so a first date whose day and month differ tells which comes first; the parts are then typed again.
    /// </summary>
    private static async Task TypeDateAsync(IPage page, string selector, DateOnly date)
    {
        await page.Keyboard.TypeAsync("01022000");
        var dayFirst = await page.Locator(selector).InputValueAsync() == "2000-02-01";
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        var (first, second) = dayFirst ? (date.Day, date.Month) : (date.Month, date.Day);
        await page.Keyboard.TypeAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first:00}{second:00}{date.Year:0000}"));
        Assert.Equal(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), await page.Locator(selector).InputValueAsync());
    }

    /// <summary>Tabs from the top of the page until the control with <paramref name="id"/> has focus, checking each stop shows it has focus.</summary>
    private static async Task TabUntilAsync(IPage page, string id)
    {
        for (var presses = 0; presses < MaxTabsToForm; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync(page);
            if (await FocusedIdAsync(page) == id)
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached #{id} on {page.Url}.");
    }

    /// <summary>Tab to the next control (past the parts of the current one); it must be <paramref name="id"/> (null: a control without an id, whose text is answered).</summary>
    private static Task<string> NextAsync(IPage page, string? id) => MoveAsync(page, "Tab", id);

    private static Task<string> PreviousAsync(IPage page, string? id) => MoveAsync(page, "Shift+Tab", id);

    private static async Task<string> MoveAsync(IPage page, string key, string? id)
    {
        var from = await FocusedIdAsync(page);
        for (var presses = 0; presses < MaxTabsWithinControl && await FocusedIdAsync(page) == from; presses++)
        {
            await page.Keyboard.PressAsync(key);
        }

        Assert.Equal(id ?? "", await FocusedIdAsync(page));
        await AssertFocusVisibleAsync(page);
        return (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim();
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.id");

    /// <summary>The focused control draws an outline or a ring (the style sheet's :focus-visible), so a keyboard user sees where they are.</summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string[]>(
            "() => { const e = document.activeElement, s = getComputedStyle(e); return [e.tagName, s.outlineStyle, s.boxShadow, e.type]; }");
        var (tag, outline, ring) = (style[0], style[1], style[2]);
        Assert.NotEqual("BODY", tag);
        Assert.True(outline != "none" || ring != "none", $"The focused {tag} on {page.Url} shows no focus indicator ({style[3]}).");
    }
}
