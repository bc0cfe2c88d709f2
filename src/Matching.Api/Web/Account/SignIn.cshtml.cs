using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Staff;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mentoring.Matching.Api.Web.Account;

/// <summary>The coordinator signs in with the coordinator key, staff with their staff key, and each gets a cookie session.</summary>
internal sealed class SignInModel(CoordinatorKey coordinatorKey, StaffKeyStore staffKeys, FailedAuthentications failures, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? KeyError { get; private set; }

    public IReadOnlyList<(string? FieldId, string Message)> Summary =>
        KeyError is null ? [] : [("f-key", KeyError)];

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        key = key?.Trim();
        var hash = Credentials.Hash(key ?? "");
        if (string.IsNullOrEmpty(key))
        {
            KeyError = "Enter the coordinator key or your staff key.";
            return Page();
        }

        if (Credentials.SameHash(hash, coordinatorKey.Hash))
        {
            await WebAccess.SignInCoordinatorAsync(HttpContext, hash);
        }
        else if (StaffKeys.HasShape(key) && await staffKeys.FindLiveAsync(hash, cancellationToken) is { } staff)
        {
            await WebAccess.SignInStaffAsync(HttpContext, staff, hash);
            if (staff.Role == Access.AnalystRole)
            {
                return LocalRedirect("/app/reports");
            }
        }
        else
        {
            KeyError = await SignInFailures.RecordAsync(HttpContext, failures, logger) ?? "That is not the coordinator key. A staff key works only as issued, until it is revoked.";
            return Page();
        }

        // Only a local path: a sign-in link must not send the coordinator elsewhere.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/app", StringComparison.Ordinal) ? ReturnUrl : "/app/cohorts");
    }
}
