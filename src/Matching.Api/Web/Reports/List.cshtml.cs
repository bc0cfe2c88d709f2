using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mentoring.Matching.Api.Web.Reports;

/// <summary>The cohorts whose anonymised reports can be read: an analyst's whole view of the app.</summary>
internal sealed class ListModel(CohortStore cohorts) : PageModel
{
    public IReadOnlyList<ReportCohort> Cohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cohorts = (await ReportEndpoints.CohortsAsync(cohorts, cancellationToken)).Value ?? [];
}
