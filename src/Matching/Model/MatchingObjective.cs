namespace Mentoring.Matching;

/// <summary>What "best" means once the most mentees are matched.</summary>
public enum MatchingObjective
{
    /// <summary>The highest total score.</summary>
    Total,

    /// <summary>The highest lowest score among pairs that were not pinned, then the highest total.</summary>
    Fairness,
}
