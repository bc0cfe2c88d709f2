namespace Mentoring.Matching;

/// <summary>The reproducible record of a run: what went in, what did the work, and how much.</summary>
/// <param name="People">Rows in the roster, participants or not.</param>
/// <param name="Mentees">Mentees in the roster.</param>
/// <param name="Mentors">Mentors in the roster.</param>
/// <param name="CandidatePairs">Pairs handed to the flow solver, summed over searches (never all pairs at scale).</param>
/// <param name="PricingRounds">Flow solves, each followed by pricing the excluded pairs against its dual prices, across all searches.</param>
/// <param name="Solves">Exact searches: one, or more when the fairness objective bisects its floor.</param>
/// <param name="InputHash">SHA-256 of the normalized roster and policy: equal inputs, equal hash.</param>
/// <param name="EngineVersion">The engine's version.</param>
/// <param name="Solver">The flow solver that did the work.</param>
/// <param name="Elapsed">Wall time of the solve. The only figure that differs between identical runs.</param>
public sealed record RunFacts(
    int People,
    int Mentees,
    int Mentors,
    long CandidatePairs,
    int PricingRounds,
    int Solves,
    string InputHash,
    string EngineVersion,
    string Solver,
    TimeSpan Elapsed);
