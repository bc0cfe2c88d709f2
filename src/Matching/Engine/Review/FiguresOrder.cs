namespace Mentoring.Matching.Engine;

/// <summary>The contract's order over optima: most matched, most kept, highest lowest score (fairness only), highest total.</summary>
internal sealed class FiguresOrder(MatchingObjective objective) : IComparer<AssignmentFigures>
{
    /// <summary>Negative when <paramref name="x"/> is better.</summary>
    public int Compare(AssignmentFigures? x, AssignmentFigures? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byMatched = y.Matched.CompareTo(x.Matched);
        if (byMatched != 0)
        {
            return byMatched;
        }

        var byKept = y.Kept.CompareTo(x.Kept);
        if (byKept != 0)
        {
            return byKept;
        }

        if (objective == MatchingObjective.Fairness)
        {
            // No unpinned pair at all puts no floor on anyone: the best floor there is.
            var byFloor = (y.MinScore ?? int.MaxValue).CompareTo(x.MinScore ?? int.MaxValue);
            if (byFloor != 0)
            {
                return byFloor;
            }
        }

        return y.Total.CompareTo(x.Total);
    }
}
