using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Protection;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Runs;

/// <summary>
/// Match runs: run the engine on a cohort (on a published one, a re-match that keeps the live pairs where it can),
/// optionally with alternatives and what-if, and read any run back with its reproducible record.
/// </summary>
internal static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRuns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cohorts/{cohortId:long}/runs")
            .WithTags("Runs")
            .RequireAccess(Access.CoordinatorPolicy)
            .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapPost("/", RunAsync)
            .WithSummary("Run the engine on the cohort's people and policy (pins and forbids included) and store the run")
            .WithDescription("On a published cohort this is a re-match: the live pairs are the current pairs, kept where they can be, and locked pairs are pinned. " +
                             "A cohort of a scheme never gets a pair published in the scheme's other cohorts, nor a mentor at the scheme's limit. " +
                             "The optional body asks for alternatives (up to 10 per mentee) and what-if. " +
                             "422 when the request, or the people and policy together, are invalid (every error named) or when the pinned pairs break a rule " +
                             "(the run is still stored; its id is in the problem's runId). 409 when no people are loaded.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync).WithSummary("List the cohort's runs, newest first");
        group.MapGet("/{runId:long}", GetAsync).WithSummary("Read a run: status, pairs with explanations, unmatched with reasons, and its record");
        return app;
    }

    internal static async Task<Results<Created<RunView>, ProblemHttpResult>> RunAsync(
        long cohortId, RunRequest? request, Db db, PersonalData personalData, RunStore runs, MatchingOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request?.Alternatives is < 0 or > MatchingOptions.MaxAlternatives)
        {
            return Problems.Invalid([Problems.RequestError("alternatives", $"must be between 0 and {MatchingOptions.MaxAlternatives}")]);
        }

        MatchingProblem? problem;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            if (await CohortGate.StateAsync(connection, null, cohortId) == CohortState.Missing)
            {
                return CohortGate.CohortMissing(cohortId);
            }

            problem = await CohortProblem.LoadAsync(connection, null, personalData, cohortId);
        }

        if (problem is null)
        {
            return Problems.Conflict($"Cohort {cohortId} has no people yet; load them with PUT /cohorts/{cohortId}/people first.");
        }

        var asked = options with
        {
            TimeProvider = time,
            Alternatives = request?.Alternatives ?? 0,
            WhatIf = request?.WhatIf ?? false,
        };
        var result = Matcher.Solve(problem, asked, cancellationToken);
        var runId = await runs.AddAsync(cohortId, result, time.GetUtcNow(), cancellationToken);
        if (result.Status == MatchStatus.Infeasible)
        {
            return TypedResults.Problem(
                result.InfeasibleReason,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The pinned pairs cannot all hold",
                extensions: new Dictionary<string, object?>
                {
                    ["runId"] = runId,
                    ["errors"] = new[] { new FieldError("policy.json", null, "pinnedPairs", result.InfeasibleReason ?? "infeasible") },
                });
        }

        return TypedResults.Created($"/cohorts/{cohortId}/runs/{runId}", (await runs.GetAsync(cohortId, runId, cancellationToken))!);
    }

    internal static async Task<Results<Ok<IReadOnlyList<RunSummary>>, ProblemHttpResult>> ListAsync(
        long cohortId, CohortStore cohorts, RunStore runs, CancellationToken cancellationToken) =>
        await cohorts.StateAsync(cohortId, cancellationToken) == CohortState.Missing
            ? CohortGate.CohortMissing(cohortId)
            : TypedResults.Ok(await runs.ListAsync(cohortId, cancellationToken));

    internal static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetAsync(long cohortId, long runId, RunStore runs, CancellationToken cancellationToken) =>
        await runs.GetAsync(cohortId, runId, cancellationToken) is { } run
            ? TypedResults.Ok(run)
            : Problems.NotFound($"Cohort {cohortId} has no run {runId}.");
}
