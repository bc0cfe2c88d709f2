using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Idempotency;
using Mentoring.Matching.Api.RateLimits;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Sessions;

/// <summary>Session logging for a published pair: log, list, correct and delete. Reached by the coordinator or that pair's credential.</summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/pairs/{pairId:long}")
            .WithTags("Sessions")
            .RequireAccess(Access.PairPolicy)
            .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapGet("/topics", TopicsAsync).WithSummary("The topics this pair's sessions can cover");
        group.MapPost("/sessions", AddAsync)
            .WithSummary("Log a session")
            .WithDescription("409 once the pair has ended (a member's data was erased). 429 beyond the pair's session writes for the UTC day.")
            .RequireRateLimiting(RateLimitSetup.SessionWritesPolicy)
            .AcceptsIdempotencyKey()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/sessions", ListAsync).WithSummary("List the pair's sessions by date");
        group.MapGet("/sessions/{sessionId:long}", GetAsync).WithSummary("Read a session");
        group.MapPut("/sessions/{sessionId:long}", ReplaceAsync)
            .WithSummary("Correct a session (the whole entry is replaced)")
            .WithDescription("429 beyond the pair's session writes for the UTC day (logging and correcting count together).")
            .RequireRateLimiting(RateLimitSetup.SessionWritesPolicy)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/sessions/{sessionId:long}", DeleteAsync).WithSummary("Delete a session logged by mistake");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<Topic>>, ProblemHttpResult>> TopicsAsync(long pairId, SessionStore sessions, CancellationToken cancellationToken) =>
        await sessions.TopicsAsync(pairId, cancellationToken) is { } topics ? TypedResults.Ok(topics) : PairMissing(pairId);

    internal static async Task<Results<Created<SessionView>, ProblemHttpResult>> AddAsync(
        long pairId, SessionRequest request, SessionStore sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        var (entry, problem) = await CheckAsync(pairId, request, sessions, time, cancellationToken);
        if (entry is null)
        {
            return problem!;
        }

        var (outcome, sessionId) = await sessions.AddAsync(pairId, entry, time.GetUtcNow(), cancellationToken);
        return outcome == SessionWrite.Done
            ? TypedResults.Created($"/pairs/{pairId}/sessions/{sessionId}", (await sessions.GetAsync(pairId, sessionId, cancellationToken))!)
            : Refuse(outcome, pairId, sessionId);
    }

    internal static async Task<Results<Ok<IReadOnlyList<SessionView>>, ProblemHttpResult>> ListAsync(long pairId, SessionStore sessions, CancellationToken cancellationToken) =>
        await sessions.ListAsync(pairId, cancellationToken) is { } list ? TypedResults.Ok(list) : PairMissing(pairId);

    internal static async Task<Results<Ok<SessionView>, ProblemHttpResult>> GetAsync(long pairId, long sessionId, SessionStore sessions, CancellationToken cancellationToken) =>
        await sessions.GetAsync(pairId, sessionId, cancellationToken) is { } session ? TypedResults.Ok(session) : SessionMissing(pairId, sessionId);

    internal static async Task<Results<Ok<SessionView>, ProblemHttpResult>> ReplaceAsync(
        long pairId, long sessionId, SessionRequest request, SessionStore sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        var (entry, problem) = await CheckAsync(pairId, request, sessions, time, cancellationToken);
        if (entry is null)
        {
            return problem!;
        }

        var outcome = await sessions.ReplaceAsync(pairId, sessionId, entry, time.GetUtcNow(), cancellationToken);
        return outcome == SessionWrite.Done
            ? TypedResults.Ok((await sessions.GetAsync(pairId, sessionId, cancellationToken))!)
            : Refuse(outcome, pairId, sessionId);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long pairId, long sessionId, SessionStore sessions, CancellationToken cancellationToken)
    {
        var outcome = await sessions.DeleteAsync(pairId, sessionId, cancellationToken);
        return outcome == SessionWrite.Done ? TypedResults.NoContent() : Refuse(outcome, pairId, sessionId);
    }

    /// <summary>The checked entry; or the problem: 404 for an unknown pair, 422 naming every broken rule.</summary>
    private static async Task<(SessionEntry? Entry, ProblemHttpResult? Problem)> CheckAsync(
        long pairId, SessionRequest request, SessionStore sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await sessions.EntryRulesAsync(pairId, cancellationToken) is not { } rules)
        {
            return (null, PairMissing(pairId));
        }

        var errors = new List<InputError>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var entry = SessionValidation.Check(request, rules.TopicCodes, (rules.StartsOn, rules.EndsOn), today, errors);
        return entry is null ? (null, Problems.Invalid(errors)) : (entry, null);
    }

    private static ProblemHttpResult Refuse(SessionWrite outcome, long pairId, long sessionId) => outcome switch
    {
        SessionWrite.PairMissing => PairMissing(pairId),
        SessionWrite.PairEnded => Problems.Conflict($"Pair {pairId} has ended (a member's data was erased); no more sessions can be logged or corrected."),
        _ => SessionMissing(pairId, sessionId),
    };

    private static ProblemHttpResult PairMissing(long pairId) => Problems.NotFound($"There is no published pair {pairId}.");

    private static ProblemHttpResult SessionMissing(long pairId, long sessionId) => Problems.NotFound($"Pair {pairId} has no session {sessionId}.");
}
