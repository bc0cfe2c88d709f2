using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mentoring.Matching.Api.Web.Account;

/// <summary>Ends the coordinator's or a staff key's session (a POST, so no link or image can sign anyone out).</summary>
internal sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebAccess.CoordinatorScheme);
        return RedirectToPage("/Account/SignIn");
    }
}
