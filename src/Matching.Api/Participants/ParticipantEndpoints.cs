using System.Text.Json;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Hosting;
using Mentoring.Matching.Api.RateLimits;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Mentoring.Matching.Api.Participants;

/// <summary>A cohort's people: loaded whole from the contract's CSV or JSON, all or nothing, and read back.</summary>
internal static class ParticipantEndpoints
{
    private const string CsvType = "text/csv";

    private const string JsonType = "application/json";

    public static IEndpointRouteBuilder MapParticipants(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cohorts/{cohortId:long}/people")
            .WithTags("Participants")
            .RequireAccess(Access.CoordinatorPolicy)
            .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapPut("/", ReplaceAsync)
            .ReadsUploads()
            .WithSummary("Load a draft cohort's people (text/csv as the contract's people.csv, or a JSON array), replacing any before")
            .WithDescription("All or nothing: a file with any bad row is refused whole with every bad row named (422), and nothing of it is stored. 429 beyond the cohort's uploads for the hour.")
            .RequireRateLimiting(RateLimitSetup.UploadsPolicy)
            .Accepts<IReadOnlyList<PersonInput>>(JsonType, CsvType)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // One Accepts describes both types (routing answers 415 for others); the CSV body is text.
                if (operation.RequestBody?.Content?.TryGetValue(CsvType, out var csv) == true)
                {
                    csv.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The contract's people.csv" };
                }

                return Task.CompletedTask;
            })
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync).WithSummary("List a cohort's people in upload order");
        return app;
    }

    private static async Task<Results<Ok<PeopleLoaded>, ProblemHttpResult>> ReplaceAsync(
        long cohortId, HttpRequest request, PeopleStore people, CohortStore cohorts, IOptions<MentoringSettings> settings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CohortGate.RefuseUnlessDraft(await cohorts.StateAsync(cohortId, cancellationToken), cohortId, "its people") is { } early)
        {
            return early;
        }

        // Routing lets only these types through, and a request without any.
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return TypedResults.Problem(
                $"Send the people as {CsvType} or {JsonType}.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        var isCsv = mediaType.MediaType.Equals(CsvType, StringComparison.OrdinalIgnoreCase);
        var limit = settings.Value.Limits.MaxUploadBytes;
        if (await ReadBodyAsync(request, limit, cancellationToken) is not { } body)
        {
            return RequestSizeLimits.TooLarge(limit);
        }

        Roster roster;
        if (isCsv)
        {
            roster = PeopleCsv.Read(body);
        }
        else
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                return TypedResults.Problem($"The body is not valid JSON: {Echo.Cap(e.Message, Echo.MaxErrorText)}", statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read");
            }

            using (document)
            {
                roster = PeopleJson.Read(document.RootElement);
            }
        }

        return await StoreAsync(cohortId, roster, isCsv ? PeopleCsv.SourceName : PeopleJson.SourceName, people, time, cancellationToken);
    }

    /// <summary>Stores a checked roster as a draft cohort's people, replacing any before; an empty roster is refused.</summary>
    internal static async Task<Results<Ok<PeopleLoaded>, ProblemHttpResult>> StoreAsync(
        long cohortId, Roster roster, string source, PeopleStore people, TimeProvider time, CancellationToken cancellationToken)
    {
        if (roster.People.Count == 0)
        {
            return Problems.Invalid([new InputError(source, null, null, "there are no people in the upload")]);
        }

        var state = await people.ReplaceAsync(cohortId, roster, time.GetUtcNow(), cancellationToken);
        if (CohortGate.RefuseUnlessDraft(state, cohortId, "its people") is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(new PeopleLoaded(
            roster.People.Count,
            roster.People.Count(p => p.Role == ParticipantRole.Mentee),
            roster.People.Count(p => p.Role == ParticipantRole.Mentor),
            roster.AttributeColumns));
    }

    internal static async Task<Results<Ok<IReadOnlyList<PersonView>>, ProblemHttpResult>> ListAsync(long cohortId, PeopleStore people, CancellationToken cancellationToken) =>
        await people.ListAsync(cohortId, cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : CohortGate.CohortMissing(cohortId);

    /// <summary>Reads the whole body (the library reads synchronously), or null when it is larger than <paramref name="limit"/> bytes.</summary>
    private static async Task<MemoryStream?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
