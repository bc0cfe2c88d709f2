namespace Mentoring.Matching.Api.Reports;

/// <summary>A cohort as an analyst finds its report: no policy (its pins name people), no people.</summary>
/// <param name="Id">The cohort's id; its report is <c>/cohorts/{id}/report</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="StartsOn">First day.</param>
/// <param name="EndsOn">Last day.</param>
/// <param name="Status"><c>draft</c> or <c>published</c>.</param>
internal sealed record ReportCohort(long Id, string Name, DateOnly StartsOn, DateOnly EndsOn, string Status);
