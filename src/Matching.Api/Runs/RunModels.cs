using System.Text.Json;

namespace Mentoring.Matching.Api.Runs;

/// <summary>What a run is asked for besides the optimum; both are off by default (they cost a solve per answer).</summary>
/// <param name="Alternatives">For each matched, unpinned mentee, the up to this many (at most 10) best other mentors, each with the exact optimum of the cohort with that pair pinned.</param>
/// <param name="WhatIf">Every one-step relaxation of the policy the contract lists, each with its exact optimum.</param>
internal sealed record RunRequest(int? Alternatives, bool? WhatIf);

/// <summary>A stored match run: its result and whether it still matches the cohort.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="CohortId">The cohort it matched.</param>
/// <param name="CreatedAt">When it ran.</param>
/// <param name="ElapsedMs">Wall time of the solve in milliseconds (the only figure that differs between identical runs).</param>
/// <param name="Stale">True when the cohort's people or policy changed since: it can no longer be published.</param>
/// <param name="Published">True when its pairs became the cohort's pairings.</param>
/// <param name="Result">What the engine decided, with its reproducible record (input hash, policy, engine version).</param>
/// <param name="Changes">A re-match (a run of a published cohort): the live pairs it keeps, the ones it moves, and the new pairs.</param>
internal sealed record RunView(long Id, long CohortId, DateTimeOffset CreatedAt, long ElapsedMs, bool Stale, bool Published, RunResult Result, RunChanges? Changes);

/// <summary>What publishing a re-match run would change.</summary>
/// <param name="Kept">Live pairs it keeps: they keep their id, credential and sessions.</param>
/// <param name="Moved">Live pairs it does not keep, each with why; publishing ends them.</param>
/// <param name="New">Pairs it makes; publishing gives each a credential and link.</param>
internal sealed record RunChanges(IReadOnlyList<RunPair> Kept, IReadOnlyList<RunCurrentPairNotKept> Moved, IReadOnlyList<RunPair> New);

/// <summary>A run in a list.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="CreatedAt">When it ran.</param>
/// <param name="Status"><c>Optimal</c>, <c>Feasible</c> or <c>Infeasible</c>.</param>
/// <param name="Matched">Mentees matched.</param>
/// <param name="Total">Sum of pair scores.</param>
/// <param name="InputHash">SHA-256 of the normalised people and policy it ran on.</param>
/// <param name="EngineVersion">The engine's version.</param>
/// <param name="Stale">True when the cohort changed since.</param>
/// <param name="Published">True when its pairs were published.</param>
internal sealed record RunSummary(long Id, DateTimeOffset CreatedAt, string Status, int Matched, long Total, string InputHash, string EngineVersion, bool Stale, bool Published);

/// <summary>The engine's result, in the shape the library writes it.</summary>
/// <param name="Status"><c>Optimal</c> (proven best), <c>Feasible</c> (time limit; see bound) or <c>Infeasible</c> (pins cannot hold; see infeasibleReason).</param>
/// <param name="InfeasibleReason">Which pinned pair breaks which rule.</param>
/// <param name="Bound">How good the optimum can be at most, when stopped early.</param>
/// <param name="Matched">Mentees matched.</param>
/// <param name="Total">Sum of pair scores.</param>
/// <param name="MinScore">Lowest score among unpinned pairs.</param>
/// <param name="Pairs">The pairs with their explanations, by mentee id.</param>
/// <param name="Unmatched">Mentees left without a mentor, with the reason.</param>
/// <param name="Run">The reproducible record.</param>
/// <param name="Kept">Current pairs kept (the live pairs, in a re-match).</param>
/// <param name="CurrentPairsNotKept">Current pairs the run does not keep, each with why; null when there were none to keep.</param>
/// <param name="WhatIf">Asked for: each one-step relaxation with its exact optimum, in the contract's order.</param>
internal sealed record RunResult(
    string Status,
    string? InfeasibleReason,
    RunBound? Bound,
    int Matched,
    long Total,
    int? MinScore,
    IReadOnlyList<RunPair> Pairs,
    IReadOnlyList<RunUnmatched> Unmatched,
    RunRecord Run,
    int Kept = 0,
    IReadOnlyList<RunCurrentPairNotKept>? CurrentPairsNotKept = null,
    IReadOnlyList<RunWhatIf>? WhatIf = null)
{
    /// <summary>The changes a re-match makes; null for a run that had no current pairs.</summary>
    public RunChanges? Changes() =>
        Run.Policy.TryGetProperty("currentPairs", out var current) && current.GetArrayLength() > 0
            ? new RunChanges(Pairs.Where(p => p.Kept).ToArray(), CurrentPairsNotKept ?? [], Pairs.Where(p => !p.Kept).ToArray())
            : null;
}

/// <summary>The optimum of a changed problem (an alternative or a relaxation), in the contract's figures, to show beside the run's own.</summary>
internal interface IRunFigures
{
    /// <summary>How exact: <c>Optimal</c>, <c>Feasible</c> or <c>Infeasible</c>.</summary>
    string Status { get; }

    /// <summary>Mentees matched.</summary>
    int Matched { get; }

    /// <summary>Current pairs kept.</summary>
    int Kept { get; }

    /// <summary>Lowest unpinned score (fairness only).</summary>
    int? MinScore { get; }

    /// <summary>Sum of pair scores.</summary>
    long Total { get; }
}

