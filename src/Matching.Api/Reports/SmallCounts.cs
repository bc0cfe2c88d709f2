using System.Globalization;

namespace Mentoring.Matching.Api.Reports;

/// <summary>
/// Keeps small counts from pointing at a person: any count below <see cref="Threshold"/> is shown as "&lt;5".
/// </summary>
internal static class SmallCounts
{
    public const int Threshold = 5;

    public const string Suppressed = "<5";

    public static string Show(long count) => count < Threshold ? Suppressed : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Shows the cells of a partition of a shown total. When exactly one cell is below the threshold, the smallest
    /// other cell is hidden too, so the hidden one cannot be worked out by subtraction.
    /// </summary>
    public static string[] ShowPartition(IReadOnlyList<long> cells)
    {
        var shown = cells.Select(Show).ToArray();
        if (shown.Count(s => s == Suppressed) == 1)
        {
            var next = Enumerable.Range(0, cells.Count).Where(i => shown[i] != Suppressed).OrderBy(i => cells[i]).FirstOrDefault(-1);
            if (next >= 0)
            {
                shown[next] = Suppressed;
            }
        }

        return shown;
    }
}
