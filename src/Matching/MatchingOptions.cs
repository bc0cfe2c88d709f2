namespace Mentoring.Matching;

/// <summary>How a solve runs (not what it decides: that is the <see cref="MatchingPolicy"/>).</summary>
public sealed record MatchingOptions
{
    /// <summary>The defaults: no time limit, the system clock, no progress reports.</summary>
    public static MatchingOptions Default { get; } = new();

    /// <summary>
    /// Stop proving optimality after this long and return the best assignment found as
    /// <see cref="MatchStatus.Feasible"/> with a bound. Checked between pricing rounds, so a solve can
    /// overrun it by one round. Zero or more (zero: stop after the first round); default null: run
    /// until proven optimal.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The clock for timing and the time limit. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The exact solver for each pricing round. Default <see cref="FlowSolver.IncrementalShortestPaths"/>.</summary>
    public FlowSolver Solver { get; init; } = FlowSolver.IncrementalShortestPaths;

    /// <summary>Receives a report after each pricing round. Default null.</summary>
    public IProgress<MatchingProgress>? Progress { get; init; }

    /// <summary>The most alternatives a result may carry per mentee, as the contract allows.</summary>
    public const int MaxAlternatives = 10;

    /// <summary>
    /// For each matched mentee that is not pinned, up to this many other mentors, each with the exact
    /// optimum of the problem with that pair pinned (contract v2, "alternatives"). From 0 to
    /// <see cref="MaxAlternatives"/>. Default 0: none.
    /// </summary>
    public int Alternatives { get; init; }

    /// <summary>
    /// Solve every one-step relaxation of the policy that the contract lists and report each optimum
    /// (contract v2, "what if"). Default false.
    /// </summary>
    public bool WhatIf { get; init; }
}
