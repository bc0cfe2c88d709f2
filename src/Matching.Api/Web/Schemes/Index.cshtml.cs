using System.Globalization;
using Mentoring.Matching.Api.Schemes;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Schemes;

/// <summary>The schemes with their cohorts, and a form to create one (the API's own create handler checks it).</summary>
internal sealed class IndexModel(SchemeStore schemes, TimeProvider time) : WebPage
{
    public IReadOnlyList<SchemeView> Schemes { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? MentorCohortLimit { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Schemes = WebResults.Read<IReadOnlyList<SchemeView>>(await SchemeEndpoints.ListAsync(schemes, cancellationToken)).Value ?? [];

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        int? limit = null;
        if (!string.IsNullOrWhiteSpace(MentorCohortLimit))
        {
            if (int.TryParse(MentorCohortLimit.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var given))
            {
                limit = given;
            }
            else
            {
                AddError(nameof(MentorCohortLimit), "Enter a whole number, e.g. 2, or leave it empty for no limit.");
            }
        }

        if (!HasErrors)
        {
            var (created, problem) = WebResults.Read<SchemeView>((await SchemeEndpoints.CreateAsync(new CreateSchemeRequest(Name, limit), schemes, time, cancellationToken)).Result);
            if (created is not null)
            {
                Message = $"Created the scheme {created.Name}. Choose it when you create its cohorts.";
                return Redirect("/app/schemes");
            }

            AddErrors(WebResults.Errors(problem!), e => e.Field == "mentorCohortLimit" ? nameof(MentorCohortLimit) : nameof(Name));
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
