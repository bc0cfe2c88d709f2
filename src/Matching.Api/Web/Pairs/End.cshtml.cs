using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Web.Shared;
using Mentoring.Matching.Api.Withdrawals;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Pairs;

/// <summary>End a published pair after a confirmation, with a reason and an optional private note (the API's own end handler checks them).</summary>
internal sealed class EndModel(CohortStore cohorts, PairingStore pairings, WithdrawalStore withdrawals, TimeProvider time) : WebPage
{
    [FromRoute]
    public long CohortId { get; set; }

    [FromRoute]
    public long PairId { get; set; }

    public CohortView? Cohort { get; private set; }

    public PairView? Pair { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>What the pairs page says after the pair ended.</summary>
    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // An unchosen reason gets plain words here; any other value is the API's to judge.
        if (string.IsNullOrWhiteSpace(Reason))
        {
            AddError(nameof(Reason), "Choose why the pair ends.");
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        var (ended, problem) = WebResults.Read<PairEnded>((await WithdrawalEndpoints.EndAsync(
            CohortId, PairId, new EndPairRequest(Reason, Note), withdrawals, time, cancellationToken)).Result);
        if (ended is not null)
        {
            var withdrawn = ended.WithdrawnId is { } id ? $" {id} no longer takes part in this cohort." : "";
            var also = ended.AlsoEnded.Count > 0 ? $" Their other pairs ended too: {string.Join(", ", ended.AlsoEnded)}." : "";
            Message = $"Pair {ended.PairId} ended: {EndReasonWords.Of(ended.Reason)}.{withdrawn}{also}";
            return Redirect($"/app/cohorts/{CohortId}/pairs");
        }

        AddErrors(WebResults.Errors(problem!), e => e.Field switch
        {
            "reason" => nameof(Reason),
            "note" => nameof(Note),
            _ => null,
        });
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if ((Cohort = await cohorts.GetAsync(CohortId, cancellationToken)) is null)
        {
            return false;
        }

        var pairs = WebResults.Read<IReadOnlyList<PairView>>((await PairingEndpoints.ListAsync(CohortId, pairings, cancellationToken)).Result).Value ?? [];
        Pair = pairs.FirstOrDefault(p => p.PairId == PairId);
        return Pair is not null;
    }
}
