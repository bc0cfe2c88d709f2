namespace Mentoring.Matching.Engine;

/// <summary>
/// v2 what-if: every one-step relaxation the contract lists that applies to the policy, in the
/// contract's order (list entries in policy order), each solved exactly on its own.
/// </summary>
internal static class WhatIfRelaxations
{
    public static IReadOnlyList<WhatIfOutcome> Solve(MatchingProblem problem, MatchingOptions options, CancellationToken cancellationToken)
    {
        var relaxations = Relax(problem.Policy).ToArray();
        var outcomes = new WhatIfOutcome[relaxations.Length];
        Parallel.For(0, relaxations.Length, new ParallelOptions { CancellationToken = cancellationToken }, r =>
        {
            var (field, policy) = relaxations[r];
            outcomes[r] = new WhatIfOutcome(field, policy, Matcher.Figures(problem.WithPolicy(policy), options, cancellationToken));
        });
        return outcomes;
    }

    /// <summary>The relaxed policies, each with the one field it changes.</summary>
    public static IEnumerable<(string Field, MatchingPolicy Policy)> Relax(MatchingPolicy policy)
    {
        if (policy.MinDifferences >= 1)
        {
            yield return ("minDifferences", policy with { MinDifferences = policy.MinDifferences - 1 });
        }

        foreach (var dimension in policy.RequireDifferent)
        {
            yield return ("requireDifferent", policy with { RequireDifferent = [.. policy.RequireDifferent.Where(d => d != dimension)] });
        }

        foreach (var column in policy.RequireSame)
        {
            yield return ("requireSame", policy with { RequireSame = [.. policy.RequireSame.Where(c => c != column)] });
        }

        if (policy.MinSharedSlots >= 1)
        {
            yield return ("minSharedSlots", policy with { MinSharedSlots = policy.MinSharedSlots - 1 });
        }

        if (policy.MinGradeGap >= 1)
        {
            yield return ("minGradeGap", policy with { MinGradeGap = policy.MinGradeGap - 1 });
        }

        if (policy.LineManagement != LineManagementRule.Off)
        {
            yield return ("lineManagement", policy with { LineManagement = policy.LineManagement == LineManagementRule.Chain ? LineManagementRule.Direct : LineManagementRule.Off });
        }

        if (policy.ForbidSameDepartment)
        {
            yield return ("forbidSameDepartment", policy with { ForbidSameDepartment = false });
        }

        foreach (var (dimension, minimum) in policy.MinCoverage)
        {
            if (minimum >= 1)
            {
                yield return ("minCoverage", policy with { MinCoverage = policy.MinCoverage.ToDictionary(c => c.Key, c => c.Key == dimension ? c.Value - 1 : c.Value) });
            }
        }

        if (policy.MaxPairsPerMentorDepartment is { } most)
        {
            yield return ("maxPairsPerMentorDepartment", policy with { MaxPairsPerMentorDepartment = most + 1 });
        }
    }
}
