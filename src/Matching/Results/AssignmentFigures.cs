namespace Mentoring.Matching;

/// <summary>
/// The figures of an assignment that the contract's order compares, in that order: mentees
/// matched, current pairs kept, the lowest unpinned score (fairness only) and the total score.
/// Alternatives and what-if answers carry these for the optimum of their changed problem.
/// </summary>
/// <param name="Status">How exactly the changed problem was solved: its optimum, a stopped solve's best, or infeasible.</param>
/// <param name="Matched">Mentees matched.</param>
/// <param name="Kept">Current pairs kept (0 without <see cref="MatchingPolicy.CurrentPairs"/>).</param>
/// <param name="MinScore">
/// The lowest score among the unpinned pairs; null when there are none, and in alternatives and what-if
/// answers null unless the objective is fairness (under "total" equally good assignments may differ in it).
/// </param>
/// <param name="Total">The sum of the pair scores.</param>
public sealed record AssignmentFigures(MatchStatus Status, int Matched, int Kept, int? MinScore, long Total);
