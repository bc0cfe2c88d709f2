using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Erasure;

/// <summary>Erasure on request: a person's personal data is removed, anonymous aggregates stay.</summary>
internal static class ErasureEndpoints
{
    public static IEndpointRouteBuilder MapErasure(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/cohorts/{cohortId:long}/people/{personId}", EraseAsync)
            .WithTags("Erasure")
            .WithSummary("Erase a person's personal data from a cohort (allowed in draft and after publishing)")
            .WithDescription("The id becomes a random pseudonym everywhere; name, grade, department, availability and attribute values are blanked; " +
                             "pins and forbids naming them are dropped; their published pairs end and lose their credential and free-text topics. " +
                             "Reports keep their anonymous counts.")
            .RequireAccess(Access.CoordinatorPolicy)
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<ErasureReceipt>, ProblemHttpResult>> EraseAsync(
        long cohortId, string personId, CohortStore cohorts, ErasureStore erasure, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await cohorts.StateAsync(cohortId, cancellationToken) == CohortState.Missing)
        {
            return CohortGate.CohortMissing(cohortId);
        }

        return await erasure.EraseAsync(cohortId, personId, time.GetUtcNow(), cancellationToken) is { } receipt
            ? TypedResults.Ok(receipt)
            : Problems.NotFound($"Cohort {cohortId} has no person '{personId}' (or their data was already erased).");
    }
}
