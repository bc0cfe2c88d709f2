using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Hosting;
using Mentoring.Matching.Api.Idempotency;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Pairings;

/// <summary>Publishing: one run's pairs become the cohort's pairings, each pair with its own logging credential.</summary>
internal static class PairingEndpoints
{
    public static IEndpointRouteBuilder MapPairings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cohorts/{cohortId:long}")
            .WithTags("Pairings")
            .RequireAccess(Access.CoordinatorPolicy)
            .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapPost("/runs/{runId:long}/publish", PublishAsync)
            .WithSummary("Publish a run's pairs as the cohort's pairings; answers each pair's logging credential, shown only this once")
            .WithDescription("On a published cohort the run is a re-match: kept pairs keep their id, credential and sessions, moved pairs end, " +
                             "and only new pairs get credentials. 409 when the run is already published, stale (people, policy or pairs changed since), or Infeasible. " +
                             "With an Idempotency-Key, a retry gets the first answer back, credentials included (422 for a malformed or reused key).")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .AcceptsIdempotencyKey()
            .CarriesCredential();
        group.MapGet("/pairs", ListAsync).WithSummary("List the cohort's published pairs with their sessions logged");
        group.MapPost("/pairs/{pairId:long}/credential", ReissueAsync)
            .WithSummary("Issue a pair a new logging credential (the old one stops working)")
            .ProducesProblems(StatusCodes.Status409Conflict)
            .CarriesCredential();
        group.MapPut("/pairs/{pairId:long}/lock", (long cohortId, long pairId, PairingStore pairings, CancellationToken cancellationToken) =>
                SetLockAsync(cohortId, pairId, true, pairings, cancellationToken))
            .WithSummary("Lock a live pair: the cohort's re-match runs keep it (it is pinned)")
            .ProducesProblems(StatusCodes.Status409Conflict);
        group.MapDelete("/pairs/{pairId:long}/lock", (long cohortId, long pairId, PairingStore pairings, CancellationToken cancellationToken) =>
                SetLockAsync(cohortId, pairId, false, pairings, cancellationToken))
            .WithSummary("Unlock a live pair: a re-match may move it when that matches more mentees")
            .ProducesProblems(StatusCodes.Status409Conflict);
        return app;
    }

    internal static async Task<Results<Created<Publication>, ProblemHttpResult>> PublishAsync(
        long cohortId, long runId, PairingStore pairings, TimeProvider time, CancellationToken cancellationToken)
    {
        var (publication, refusal, status) = await pairings.PublishAsync(cohortId, runId, time.GetUtcNow(), cancellationToken);
        return refusal switch
        {
            null => TypedResults.Created($"/cohorts/{cohortId}/pairs", publication),
            PublishRefusal.CohortMissing => CohortGate.CohortMissing(cohortId),
            PublishRefusal.RunMissing => Problems.NotFound($"Cohort {cohortId} has no run {runId}."),
            PublishRefusal.AlreadyPublished => Problems.Conflict($"Run {runId}'s pairs are already the cohort's pairings."),
            PublishRefusal.NotPublishable => Problems.Conflict($"Run {runId} is {status}: it has no pairing to publish."),
            _ => Problems.Conflict($"Run {runId} is stale: the cohort's people or policy changed since it ran. Run again and publish the new run."),
        };
    }

    internal static async Task<Results<Ok<IReadOnlyList<PairView>>, ProblemHttpResult>> ListAsync(long cohortId, PairingStore pairings, CancellationToken cancellationToken) =>
        await pairings.ListAsync(cohortId, cancellationToken) is { } pairs
            ? TypedResults.Ok(pairs)
            : CohortGate.CohortMissing(cohortId);

    internal static async Task<Results<NoContent, ProblemHttpResult>> SetLockAsync(
        long cohortId, long pairId, bool locked, PairingStore pairings, CancellationToken cancellationToken) =>
        await pairings.SetLockAsync(cohortId, pairId, locked, cancellationToken) switch
        {
            null => Problems.NotFound($"Cohort {cohortId} has no pair {pairId}."),
            false => Problems.Conflict($"Pair {pairId} has ended; only a live pair can be locked."),
            true => TypedResults.NoContent(),
        };

    private static async Task<Results<Ok<PairCredential>, ProblemHttpResult>> ReissueAsync(
        long cohortId, long pairId, PairingStore pairings, CancellationToken cancellationToken) =>
        await pairings.ReissueAsync(cohortId, pairId, cancellationToken) switch
        {
            null => Problems.NotFound($"Cohort {cohortId} has no pair {pairId}."),
            { Credential.Length: 0 } => Problems.Conflict($"Pair {pairId} has ended; it logs no more sessions."),
            var credential => TypedResults.Ok(credential),
        };
}
