namespace Mentoring.Matching.Engine;

/// <summary>The pinned pairs, checked against every rule and against mentor capacity, and what they leave for the rest.</summary>
internal sealed class PinnedAssignment
{
    private readonly HashSet<int> _pinnedMentees;

    private PinnedAssignment(List<(int Mentee, int Mentor)> pairs, int[] remainingCapacity, string? conflict)
    {
        Pairs = pairs;
        RemainingCapacity = remainingCapacity;
        Conflict = conflict;
        _pinnedMentees = pairs.Select(p => p.Mentee).ToHashSet();
    }

    public IReadOnlyList<(int Mentee, int Mentor)> Pairs { get; }

    /// <summary>Each mentor's capacity after the pins.</summary>
    public int[] RemainingCapacity { get; }

    /// <summary>Why the pins cannot all hold, naming the pin and the rule; null when they can.</summary>
    public string? Conflict { get; }

    public bool IsPinned(int mentee) => _pinnedMentees.Contains(mentee);

    public static PinnedAssignment Resolve(CompiledProblem problem, MatchingPolicy policy)
    {
        var remaining = (int[])problem.MentorCapacity.Clone();
        var pairs = new List<(int, int)>();
        for (var i = 0; i < policy.PinnedPairs.Count; i++)
        {
            var pin = policy.PinnedPairs[i];
            var mentee = problem.MenteeIndexById[pin.MenteeId];
            var mentor = problem.MentorIndexById[pin.MentorId];
            var name = $"pinnedPairs[{i}] ({pin.MenteeId}, {pin.MentorId})";
            if (problem.FirstBrokenRule(mentee, mentor, problem.MentorCapacity) is { } rule)
            {
                var detail = rule switch
                {
                    PairRule.Capacity => $": {pin.MentorId} has capacity 0",
                    PairRule.ForbiddenPairs when problem.ForbiddenReason(mentee, mentor) is { } reason => $": {reason}",
                    _ => string.Empty,
                };
                return Fail($"{name} breaks {PairRuleText.Describe(rule, policy)}{detail}");
            }

            if (--remaining[mentor] < 0)
            {
                return Fail($"{name} overfills mentor {pin.MentorId}: pinned to more mentees than their capacity of {problem.MentorCapacity[mentor]}");
            }

            pairs.Add((mentee, mentor));
        }

        return new PinnedAssignment(pairs, remaining, null);

        PinnedAssignment Fail(string reason) => new([], remaining, reason);
    }
}
