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
            .RequireAccess(Access.ReportPolicy)
            .ProducesProblems(StatusCodes.Status404NotFound);
        app.MapGet("/reports", CohortsAsync)
            .WithTags("Reports")
            .WithSummary("The cohorts whose reports can be read: ids, names, dates and status only")
            .WithDescription("For analysts, who cannot read /cohorts (its policies name people).")
            .RequireAccess(Access.ReportPolicy);
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<ReportCohort>>> CohortsAsync(CohortStore cohorts, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ReportCohort>>(
            (await cohorts.ListAsync(cancellationToken)).Select(c => new ReportCohort(c.Id, c.Name, c.StartsOn, c.EndsOn, c.Status)).ToArray());

    internal static async Task<Results<Ok<CohortReport>, ProblemHttpResult>> ReportAsync(long cohortId, ReportStore reports, CancellationToken cancellationToken) =>
        await reports.ReportAsync(cohortId, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : CohortGate.CohortMissing(cohortId);
}
