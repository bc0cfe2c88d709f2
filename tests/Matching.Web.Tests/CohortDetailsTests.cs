using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mentoring.Matching.Web.Tests;

/// <summary>A cohort's name and dates edited on its overview, checked by the API's own handler, with and without JavaScript.</summary>
public sealed class CohortDetailsTests(Browser browser) : IClassFixture<Browser>
{
    private const int TimeoutMs = 60_000;

    [Theory(Timeout = TimeoutMs)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_cohort_is_renamed_and_re_dated_and_a_bad_date_is_tied_to_its_field(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/app/sign-in");
        await page.GetByLabel("Coordinator key").FillAsync(WebFactory.CoordinatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Before {javaScript}");
        await page.GetByLabel("First day").FillAsync("2026-01-12");
        await page.GetByLabel("Last day").FillAsync("2026-07-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Matching policy" })).ToBeVisibleAsync();
        var cohortId = Regex.Match(page.Url, @"/cohorts/(\d+)/policy").Groups[1].Value;

        await page.GotoAsync($"/app/cohorts/{cohortId}");
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync($"Before {javaScript}");
        await page.GetByLabel("Last day").FillAsync("2026-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name and dates" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-EndsOn-error")).ToContainTextAsync("the last day is before the first");
        await Assertions.Expect(page.GetByLabel("Last day")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("the last day is before the first") })).ToHaveAttributeAsync("href", "#f-EndsOn");
        if (javaScript)
        {
            await page.AssertAccessibleAsync();
        }

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"After {javaScript}");
        await page.GetByLabel("Last day").FillAsync("2026-08-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name and dates" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The name and dates are saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"After {javaScript}", Level = 1 })).ToBeVisibleAsync();
        if (javaScript)
        {
            await page.AssertAccessibleAsync();
        }

        using var api = browser.App.Api();
        var cohort = await api.GetFromJsonAsync<JsonElement>($"/cohorts/{cohortId}");
        Assert.Equal($"After {javaScript}", cohort.GetProperty("name").GetString());
        Assert.Equal("2026-08-31", cohort.GetProperty("endsOn").GetString());
    }
}
