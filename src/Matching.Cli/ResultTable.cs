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

        if (result.CurrentPairsNotKept.Count > 0)
        {
            text.Append('\n').Append("Current pairs not kept:\n");
            foreach (var pair in result.CurrentPairsNotKept)
            {
                text.Append("  ").Append(Label(pair.MenteeId)).Append(" - ").Append(Label(pair.MentorId)).Append(": ").Append(pair.Reason).Append('\n');
            }
        }

        var best = result.Figures;
        var withAlternatives = result.Pairs.Where(p => p.Alternatives is { Count: > 0 }).ToList();
        if (withAlternatives.Count > 0)
        {
            text.Append('\n').Append("Alternatives (the cohort's optimum with that pair pinned):\n");
            foreach (var pair in withAlternatives)
            {
                text.Append("  ").Append(Label(pair.MenteeId)).Append(":\n");
                foreach (var alternative in pair.Alternatives!)
                {
                    text.Append("    ").Append(Label(alternative.MentorId)).Append(": ").Append(Describe(alternative.Optimum, best)).Append('\n');
                }
            }
        }

        if (result.WhatIf is { Count: > 0 } whatIf)
        {
            text.Append('\n').Append("What if (each rule relaxed alone):\n");
            foreach (var outcome in whatIf)
            {
                text.Append("  ").Append(outcome.Field).Append(' ').Append(ChangedValue(outcome)).Append(": ").Append(Describe(outcome.Optimum, best)).Append('\n');
            }
        }

        var kept = result.Policy.CurrentPairs.Count > 0 ? $", {result.Kept} current pairs kept" : string.Empty;
        text.Append('\n').Append(CultureInfo.InvariantCulture,
            $"{result.Status}: {result.Matched} of {result.Facts.Mentees} mentees matched{kept}, total score {result.Total}\n");
        return text.ToString();
    }

    /// <summary>"10 matched, total 82 (2 less)": a changed problem's optimum against this one.</summary>
    private static string Describe(AssignmentFigures optimum, AssignmentFigures best)
    {
        if (optimum.Status == MatchStatus.Infeasible)
        {
            return "no assignment";
        }

        string Change(long delta, string unit) => delta == 0 ? string.Empty : delta > 0 ? $" ({delta} more{unit})" : $" ({-delta} less{unit})";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{optimum.Matched} matched{Change(optimum.Matched - best.Matched, string.Empty)}");
        if (optimum.Kept != 0 || best.Kept != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {optimum.Kept} kept{Change(optimum.Kept - best.Kept, string.Empty)}");
        }

        if (optimum.MinScore is { } floor)
        {
            text.Append(CultureInfo.InvariantCulture, $", lowest score {floor}");
        }

        text.Append(CultureInfo.InvariantCulture, $", total {optimum.Total}{Change(optimum.Total - best.Total, string.Empty)}");
        return optimum.Status == MatchStatus.Optimal ? text.ToString() : text.Append(" (not proven best)").ToString();
    }

    /// <summary>The relaxed field's new value, as policy.json writes it.</summary>
    private static string ChangedValue(WhatIfOutcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            PolicyJson.WriteField(writer, outcome.Policy, outcome.Field);
            writer.WriteEndObject();
        }

        var json = Encoding.UTF8.GetString(buffer.ToArray());
        return json[(json.IndexOf(':', StringComparison.Ordinal) + 1)..^1];
    }
}
