using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Withdrawals;

/// <summary>Withdrawals: a published pair ends, and a person who withdrew no longer takes part; a re-match run fills the gap.</summary>
internal static class WithdrawalEndpoints
{
    /// <summary>The longest note a coordinator may keep on an ended pair.</summary>
    public const int MaxNoteLength = 1000;

    public static IEndpointRouteBuilder MapWithdrawals(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/cohorts/{cohortId:long}/pairs")
            .WithTags("Pairings")
            .RequireAccess(Access.CoordinatorPolicy)
            .MapPost("/{pairId:long}/end", EndAsync)
            .WithSummary("End a published pair (its credential stops working; its sessions stay in the report)")
            .WithDescription("A withdrawal (mentee-withdrew, mentor-withdrew) also takes that person out of the cohort and ends their other live pairs. " +
                             "Then POST /cohorts/{cohortId}/runs makes a re-match run that keeps every other pair. " +
                             "404 unknown cohort or pair; 409 the pair already ended or the cohort is not published; 422 an unknown reason.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    internal static async Task<Results<Ok<PairEnded>, ProblemHttpResult>> EndAsync(
        long cohortId, long pairId, EndPairRequest request, WithdrawalStore withdrawals, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var reason = request.Reason?.Trim() ?? "";
        if (!EndReasons.Given.Contains(reason))
        {
            errors.Add(Problems.RequestError("reason", $"must be one of {string.Join(", ", EndReasons.Given)}"));
        }

        var note = request.Note?.Trim() is { Length: > 0 } given ? given : null;
        if (note?.Length > MaxNoteLength)
        {
            errors.Add(Problems.RequestError("note", $"must be at most {MaxNoteLength} characters"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (ended, refusal) = await withdrawals.EndAsync(cohortId, pairId, reason, note, time.GetUtcNow(), cancellationToken);
        return refusal switch
        {
            null => TypedResults.Ok(ended),
            EndRefusal.CohortMissing => CohortGate.CohortMissing(cohortId),
            EndRefusal.NotPublished => Problems.Conflict($"Cohort {cohortId} is not published: it has no pairs to end."),
            EndRefusal.PairMissing => Problems.NotFound($"Cohort {cohortId} has no pair {pairId}."),
            _ => Problems.Conflict($"Pair {pairId} has already ended."),
        };
    }
}
