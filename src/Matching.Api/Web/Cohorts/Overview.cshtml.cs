using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Cohorts;

/// <summary>A cohort's steps and where it stands.</summary>
internal sealed class OverviewModel(CohortStore cohorts) : WebPage
{
    [FromRoute]
    public long CohortId { get; set; }

    public CohortView? Cohort { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        (Cohort = await cohorts.GetAsync(CohortId, cancellationToken)) is null ? NotFound() : Page();
}
