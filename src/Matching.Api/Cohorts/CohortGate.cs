using Dapper;
using Mentoring.Matching.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Cohorts;

/// <summary>Whether a cohort can still change: people, policy and runs change only while it is a draft.</summary>
internal enum CohortState
{
    Missing,
    Draft,
    Published,
}

/// <summary>Reads a cohort's state inside a write, so the check and the change are one transaction.</summary>
internal static class CohortGate
{
    public static async Task<CohortState> StateAsync(SqliteConnection connection, SqliteTransaction? transaction, long cohortId)
    {
        var published = await connection.QuerySingleOrDefaultAsync<(long Id, string? PublishedAt)?>(
            "SELECT id, published_at FROM cohorts WHERE id = @cohortId", new { cohortId }, transaction);
        return published switch
        {
            null => CohortState.Missing,
            { PublishedAt: null } => CohortState.Draft,
            _ => CohortState.Published,
        };
    }

    /// <summary>The problem to answer when a cohort is not a draft; null when it is.</summary>
    public static ProblemHttpResult? RefuseUnlessDraft(CohortState state, long cohortId, string change) => state switch
    {
        CohortState.Missing => CohortMissing(cohortId),
        CohortState.Published => Problems.Conflict($"Cohort {cohortId} is published; {change} can no longer change."),
        _ => null,
    };

    /// <summary>A cohort's status as the API names it: <c>draft</c> until published, then <c>published</c>.</summary>
    public static string StatusName(string? publishedAt) => publishedAt is null ? "draft" : "published";

    public static ProblemHttpResult CohortMissing(long cohortId) => Problems.NotFound($"There is no cohort {cohortId}.");
}
