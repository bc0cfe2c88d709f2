using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Participants;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.People;

/// <summary>
/// Upload a roster as CSV or .xlsx: check it (counts and attribute columns, nothing stored) or load it through the
/// API's own handler. A bad file lists every bad row and stores nothing.
/// </summary>
internal sealed class UploadModel(CohortStore cohorts, PeopleStore people, TimeProvider time) : WebPage
{
    /// <summary>As the API: far above any real organisation's roster.</summary>
    private const long MaxUploadBytes = 30_000_000;

    [FromRoute]
    public long CohortId { get; set; }

    public CohortView? Cohort { get; private set; }

    public PeopleLoaded? Result { get; private set; }

    public bool Stored { get; private set; }

    public IReadOnlyList<FieldError> RowErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        (Cohort = await cohorts.GetAsync(CohortId, cancellationToken)) is null ? NotFound() : Page();

    public Task<IActionResult> OnPostCheckAsync(IFormFile? peopleFile, CancellationToken cancellationToken) =>
        HandleAsync(peopleFile, store: false, cancellationToken);

    public Task<IActionResult> OnPostLoadAsync(IFormFile? peopleFile, CancellationToken cancellationToken) =>
        HandleAsync(peopleFile, store: true, cancellationToken);

    private async Task<IActionResult> HandleAsync(IFormFile? file, bool store, CancellationToken cancellationToken)
    {
        if (await cohorts.GetAsync(CohortId, cancellationToken) is null)
        {
            return NotFound();
        }

        if (Read(file) is { } roster)
        {
            if (!store)
            {
                Result = Summarise(roster);
            }
            else
            {
                var (loaded, problem) = WebResults.Read<PeopleLoaded>((await ParticipantEndpoints.StoreAsync(
                    CohortId, roster, PeopleCsv.SourceName, people, time, cancellationToken)).Result);
                (Result, Stored) = (loaded, loaded is not null);
                if (problem is not null)
                {
                    AddErrors(WebResults.Errors(problem), _ => "PeopleFile");
                }
            }
        }

        Cohort = await cohorts.GetAsync(CohortId, cancellationToken);
        return Page();
    }

    /// <summary>The checked roster, or null with every error shown.</summary>
    private Roster? Read(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            AddError("PeopleFile", "Choose a people file (.csv or .xlsx).");
            return null;
        }

        if (file.Length > MaxUploadBytes)
        {
            AddError("PeopleFile", $"The file is larger than {MaxUploadBytes / 1_000_000} MB.");
            return null;
        }

        try
        {
            using var stream = file.OpenReadStream();
            if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                return PeopleCsv.Read(stream);
            }

            if (SpreadsheetCsv.Convert(stream) is not { } csv)
            {
                AddError("PeopleFile", "The file is not a readable Excel workbook (.xlsx).");
                return null;
            }

            return PeopleCsv.Read(new StringReader(csv));
        }
        catch (InvalidInputException invalid)
        {
            RowErrors = invalid.Errors.Select(FieldError.From).ToArray();
            AddError("PeopleFile", RowErrors.Count == 1 ? "The file has 1 problem, listed below; nothing was stored." : $"The file has {RowErrors.Count} problems, listed below; nothing was stored.");
            return null;
        }
    }

    private static PeopleLoaded Summarise(Roster roster) => new(
        roster.People.Count,
        roster.People.Count(p => p.Role == ParticipantRole.Mentee),
        roster.People.Count(p => p.Role == ParticipantRole.Mentor),
        roster.AttributeColumns);
}
