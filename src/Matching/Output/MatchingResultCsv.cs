using System.Globalization;

namespace Mentoring.Matching;

/// <summary>
/// Writes a result as the contract's CSV: one row per mentee ordered by <c>mentee_id</c>, with the
/// pair's explanation, or an empty <c>mentor_id</c> and the <c>reason</c> for an unmatched mentee.
/// </summary>
public static class MatchingResultCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "mentee_id,mentor_id,score,pinned,differences,shared_slots,dimension_score,slot_score,reason";

    /// <summary>Writes the header and one row per mentee.</summary>
    public static void Write(MatchingResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var row in Rows(result))
        {
            writer.Write(string.Join(',', row.Select(Quote)));
            writer.Write('\n');
        }
    }

    /// <summary>One row per mentee, pairs and unmatched together, ordered by mentee id (ordinal).</summary>
    private static IEnumerable<string[]> Rows(MatchingResult result)
    {
        var pairs = result.Pairs.Select(p => (p.MenteeId, Row: new[]
        {
            p.MenteeId,
            p.MentorId,
            Number(p.Score),
            p.Pinned ? "true" : "false",
            string.Join(';', p.Explanation.Differences.Select(d => d.Dimension)),
            string.Join(';', p.Explanation.SharedSlots),
            Number(p.Explanation.DimensionScore),
            Number(p.Explanation.SlotScore),
            string.Empty,
        }));
        var unmatched = result.Unmatched.Select(u => (u.MenteeId, Row: new[]
        {
            u.MenteeId, string.Empty, string.Empty, "false", string.Empty, string.Empty, string.Empty, string.Empty, u.Explanation,
        }));
        return pairs.Concat(unmatched).OrderBy(r => r.MenteeId, StringComparer.Ordinal).Select(r => r.Row);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting, only where needed.</summary>
    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
