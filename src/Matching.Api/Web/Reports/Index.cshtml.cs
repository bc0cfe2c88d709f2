using System.Text;
using Mentoring.Matching.Api.Reports;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Reports;

/// <summary>The API's anonymised report, as charts with tables, and as CSV.</summary>
internal sealed class IndexModel(ReportStore reports) : WebPage
{
    [FromRoute]
    public long CohortId { get; set; }

    public CohortReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        (Report = await ReadAsync(cancellationToken)) is null ? NotFound() : Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken) is not { } report)
        {
            return NotFound();
        }

        var csv = new StringBuilder("figure,item,value\n");
        void Row(string figure, string item, string? value) => csv.Append($"\"{figure}\",\"{item.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"{value}\"\n");
        Row("mentees", "", report.Mentees);
        Row("mentors", "", report.Mentors);
        Row("pairsMade", "", report.PairsMade);
        Row("sessionsHeld", "", report.Sessions.Held);
        Row("meanSessionsPerPair", "", report.Sessions.MeanPerPair?.ToString("0.0", null));
        Row("minutesTotal", "", report.Minutes.Total?.ToString(null, null));
        Row("meanMinutesPerSession", "", report.Minutes.MeanPerSession?.ToString("0.0", null));
        report.Coverage.ToList().ForEach(c => Row("coverage", c.Dimension, c.PairsDiffering));
        report.Sessions.PerPair.ToList().ForEach(b => Row("pairsBySessions", b.Sessions, b.Pairs));
        report.Topics.ToList().ForEach(t => Row("topicSessions", t.Code, t.Sessions));
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"cohort-{CohortId}-report.csv");
    }

    private async Task<CohortReport?> ReadAsync(CancellationToken cancellationToken) =>
        WebResults.Read<CohortReport>((await ReportEndpoints.ReportAsync(CohortId, reports, cancellationToken)).Result).Value;
}
