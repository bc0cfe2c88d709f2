using System.Text.Json;
using Mentoring.Matching.Api.Runs;

namespace Mentoring.Matching.Api.Web.Runs;

/// <summary>
/// Words for a changed problem's optimum (an alternative or a what-if) beside the run's own, e.g.
/// "10 matched, total 82: 2 less in total". The CLI words its table the same way; its formatter is private to it.
/// </summary>
internal static class FiguresText
{
    /// <summary>
    /// The changed optimum's figures, then how it differs from the run's: matched, kept (a re-match), total. The lowest
    /// score is left out: only the fairness objective weighs it, and the review shows it for the run itself.
    /// </summary>
    public static string Versus(IRunFigures changed, RunResult run)
    {
        if (changed.Status == "Infeasible")
        {
            return "no pairing possible";
        }

        var rematch = changed.Kept != 0 || run.Kept != 0;
        var figures = new List<string> { $"{changed.Matched} matched" };
        if (rematch)
        {
            figures.Add($"{changed.Kept} kept");
        }

        figures.Add($"total {changed.Total}");

        var differences = new List<string>();
        AddDifference(differences, changed.Matched - run.Matched, "more matched", "fewer matched");
        if (rematch)
        {
            AddDifference(differences, changed.Kept - run.Kept, "more kept", "fewer kept");
        }

        AddDifference(differences, changed.Total - run.Total, "more in total", "less in total");
        var text = string.Join(", ", figures) + ": " + (differences.Count == 0 ? "the same as this run" : string.Join(", ", differences));
        return changed.Status == "Optimal" ? text : text + " (not proven best)";
    }

    /// <summary>A what-if's change as field and value, e.g. "minSharedSlots 0".</summary>
    public static string Change(JsonElement change) =>
        string.Join(", ", change.EnumerateObject().Select(field => $"{field.Name} {field.Value.GetRawText()}"));

    private static void AddDifference(List<string> differences, long delta, string more, string less)
    {
        if (delta != 0)
        {
            differences.Add($"{Math.Abs(delta)} {(delta > 0 ? more : less)}");
        }
    }
}
