namespace Mentoring.Matching;

/// <summary>One one-step relaxation of the policy and the exact optimum of the problem with only that change.</summary>
/// <param name="Field">The policy field that changed, as the contract spells it (<c>minSharedSlots</c>).</param>
/// <param name="Policy">The whole relaxed policy; its <paramref name="Field"/> holds the new value.</param>
/// <param name="Optimum">The relaxed problem's optimum.</param>
public sealed record WhatIfOutcome(string Field, MatchingPolicy Policy, AssignmentFigures Optimum);
