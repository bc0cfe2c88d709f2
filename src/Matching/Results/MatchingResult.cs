namespace Mentoring.Matching;

/// <summary>What a match run decided and what it can prove about it.</summary>
public sealed record MatchingResult
{
    /// <summary>Optimal, Feasible (stopped early, see <see cref="Bound"/>) or Infeasible (see <see cref="InfeasibleReason"/>).</summary>
    public required MatchStatus Status { get; init; }

    /// <summary>Why no assignment exists, naming the pinned pair and rule; null unless <see cref="MatchStatus.Infeasible"/>.</summary>
    public string? InfeasibleReason { get; init; }

    /// <summary>The best the optimum could be; null unless <see cref="MatchStatus.Feasible"/>.</summary>
    public ObjectiveBound? Bound { get; init; }

    /// <summary>The pairs, ordered by mentee id (ordinal).</summary>
    public required IReadOnlyList<MatchedPair> Pairs { get; init; }

    /// <summary>Mentees left without a mentor, ordered by mentee id (ordinal).</summary>
    public required IReadOnlyList<UnmatchedMentee> Unmatched { get; init; }

    /// <summary>The policy the run used.</summary>
    public required MatchingPolicy Policy { get; init; }

    /// <summary>The run's reproducible record.</summary>
    public required RunFacts Facts { get; init; }

    /// <summary>v2: the current pairs the assignment keeps (0 without <see cref="MatchingPolicy.CurrentPairs"/>).</summary>
    public int Kept { get; init; }

    /// <summary>v2: each current pair not kept, with why, in policy order.</summary>
    public IReadOnlyList<CurrentPairNotKept> CurrentPairsNotKept { get; init; } = [];

    /// <summary>v2: every one-step relaxation with its optimum, when <see cref="MatchingOptions.WhatIf"/> asked; else null.</summary>
    public IReadOnlyList<WhatIfOutcome>? WhatIf { get; init; }

    /// <summary>The figures the contract's order compares.</summary>
    public AssignmentFigures Figures => new(Status, Matched, Kept, MinScore, Total);

    /// <summary>Mentees matched.</summary>
    public int Matched => Pairs.Count;

    /// <summary>The sum of the pair scores.</summary>
    public long Total => Pairs.Sum(p => (long)p.Score);

    /// <summary>The lowest score among pairs that were not pinned, or null when there are none.</summary>
    public int? MinScore => Pairs.Where(p => !p.Pinned).Select(p => (int?)p.Score).Min();
}
