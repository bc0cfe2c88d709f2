using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mentoring.Matching.Api.Web.ErrorPages;

/// <summary>
/// The web app's error page, in its layout: what a refused or missing page means and the way back. The status-code
/// middleware re-executes a web request that ended without a body here, so the browser keeps the original status.
/// Posts come here too (a refused form), so it takes any method and checks no antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : PageModel
{
    [FromRoute]
    public int Code { get; set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        (Heading, Explanation) = Code switch
        {
            StatusCodes.Status400BadRequest => ("The form could not be accepted", "The page it came from may have been open too long, or you signed in again since. Go back, reload the page and send it again."),
            StatusCodes.Status403Forbidden => ("You cannot open this page", "This page is not open to the session you are signed in with."),
            StatusCodes.Status404NotFound => ("Page not found", "There is no such page: the address may be mistyped, or what it showed no longer exists."),
            StatusCodes.Status405MethodNotAllowed => ("This page cannot do that", "The page does not take that kind of request. Open it from a link in the app."),
            StatusCodes.Status413PayloadTooLarge => ("The file is too large", "Send a smaller file."),
            StatusCodes.Status429TooManyRequests => ("Too many attempts", "Wait a little, then try again."),
            _ => ("Something went wrong", "The request could not be completed. Try again, or go back to the start."),
        };

        // Re-executed, the response already has the original status; opened directly, it takes the one it names.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = Code is >= 400 and <= 599 ? Code : StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
