using Microsoft.Playwright;

namespace Mentoring.Matching.Web.Tests;

/// <summary>The HTML error page in a real browser: in the app's layout, accessible, with a way back.</summary>
public sealed class ErrorPageBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private const int TimeoutMs = 60_000;

    [Fact(Timeout = TimeoutMs)]
    public async Task A_cohort_that_does_not_exist_shows_the_not_found_page_with_a_way_home()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/app/sign-in");
        await page.GetByLabel("Coordinator key").FillAsync(WebFactory.CoordinatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var response = await page.GotoAsync("/app/cohorts/999999/runs");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the start page" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cohorts", Exact = true })).ToBeVisibleAsync();

        response = await page.GotoAsync("/app/no-such-page");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }
}
