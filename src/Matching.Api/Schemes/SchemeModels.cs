namespace Mentoring.Matching.Api.Schemes;

/// <summary>A new scheme: a programme that runs a cohort year after year.</summary>
/// <param name="Name">What the EDI Centre calls it, e.g. "Reverse mentoring".</param>
/// <param name="MentorCohortLimit">The most cohorts of the scheme a mentor may serve in; null for no limit.</param>
internal sealed record CreateSchemeRequest(string? Name, int? MentorCohortLimit);

/// <summary>A scheme as the API shows it.</summary>
/// <param name="Id">The scheme's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="MentorCohortLimit">The most cohorts of the scheme a mentor may serve in; null for no limit.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Cohorts">Its cohorts, oldest first: a run never proposes a pair published in an earlier one.</param>
internal sealed record SchemeView(long Id, string Name, int? MentorCohortLimit, DateTimeOffset CreatedAt, IReadOnlyList<SchemeCohort> Cohorts);

/// <summary>A cohort of a scheme.</summary>
/// <param name="Id">The cohort's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status"><c>draft</c> or <c>published</c>.</param>
internal sealed record SchemeCohort(long Id, string Name, string Status);
