using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mentoring.Matching.Api.Web.Audit;

/// <summary>The audit trail a page at a time, oldest first, through the API's own handler.</summary>
internal sealed class IndexModel(AuditStore audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? After { get; set; }

    public AuditPage Entries { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A hand-edited cursor below zero starts from the beginning rather than failing.
        var answer = (await AuditEndpoints.PageAsync(null, Math.Max(After ?? 0, 0), AuditEndpoints.DefaultLimit, audit, cancellationToken)).Result;
        Entries = WebResults.Read<AuditPage>(answer).Value!;
    }
}
