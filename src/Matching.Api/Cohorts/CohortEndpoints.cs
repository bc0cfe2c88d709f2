using System.Text.Json;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Schemes;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Cohorts;

/// <summary>Cohorts: create, list, read, rename or re-date, and change the policy (pins and forbids included) while still a draft.</summary>
internal static class CohortEndpoints
{
    public static IEndpointRouteBuilder MapCohorts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cohorts")
            .WithTags("Cohorts")
            .RequireAccess(Access.CoordinatorPolicy);

        group.MapPost("/", CreateAsync)
            .WithSummary("Create a draft cohort with its policy")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync).WithSummary("List the cohorts");
        group.MapGet("/{cohortId:long}", GetAsync)
            .WithSummary("Read a cohort")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{cohortId:long}", UpdateDetailsAsync)
            .WithSummary("Rename a cohort or change its dates (draft or published)")
            .WithDescription("409 when a session already logged would fall outside the new dates.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{cohortId:long}/policy", ReplacePolicyAsync)
            .WithSummary("Replace a draft cohort's policy (the contract's policy.json)")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        MapPairList(group, PairList.Pins);
        MapPairList(group, PairList.Forbids);
        return app;
    }

    internal static async Task<Results<Created<CohortView>, ProblemHttpResult>> CreateAsync(
        CreateCohortRequest request, CohortStore cohorts, SchemeStore schemes, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var name = ReadDetails(request.Name, request.StartsOn, request.EndsOn, errors);
        var policy = request.Policy is { } element
            ? PolicyInput.Read(element, "policy", errors)
            : null;
        if (request.Policy is null)
        {
            errors.Add(Problems.RequestError("policy", "the matching policy is required (the contract's policy.json)"));
        }

        if (request.SchemeId is { } schemeId && await schemes.GetAsync(schemeId, cancellationToken) is null)
        {
            errors.Add(Problems.RequestError("schemeId", $"there is no scheme {schemeId}"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var id = await cohorts.CreateAsync(name, request.StartsOn!.Value, request.EndsOn!.Value, policy!, request.SchemeId, time.GetUtcNow(), cancellationToken);
        var view = (await cohorts.GetAsync(id, cancellationToken))!;
        return TypedResults.Created($"/cohorts/{id}", view);
    }

    /// <summary>Renames a cohort or moves its dates, draft or published; its sessions must all stay within the dates.</summary>
    internal static async Task<Results<Ok<CohortView>, ProblemHttpResult>> UpdateDetailsAsync(
        long cohortId, CohortDetailsRequest request, CohortStore cohorts, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var name = ReadDetails(request.Name, request.StartsOn, request.EndsOn, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (outcome, outside) = await cohorts.UpdateDetailsAsync(cohortId, name, request.StartsOn!.Value, request.EndsOn!.Value, cancellationToken);
        return outcome switch
        {
            DetailsUpdate.Missing => CohortGate.CohortMissing(cohortId),
            DetailsUpdate.SessionOutside => Problems.Conflict(
                $"A session of this cohort was held on {outside:O}, outside {request.StartsOn:O} to {request.EndsOn:O}; the dates must keep every logged session."),
            _ => TypedResults.Ok((await cohorts.GetAsync(cohortId, cancellationToken))!),
        };
    }

    /// <summary>A cohort's name and dates, as creating and updating it both check them: the trimmed name; errors added for each bad field.</summary>
    private static string ReadDetails(string? name, DateOnly? startsOn, DateOnly? endsOn, List<InputError> errors)
    {
        var trimmed = NameField.Read(name, "cohort", errors);
        if (startsOn is null)
        {
            errors.Add(Problems.RequestError("startsOn", "the first day is required, e.g. \"2026-01-12\""));
        }

        if (endsOn is null)
        {
            errors.Add(Problems.RequestError("endsOn", "the last day is required, e.g. \"2026-07-31\""));
        }
        else if (endsOn < startsOn)
        {
            errors.Add(Problems.RequestError("endsOn", "the last day is before the first"));
        }

        return trimmed;
    }

    private static async Task<Ok<IReadOnlyList<CohortView>>> ListAsync(CohortStore cohorts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cohorts.ListAsync(cancellationToken));

    private static async Task<Results<Ok<CohortView>, ProblemHttpResult>> GetAsync(long cohortId, CohortStore cohorts, CancellationToken cancellationToken) =>
        await cohorts.GetAsync(cohortId, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : CohortGate.CohortMissing(cohortId);

    internal static async Task<Results<Ok<CohortView>, ProblemHttpResult>> ReplacePolicyAsync(
        long cohortId, [FromBody] JsonElement policy, CohortStore cohorts, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        if (PolicyInput.Read(policy, "", errors) is not { } replacement)
        {
            return Problems.Invalid(errors);
        }

        return await EditAsync(cohortId, _ => replacement, "replaced", cohorts, time, "", cancellationToken);
    }

    /// <summary>Maps <c>POST /cohorts/{id}/{list}</c> (add a pair) and <c>DELETE /cohorts/{id}/{list}?menteeId=&amp;mentorId=</c> (remove it).</summary>
    private static void MapPairList(RouteGroupBuilder group, PairList list)
    {
        group.MapPost($"/{{cohortId:long}}/{list.Name}", (long cohortId, PairRequest request, CohortStore cohorts, TimeProvider time, CancellationToken cancellationToken) =>
                AddPairAsync(cohortId, list, request, cohorts, time, cancellationToken))
            .WithSummary($"{list.Verb} a (mentee, mentor) pair in a draft cohort's policy; run again to see the effect")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        group.MapDelete($"/{{cohortId:long}}/{list.Name}", (long cohortId, string? menteeId, string? mentorId, CohortStore cohorts, TimeProvider time, CancellationToken cancellationToken) =>
                RemovePairAsync(cohortId, list, new PairRequest(menteeId, mentorId), cohorts, time, cancellationToken))
            .WithSummary($"Remove a pair from a draft cohort's {list.Name}")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Adds a pair to a draft cohort's pins or forbids; adding a pair that is already listed changes nothing and is not an error.</summary>
    internal static async Task<Results<Ok<CohortView>, ProblemHttpResult>> AddPairAsync(
        long cohortId, PairList list, PairRequest request, CohortStore cohorts, TimeProvider time, CancellationToken cancellationToken) =>
        ReadPair(request.MenteeId, request.MentorId) is { } pair
            ? await EditAsync(cohortId, p => list.PairsOf(p).Contains(pair) ? null : list.WithPairs(p, [.. list.PairsOf(p), pair]), $"{list.Name}: pair added", cohorts, time, "", cancellationToken)
            : MissingIds(request.MenteeId, request.MentorId);

    /// <summary>Removes a pair from a draft cohort's pins or forbids; 404 when it is not there.</summary>
    internal static async Task<Results<Ok<CohortView>, ProblemHttpResult>> RemovePairAsync(
        long cohortId, PairList list, PairRequest request, CohortStore cohorts, TimeProvider time, CancellationToken cancellationToken) =>
        ReadPair(request.MenteeId, request.MentorId) is { } pair
            ? await EditAsync(
                cohortId,
                p => list.PairsOf(p).Contains(pair) ? list.WithPairs(p, list.PairsOf(p).Where(q => q != pair).ToArray()) : null,
                $"{list.Name}: pair removed",
                cohorts,
                time,
                $"({Echo.Shorten(pair.MenteeId)}, {Echo.Shorten(pair.MentorId)}) is not in {list.Name}",
                cancellationToken)
            : MissingIds(request.MenteeId, request.MentorId);

    /// <summary>Applies a policy edit (<paramref name="change"/> for the audit trail) and answers with the cohort; <paramref name="absent"/> is the 404 when an unchanged edit means "not there".</summary>
    private static async Task<Results<Ok<CohortView>, ProblemHttpResult>> EditAsync(
        long cohortId, Func<MatchingPolicy, MatchingPolicy?> edit, string change, CohortStore cohorts, TimeProvider time, string absent, CancellationToken cancellationToken)
    {
        var outcome = await cohorts.EditPolicyAsync(cohortId, edit, change, time.GetUtcNow(), cancellationToken);
        return outcome switch
        {
            PolicyEdit.Missing => CohortGate.CohortMissing(cohortId),
            PolicyEdit.Published => CohortGate.RefuseUnlessDraft(CohortState.Published, cohortId, "its policy")!,
            PolicyEdit.Unchanged when absent.Length > 0 => Problems.NotFound(absent),
            _ => TypedResults.Ok((await cohorts.GetAsync(cohortId, cancellationToken))!),
        };
    }

    private static PersonPair? ReadPair(string? menteeId, string? mentorId) =>
        string.IsNullOrWhiteSpace(menteeId) || string.IsNullOrWhiteSpace(mentorId)
            ? null
            : new PersonPair(menteeId.Trim(), mentorId.Trim());

    private static ProblemHttpResult MissingIds(string? menteeId, string? mentorId)
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(menteeId))
        {
            errors.Add(Problems.RequestError("menteeId", "the mentee's id is required"));
        }

        if (string.IsNullOrWhiteSpace(mentorId))
        {
            errors.Add(Problems.RequestError("mentorId", "the mentor's id is required"));
        }

        return Problems.Invalid(errors);
    }
}
