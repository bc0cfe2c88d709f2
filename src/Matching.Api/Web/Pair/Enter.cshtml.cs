using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Storage;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Pair;

/// <summary>
/// Where a personal link lands. The credential travels after '#', which browsers never send; site.js posts it here
/// (or the pair types it in with JavaScript off), so it never appears in a request line or a server log.
/// It is exchanged for a pair cookie that holds only the pair id and the credential's hash.
/// </summary>
internal sealed class EnterModel(Db db, FailedAuthentications failures, ILogger<EnterModel> logger) : WebPage
{
    public async Task<IActionResult> OnPostAsync(string? credential, CancellationToken cancellationToken)
    {
        var token = credential?.Trim() ?? "";
        if (token.Length == 0)
        {
            AddError("credential", "Enter your pair's credential.");
            return Page();
        }

        if (!Credentials.HasTokenShape(token) || await PairLink.FindPairAsync(db, token, cancellationToken) is not { } pairId)
        {
            AddError("credential", await SignInFailures.RecordAsync(HttpContext, failures, logger)
                                   ?? "That credential does not open a pair's page. Check the letter, or ask the coordinator for a new one.");
            return Page();
        }

        await WebAccess.SignInPairAsync(HttpContext, pairId, Credentials.Hash(token));
        // An empty fragment, so the browser drops the one the link carried (a redirect keeps it otherwise).
        return Redirect("/app/pair/sessions#");
    }
}
