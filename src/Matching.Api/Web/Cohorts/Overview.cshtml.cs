using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Schemes;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Cohorts;

/// <summary>A cohort's steps and where it stands, the scheme it belongs to, and a form to rename or re-date it (the API's own handler checks it).</summary>
internal sealed class OverviewModel(CohortStore cohorts, SchemeStore schemes) : WebPage
{
    [FromRoute]
    public long CohortId { get; set; }

    public CohortView? Cohort { get; private set; }

    /// <summary>The cohort's scheme, or null when it belongs to none.</summary>
    public SchemeView? Scheme { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? StartsOn { get; set; }

    [BindProperty]
    public string? EndsOn { get; set; }

    [TempData]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Name = Cohort!.Name;
        StartsOn = Cohort.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        EndsOn = Cohort.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var startsOn = ReadDate(StartsOn, nameof(StartsOn));
        var endsOn = ReadDate(EndsOn, nameof(EndsOn));
        if (!HasErrors)
        {
            var (saved, problem) = WebResults.Read<CohortView>((await CohortEndpoints.UpdateDetailsAsync(
                CohortId, new CohortDetailsRequest(Name, startsOn, endsOn), cohorts, cancellationToken)).Result);
            if (saved is not null)
            {
                Saved = true;
                return Redirect($"/app/cohorts/{CohortId}");
            }

            AddErrors(WebResults.Errors(problem!), e => e.Field switch
            {
                "name" => nameof(Name),
                "startsOn" => nameof(StartsOn),
                _ => nameof(EndsOn),
            });
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if ((Cohort = await cohorts.GetAsync(CohortId, cancellationToken)) is null)
        {
            return false;
        }

        Scheme = Cohort.SchemeId is { } schemeId ? await schemes.GetAsync(schemeId, cancellationToken) : null;
        return true;
    }
}