/// <summary>Another mentor for a mentee, with what the cohort's optimum becomes when that pair is pinned.</summary>
/// <param name="MentorId">The other mentor.</param>
/// <param name="Status">How exact that optimum is.</param>
/// <param name="Matched">Mentees matched with the pair pinned.</param>
/// <param name="Kept">Current pairs kept with the pair pinned.</param>
/// <param name="MinScore">Lowest unpinned score (fairness only).</param>
/// <param name="Total">Sum of pair scores with the pair pinned.</param>
internal sealed record RunAlternative(string MentorId, string Status, int Matched, int Kept, int? MinScore, long Total) : IRunFigures;

/// <summary>A one-step relaxation of the policy and its exact optimum.</summary>
/// <param name="Change">The one policy field changed, with its new value, e.g. <c>{ "minSharedSlots": 0 }</c>.</param>
/// <param name="Status">How exact that optimum is.</param>
/// <param name="Matched">Mentees matched.</param>
/// <param name="Kept">Current pairs kept.</param>
/// <param name="MinScore">Lowest unpinned score (fairness only).</param>
/// <param name="Total">Sum of pair scores.</param>
internal sealed record RunWhatIf(JsonElement Change, string Status, int Matched, int Kept, int? MinScore, long Total) : IRunFigures;

/// <summary>A current pair the run does not keep.</summary>
/// <param name="MenteeId">Its mentee.</param>
/// <param name="MentorId">Its mentor.</param>
/// <param name="Outcome">
/// Why, as a code (the engine's <c>CurrentPairOutcome</c>, camelCased): <c>noLongerTakingPart</c>, <c>breaksPairRule</c>,
/// <c>gaveWayForMoreMatched</c>, <c>gaveWayForCohortRule</c>, <c>menteePinnedElsewhere</c>, <c>notInStoppedSolve</c>,
/// <c>gaveWayToOtherCurrentPairs</c>, <c>gaveWayForBetterScore</c>, <c>gaveWayInTie</c>, <c>gaveWayNotExamined</c>.
/// </param>
/// <param name="Rule">The pair rule it breaks now, if that is why.</param>
/// <param name="Reason">Why, in a sentence.</param>
internal sealed record RunCurrentPairNotKept(string MenteeId, string MentorId, string Outcome, string? Rule, string Reason);

/// <summary>The best the optimum could be.</summary>
/// <param name="Matched">No assignment matches more.</param>
/// <param name="Total">No total with that many matched exceeds this.</param>
internal sealed record RunBound(int Matched, long Total);

/// <summary>A pair and why it scores what it does.</summary>
/// <param name="MenteeId">The mentee.</param>
/// <param name="MentorId">The mentor.</param>
/// <param name="Score">dimensionScore + slotScore.</param>
/// <param name="Pinned">True when the policy pinned it.</param>
/// <param name="Differences">Dimensions the two differ on, with their weights.</param>
/// <param name="SharedSlots">Availability slots they share.</param>
/// <param name="DimensionScore">Sum of the weights of the differences.</param>
/// <param name="SlotScore">sharedSlotWeight × shared slots.</param>
/// <param name="Kept">True when it is a current pair the run keeps.</param>
/// <param name="Alternatives">Asked for: the best other mentors for this mentee, each with the cohort's optimum when pinned.</param>
internal sealed record RunPair(
    string MenteeId,
    string MentorId,
    int Score,
    bool Pinned,
    IReadOnlyList<RunDifference> Differences,
    IReadOnlyList<string> SharedSlots,
    int DimensionScore,
    int SlotScore,
    bool Kept = false,
    IReadOnlyList<RunAlternative>? Alternatives = null);

/// <summary>A dimension a pair differs on.</summary>
/// <param name="Dimension">The attribute column.</param>
/// <param name="Weight">Its weight.</param>
internal sealed record RunDifference(string Dimension, int Weight);

/// <summary>A mentee without a mentor, and why.</summary>
/// <param name="MenteeId">The mentee.</param>
/// <param name="Reason"><c>noFeasibleMentor</c> or <c>mentorsNeededByOthers</c>.</param>
/// <param name="Rule">For noFeasibleMentor: the rule that removed the last candidates.</param>
/// <param name="FeasibleMentors">How many mentors pass every rule with them.</param>
/// <param name="Explanation">The reason in a sentence.</param>
internal sealed record RunUnmatched(string MenteeId, string Reason, string? Rule, int FeasibleMentors, string Explanation);

/// <summary>What went in and what did the work: enough to reproduce the run.</summary>
/// <param name="People">Rows in the roster.</param>
/// <param name="Mentees">Mentees.</param>
/// <param name="Mentors">Mentors.</param>
/// <param name="CandidatePairs">Pairs handed to the flow solver.</param>
/// <param name="PricingRounds">Pricing rounds.</param>
/// <param name="Solves">Flow problems solved.</param>
/// <param name="InputHash">SHA-256 of the normalised people and policy.</param>
/// <param name="EngineVersion">The engine's version.</param>
/// <param name="Solver">The flow solver.</param>
/// <param name="Policy">The policy used, in the contract's form.</param>
internal sealed record RunRecord(int People, int Mentees, int Mentors, long CandidatePairs, int PricingRounds, int Solves, string InputHash, string EngineVersion, string Solver, JsonElement Policy);
