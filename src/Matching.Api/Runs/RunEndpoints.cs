using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Runs;

/// <summary>Match runs: run the engine on a draft cohort, and read any run back with its reproducible record.</summary>
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
            .WithDescription("422 when the people and policy do not fit together (every error named) or when the pinned pairs break a rule " +
                             "(the run is still stored; its id is in the problem's runId). 409 when no people are loaded or the cohort is published.")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync).WithSummary("List the cohort's runs, newest first");
        group.MapGet("/{runId:long}", GetAsync).WithSummary("Read a run: status, pairs with explanations, unmatched with reasons, and its record");
        return app;
    }

    internal static async Task<Results<Created<RunView>, ProblemHttpResult>> RunAsync(
        long cohortId, Db db, RunStore runs, MatchingOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        MatchingProblem? problem;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            if (CohortGate.RefuseUnlessDraft(await CohortGate.StateAsync(connection, null, cohortId), cohortId, "its pairs") is { } refusal)
            {
                return refusal;
            }

            problem = await CohortProblem.LoadAsync(connection, null, cohortId);
        }

        if (problem is null)
        {
            return Problems.Conflict($"Cohort {cohortId} has no people yet; load them with PUT /cohorts/{cohortId}/people first.");
        }

        var result = Matcher.Solve(problem, options with { TimeProvider = time }, cancellationToken);
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
