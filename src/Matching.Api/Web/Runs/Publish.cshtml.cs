using System.Text;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Runs;

/// <summary>
/// Publish a run after a confirmation, then show each pair's link and credential once: the page is not cached, and the
/// CSV download posts the credentials back from the page itself, since the server keeps only their hashes.
/// </summary>
internal sealed class PublishModel(CohortStore cohorts, PairingStore pairings, TimeProvider time) : WebPage
{
    [FromRoute]
    public long CohortId { get; set; }

    [FromRoute]
    public long RunId { get; set; }

    public CohortView? Cohort { get; private set; }

    public Publication? Publication { get; private set; }

    /// <summary>True when the cohort was already published: the run is a re-match, and only its new pairs get credentials.</summary>
    public bool Rematch { get; private set; }

    public string AbsoluteLink(PairCredential pair) => $"{Request.Scheme}://{Request.Host}{pair.Link}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((Cohort = await cohorts.GetAsync(CohortId, cancellationToken)) is null)
        {
            return NotFound();
        }

        Rematch = Cohort.Status == "published";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await cohorts.GetAsync(CohortId, cancellationToken) is not { } before)
        {
            return NotFound();
        }

        Rematch = before.Status == "published";
        var (publication, problem) = WebResults.Read<Publication>((await PairingEndpoints.PublishAsync(CohortId, RunId, pairings, time, cancellationToken)).Result);
        Cohort = await cohorts.GetAsync(CohortId, cancellationToken) ?? before;

        if (problem is not null)
        {
            AddErrors(WebResults.Errors(problem), _ => null);
            return Page();
        }

        Publication = publication;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public IActionResult OnPostCsv(List<PairCredential> pairs)
    {
        var csv = new StringBuilder("pair_id,mentee_id,mentor_id,credential,link\n");
        foreach (var pair in pairs)
        {
            csv.AppendJoin(',', new[] { pair.PairId.ToString(System.Globalization.CultureInfo.InvariantCulture), pair.MenteeId, pair.MentorId, pair.Credential, AbsoluteLink(pair) }.Select(Quote)).Append('\n');
        }

        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"cohort-{CohortId}-credentials.csv");
    }

    private static string Quote(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
