using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Pairs;

/// <summary>
/// The published pairs with their sessions so far; pairs quiet for four weeks are marked (by the injected clock).
/// A live pair can be locked (a re-match keeps it) or ended; ended pairs say why and when.
/// </summary>
internal sealed class IndexModel(CohortStore cohorts, PairingStore pairings, TimeProvider time) : WebPage
{
    /// <summary>Four weeks without a session: time for the coordinator to check in.</summary>
    public const int QuietDays = 28;

    [FromRoute]
    public long CohortId { get; set; }

    public CohortView? Cohort { get; private set; }

    public IReadOnlyList<PairView> Pairs { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public int Quiet => Pairs.Count(IsQuiet);

    [TempData]
    public string? Message { get; set; }

    /// <summary>A live pair whose last session (or, before the first, its publication) is four weeks or more ago.</summary>
    public bool IsQuiet(PairView pair) =>
        pair.CanLog && Today.DayNumber - (pair.LastSessionOn ?? DateOnly.FromDateTime(pair.PublishedAt.UtcDateTime)).DayNumber >= QuietDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostLockAsync(long pairId, CancellationToken cancellationToken) =>
        SetLockAsync(pairId, true, $"Locked pair {pairId}: a re-match keeps it.", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(long pairId, CancellationToken cancellationToken) =>
        SetLockAsync(pairId, false, $"Unlocked pair {pairId}: a re-match may move it when that matches more mentees.", cancellationToken);

    private async Task<IActionResult> SetLockAsync(long pairId, bool locked, string done, CancellationToken cancellationToken)
    {
        var answer = (await PairingEndpoints.SetLockAsync(CohortId, pairId, locked, pairings, cancellationToken)).Result;
        if (answer is not Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem)
        {
            Message = done;
            return Redirect($"/app/cohorts/{CohortId}/pairs");
        }

        AddErrors(WebResults.Errors(problem), _ => null);
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if ((Cohort = await cohorts.GetAsync(CohortId, cancellationToken)) is null)
        {
            return false;
        }

        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Pairs = WebResults.Read<IReadOnlyList<PairView>>((await PairingEndpoints.ListAsync(CohortId, pairings, cancellationToken)).Result).Value ?? [];
        return true;
    }
}
