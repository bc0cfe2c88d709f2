using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Audit;

/// <summary>The audit trail, for coordinators: who changed what and when, a page at a time.</summary>
internal static class AuditEndpoints
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit", PageAsync)
            .WithTags("Audit")
            .WithSummary("The audit trail, oldest first: pass the answer's next as after for the following page")
            .WithDescription($"cohortId keeps one cohort's entries; limit is 1 to {MaxLimit} (default {DefaultLimit}). Entries hold ids and fixed words, never a name or an attribute value.")
            .RequireAccess(Access.CoordinatorPolicy)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    internal static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> PageAsync(
        long? cohortId, long? after, int? limit, AuditStore audit, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        if (after < 0)
        {
            errors.Add(Problems.RequestError("after", "must be an entry id (0 or more)"));
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(Problems.RequestError("limit", $"must be from 1 to {MaxLimit}"));
        }

        return errors.Count > 0
            ? Problems.Invalid(errors)
            : TypedResults.Ok(await audit.PageAsync(cohortId, after ?? 0, limit ?? DefaultLimit, cancellationToken));
    }
}
