using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mentoring.Matching.Api.Web;

/// <summary>The app's front door: the cohorts for a coordinator, the reports for an analyst.</summary>
internal sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage(User.IsInRole(Access.CoordinatorRole) ? "/Cohorts/Index" : "/Reports/List");
}
