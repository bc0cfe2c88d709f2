using System.Globalization;
using Mentoring.Matching.Api.Reports;

namespace Mentoring.Matching.Api.Web.Reports;

/// <summary>A bar chart of report counts, drawn as SVG (attributes, not inline styles) and given again as a table.</summary>
/// <param name="Id">Unique on the page.</param>
/// <param name="Title">The heading.</param>
/// <param name="LabelHeader">The table's first column.</param>
/// <param name="CountHeader">The table's second column.</param>
/// <param name="Rows">Each label with its shown count ("&lt;5" for a small one).</param>
internal sealed record Chart(string Id, string Title, string LabelHeader, string CountHeader, IReadOnlyList<(string Label, string Count)> Rows)
{
    public const int BarHeight = 22;

    public const int LabelWidth = 260;

    public const int BarSpace = 300;

    public int Height => Rows.Count * (BarHeight + 8);

    /// <summary>The bar's width; a hidden small count has no bar.</summary>
    public int Width(string count)
    {
        var max = Rows.Select(r => Value(r.Count)).DefaultIfEmpty(0).Max();
        return max == 0 ? 0 : (int)Math.Round(BarSpace * (double)Value(count) / max);
    }

    private static long Value(string count) =>
        count == SmallCounts.Suppressed ? 0 : long.Parse(count, CultureInfo.InvariantCulture);
}
