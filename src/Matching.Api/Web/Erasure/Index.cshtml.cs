using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Erasure;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Erasure;

/// <summary>Erase a person on request, after a confirmation that says what stays; the API's own handler erases.</summary>
internal sealed class IndexModel(CohortStore cohorts, ErasureStore erasure, TimeProvider time) : WebPage
{
    [FromRoute]
    public long CohortId { get; set; }

    public CohortView? Cohort { get; private set; }

    [BindProperty]
    public string? PersonId { get; set; }

    public bool Confirming { get; private set; }

    public ErasureReceipt? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        (Cohort = await cohorts.GetAsync(CohortId, cancellationToken)) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        Confirming = !string.IsNullOrWhiteSpace(PersonId);
        if (!Confirming)
        {
            AddError(nameof(PersonId), "Enter the person's id.");
        }

        return await OnGetAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        var (receipt, problem) = WebResults.Read<ErasureReceipt>((await ErasureEndpoints.EraseAsync(
            CohortId, PersonId?.Trim() ?? "", cohorts, erasure, time, cancellationToken)).Result);
        Receipt = receipt;
        if (problem is not null)
        {
            AddErrors(WebResults.Errors(problem), _ => nameof(PersonId));
        }
        else
        {
            PersonId = null;
        }

        return await OnGetAsync(cancellationToken);
    }
}
