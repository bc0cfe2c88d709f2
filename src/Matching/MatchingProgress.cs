namespace Mentoring.Matching;

/// <summary>Where a long solve has got to, reported after each pricing round.</summary>
/// <param name="Round">Pricing rounds done in the current solve.</param>
/// <param name="Candidates">Candidate pairs the solve works on.</param>
/// <param name="Violations">Excluded pairs found that could still improve the assignment; 0 means proven.</param>
public readonly record struct MatchingProgress(int Round, long Candidates, int Violations);
