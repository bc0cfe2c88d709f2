using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Pairs;

/// <summary>The published pairs with their sessions so far; pairs quiet for four weeks are marked (by the injected clock).</summary>
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

    /// <summary>A live pair whose last session (or, before the first, its publication) is four weeks or more ago.</summary>
    public bool IsQuiet(PairView pair) =>
        pair.CanLog && Today.DayNumber - (pair.LastSessionOn ?? DateOnly.FromDateTime(pair.PublishedAt.UtcDateTime)).DayNumber >= QuietDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((Cohort = await cohorts.GetAsync(CohortId, cancellationToken)) is null)
        {
            return NotFound();
        }

        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Pairs = WebResults.Read<IReadOnlyList<PairView>>((await PairingEndpoints.ListAsync(CohortId, pairings, cancellationToken)).Result).Value ?? [];
        return Page();
    }
}
