namespace Mentoring.Matching;

/// <summary>
/// How good the optimum can be at most, when the engine stopped before proving optimality
/// (from the dual prices of the last restricted solve).
/// </summary>
/// <param name="Matched">No assignment matches more mentees than this.</param>
/// <param name="Total">With <see cref="Matched"/> mentees matched, no total score exceeds this.</param>
public sealed record ObjectiveBound(int Matched, long Total);
