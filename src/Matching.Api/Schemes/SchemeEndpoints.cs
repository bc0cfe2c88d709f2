using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Schemes;

/// <summary>Schemes: a programme's cohorts year after year, so no pair repeats and no mentor serves too often.</summary>
internal static class SchemeEndpoints
{
    public static IEndpointRouteBuilder MapSchemes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/schemes")
            .WithTags("Schemes")
            .RequireAccess(Access.CoordinatorPolicy);

        group.MapPost("/", CreateAsync)
            .WithSummary("Create a scheme; its cohorts (schemeId when a cohort is created) never repeat a published pair")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync).WithSummary("List the schemes with their cohorts");
        group.MapGet("/{schemeId:long}", GetAsync)
            .WithSummary("Read a scheme with its cohorts, oldest first")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Created<SchemeView>, ProblemHttpResult>> CreateAsync(
        CreateSchemeRequest request, SchemeStore schemes, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var name = NameField.Read(request.Name, "scheme", errors);
        if (request.MentorCohortLimit is < 1)
        {
            errors.Add(Problems.RequestError("mentorCohortLimit", "must be at least 1, or null for no limit"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var id = await schemes.CreateAsync(name, request.MentorCohortLimit, time.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"/schemes/{id}", (await schemes.GetAsync(id, cancellationToken))!);
    }

    internal static async Task<Ok<IReadOnlyList<SchemeView>>> ListAsync(SchemeStore schemes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await schemes.ListAsync(cancellationToken));

    internal static async Task<Results<Ok<SchemeView>, ProblemHttpResult>> GetAsync(long schemeId, SchemeStore schemes, CancellationToken cancellationToken) =>
        await schemes.GetAsync(schemeId, cancellationToken) is { } scheme
            ? TypedResults.Ok(scheme)
            : SchemeMissing(schemeId);

    public static ProblemHttpResult SchemeMissing(long schemeId) => Problems.NotFound($"There is no scheme {schemeId}.");
}
