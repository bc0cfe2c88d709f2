using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Reports;

/// <summary>Anonymised reports: the figures an EDI Centre reads, never one that could identify a person.</summary>
internal static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cohorts/{cohortId:long}/report", ReportAsync)
            .WithTags("Reports")
            .WithSummary("A cohort's anonymised figures: pairs made, coverage of each dimension, sessions per pair, minutes, topics")
            .WithDescription("Counts below 5 are shown as \"<5\"; no pair or person is ever listed.")
            .RequireAccess(Access.CoordinatorPolicy)
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<CohortReport>, ProblemHttpResult>> ReportAsync(long cohortId, ReportStore reports, CancellationToken cancellationToken) =>
        await reports.ReportAsync(cohortId, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : CohortGate.CohortMissing(cohortId);
}
