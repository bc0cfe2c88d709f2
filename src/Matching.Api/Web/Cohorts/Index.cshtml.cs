using System.Text.Json;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Schemes;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Cohorts;

/// <summary>The cohorts, and a form to create one (the API's own create handler checks it).</summary>
internal sealed class IndexModel(CohortStore cohorts, SchemeStore schemes, TimeProvider time) : WebPage
{
    /// <summary>A new cohort's policy when none is imported: no dimensions yet, every rule at its default.</summary>
    private const string EmptyPolicy = """{ "dimensions": {} }""";

    public IReadOnlyList<CohortView> Cohorts { get; private set; } = [];

    /// <summary>The schemes a new cohort may belong to.</summary>
    public IReadOnlyList<SchemeView> Schemes { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? StartsOn { get; set; }

    [BindProperty]
    public string? EndsOn { get; set; }

    [BindProperty]
    public IFormFile? PolicyFile { get; set; }

    /// <summary>The chosen scheme's id; empty for a cohort of no scheme.</summary>
    [BindProperty]
    public long? SchemeId { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cohorts = await cohorts.ListAsync(cancellationToken);
        Schemes = await schemes.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var startsOn = ReadDate(StartsOn, nameof(StartsOn));
        var endsOn = ReadDate(EndsOn, nameof(EndsOn));
        var policy = await PolicyFiles.ReadAsync(PolicyFile, EmptyPolicy, cancellationToken);
        if (policy.Error is { } unreadable)
        {
            AddError(nameof(PolicyFile), unreadable);
        }

        if (!HasErrors)
        {
            var (created, problem) = WebResults.Read<CohortView>((await CohortEndpoints.CreateAsync(
                new CreateCohortRequest(Name, startsOn, endsOn, policy.Json, SchemeId), cohorts, schemes, time, cancellationToken)).Result);
            if (created is not null)
            {
                return Redirect($"/app/cohorts/{created.Id}/policy");
            }

            AddErrors(WebResults.Errors(problem!), e => e.Field switch
            {
                "name" => nameof(Name),
                "startsOn" => nameof(StartsOn),
                "endsOn" => nameof(EndsOn),
                "schemeId" => nameof(SchemeId),
                _ => nameof(PolicyFile),
            });
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}

/// <summary>Reads an uploaded policy.json into the raw JSON the API's handlers take.</summary>
internal static class PolicyFiles
{
    /// <summary>The JSON of the file, or of <paramref name="fallback"/> when none was chosen; or why it cannot be read.</summary>
    public static async Task<(JsonElement? Json, string? Error)> ReadAsync(IFormFile? file, string? fallback, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return fallback is null ? (null, "Choose a policy.json file.") : (JsonDocument.Parse(fallback).RootElement.Clone(), null);
        }

        try
        {
            await using var stream = file.OpenReadStream();
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            Errors.Utf8Check.Require(document.RootElement, "$");
            return (document.RootElement.Clone(), null);
        }
        catch (Errors.InvalidUtf8Exception e)
        {
            return (null, $"The file is not UTF-8 text (at {e.Path}).");
        }
        catch (JsonException e)
        {
            return (null, $"The file is not valid JSON (line {e.LineNumber + 1}).");
        }
    }
}
