using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Schemes;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Cohorts;

/// <summary>A cohort's steps and where it stands, and the scheme it belongs to.</summary>
internal sealed class OverviewModel(CohortStore cohorts, SchemeStore schemes) : WebPage
{
    [FromRoute]
    public long CohortId { get; set; }

    public CohortView? Cohort { get; private set; }

    /// <summary>The cohort's scheme, or null when it belongs to none.</summary>
    public SchemeView? Scheme { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((Cohort = await cohorts.GetAsync(CohortId, cancellationToken)) is null)
        {
            return NotFound();
        }

        Scheme = Cohort.SchemeId is { } schemeId ? await schemes.GetAsync(schemeId, cancellationToken) : null;
        return Page();
    }
}
