using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mentoring.Matching.Api.Web.Account;

/// <summary>The coordinator signs in with the coordinator key and gets a cookie session.</summary>
internal sealed class SignInModel(CoordinatorKey coordinatorKey, FailedAuthentications failures, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? KeyError { get; private set; }

    public IReadOnlyList<(string? FieldId, string Message)> Summary =>
        KeyError is null ? [] : [("f-key", KeyError)];

    public async Task<IActionResult> OnPostAsync(string? key)
    {
        var hash = Credentials.Hash(key ?? "");
        if (string.IsNullOrEmpty(key))
        {
            KeyError = "Enter the coordinator key.";
            return Page();
        }

        if (!Credentials.SameHash(hash, coordinatorKey.Hash))
        {
            KeyError = await SignInFailures.RecordAsync(HttpContext, failures, logger) ?? "That is not the coordinator key.";
            return Page();
        }

        await WebAccess.SignInCoordinatorAsync(HttpContext, hash);

        // Only a local path: a sign-in link must not send the coordinator elsewhere.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/app", StringComparison.Ordinal) ? ReturnUrl : "/app/cohorts");
    }
}
