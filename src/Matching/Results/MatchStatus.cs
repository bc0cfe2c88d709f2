namespace Mentoring.Matching;

/// <summary>What the engine can say about the assignment it returns.</summary>
public enum MatchStatus
{
    /// <summary>Proven best for the whole pool, in the contract's order of objectives.</summary>
    Optimal,

    /// <summary>A valid assignment, stopped early (time limit); <see cref="MatchingResult.Bound"/> says how far from optimal it can be.</summary>
    Feasible,

    /// <summary>No assignment can hold every pinned pair; <see cref="MatchingResult.InfeasibleReason"/> says which and why.</summary>
    Infeasible,
}
