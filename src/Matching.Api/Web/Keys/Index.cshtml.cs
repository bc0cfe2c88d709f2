using Mentoring.Matching.Api.Staff;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Keys;

/// <summary>The staff keys: issue one (the key shown this once), revoke one. The API's own handlers check and store them.</summary>
internal sealed class IndexModel(StaffKeyStore keys, TimeProvider time) : WebPage
{
    public IReadOnlyList<StaffKeyView> Keys { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    /// <summary>The key just issued, shown only in the answer to the form that issued it.</summary>
    public IssuedStaffKey? Issued { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Keys = (await StaffKeyEndpoints.ListAsync(keys, cancellationToken)).Value ?? [];

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (issued, problem) = WebResults.Read<IssuedStaffKey>((await StaffKeyEndpoints.IssueAsync(new IssueStaffKeyRequest(Name, Role), HttpContext, keys, time, cancellationToken)).Result);
        if (issued is not null)
        {
            // The key is on this page only: never cached, never put in a redirect or TempData.
            Response.Headers.CacheControl = "no-store";
            Issued = issued;
            Name = null;
            Role = null;
        }
        else
        {
            AddErrors(WebResults.Errors(problem!), e => e.Field == "role" ? nameof(Role) : nameof(Name));
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long staffKeyId, CancellationToken cancellationToken)
    {
        Message = (await StaffKeyEndpoints.RevokeAsync(staffKeyId, keys, time, cancellationToken)).Result is NoContent
            ? $"Revoked staff key {staffKeyId}: it no longer works."
            : $"There is no staff key {staffKeyId}.";
        return Redirect("/app/staff-keys");
    }
}
