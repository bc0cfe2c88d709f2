using System.Globalization;
using System.Text;

namespace Mentoring.Matching.Cli;

/// <summary>The result as a plain-text table for a person to read.</summary>
internal static class ResultTable
{
    private static readonly string[] Headings = ["Mentee", "Mentor", "Score", "Differs on", "Shared slots"];

    public static string Render(MatchingResult result, Roster roster)
    {
        var names = roster.People.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        string Label(string id) => names.TryGetValue(id, out var name) && name.Length > 0 ? $"{name} ({id})" : id;

        var rows = new List<string[]> { Headings };
        rows.AddRange(result.Pairs.Select(p => new[]
        {
            Label(p.MenteeId),
            Label(p.MentorId) + (p.Pinned ? " [pinned]" : string.Empty),
            p.Score.ToString(CultureInfo.InvariantCulture),
            string.Join(", ", p.Explanation.Differences.Select(d => d.Dimension)),
            string.Join(", ", p.Explanation.SharedSlots),
        }));

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            text.Append(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
            if (index == 0)
            {
                text.AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
            }
        }

        if (result.Unmatched.Count > 0)
        {
            text.Append('\n').Append("Unmatched:\n");
            foreach (var mentee in result.Unmatched)
            {
                text.Append("  ").Append(Label(mentee.MenteeId)).Append(": ").Append(mentee.Explanation).Append('\n');
            }
        }

        text.Append('\n').Append(CultureInfo.InvariantCulture,
            $"{result.Status}: {result.Matched} of {result.Facts.Mentees} mentees matched, total score {result.Total}\n");
        return text.ToString();
    }
}
