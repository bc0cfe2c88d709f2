namespace Mentoring.Matching.Engine;

/// <summary>
/// The v2 <c>currentPairs</c> in the solver's indexes: which are feasible now (and so earn the kept
/// level of the profit), and why each one not kept was not.
/// </summary>
internal sealed class CurrentPairs
{
    private readonly CompiledProblem _problem;
    private readonly MatchingPolicy _policy;
    private readonly PinnedAssignment _pins;
    private readonly Dictionary<int, int> _currentOf;

    private CurrentPairs(CompiledProblem problem, MatchingPolicy policy, PinnedAssignment pins, Dictionary<int, int> currentOf, int[] feasibleMentor)
    {
        _problem = problem;
        _policy = policy;
        _pins = pins;
        _currentOf = currentOf;
        FeasibleMentor = feasibleMentor;
    }

    /// <summary>Each mentee's current mentor when the pair can be kept now (feasible, mentee not pinned), else -1; empty without current pairs.</summary>
    public int[] FeasibleMentor { get; }

    public static CurrentPairs Resolve(CompiledProblem problem, MatchingPolicy policy, PinnedAssignment pins)
    {
        var currentOf = new Dictionary<int, int>();
        foreach (var pair in policy.CurrentPairs)
        {
            if (problem.MenteeIndexById.TryGetValue(pair.MenteeId, out var mentee) && problem.MentorIndexById.TryGetValue(pair.MentorId, out var mentor))
            {
                currentOf.TryAdd(mentee, mentor);
            }
        }

        int[] feasible = [];
        if (currentOf.Count > 0)
        {
            feasible = new int[problem.MenteeCount];
            Array.Fill(feasible, -1);
            foreach (var (mentee, mentor) in currentOf)
            {
                if (!pins.IsPinned(mentee) && problem.FirstBrokenRule(mentee, mentor, pins.RemainingCapacity) is null)
                {
                    feasible[mentee] = mentor;
                }
            }
        }

        return new CurrentPairs(problem, policy, pins, currentOf, feasible);
    }

    /// <summary>True when the mentee's current pair is with this mentor.</summary>
    public bool IsCurrent(int mentee, int mentor) => _currentOf.TryGetValue(mentee, out var current) && current == mentor;

    /// <summary>
    /// Each current pair the assignment does not keep, in policy order, with why. A feasible pair that
    /// gave way in a proven optimum is explained by <paramref name="gaveWay"/> (the first
    /// <see cref="GaveWayReasons.MaxExamined"/> of them exactly in a cohort-sized problem, each a solve of its own, in parallel).
    /// </summary>
    public IReadOnlyList<CurrentPairNotKept> NotKept(int[] mentorOf, MatchStatus status, GaveWayReasons gaveWay, CancellationToken cancellationToken)
    {
        var notKept = new List<CurrentPairNotKept?>();
        var gaveWayAt = new List<(int At, PersonPair Pair, int Mentee, int Mentor)>();
        foreach (var pair in _policy.CurrentPairs)
        {
            var takesPart = _problem.MenteeIndexById.TryGetValue(pair.MenteeId, out var mentee);
            takesPart &= _problem.MentorIndexById.TryGetValue(pair.MentorId, out var mentor);
            if (takesPart && mentorOf[mentee] == mentor)
            {
                continue;
            }

            var known = takesPart
                ? WhyNotKept(pair, mentee, mentor, mentorOf, status)
                : new CurrentPairNotKept(pair.MenteeId, pair.MentorId, CurrentPairOutcome.NoLongerTakingPart, null, NotTakingPart(pair));
            if (known is null)
            {
                gaveWayAt.Add((notKept.Count, pair, mentee, mentor));
            }

            // A pair that gave way holds its place in policy order until its check below fills it.
            notKept.Add(known);
        }

        Parallel.For(0, gaveWayAt.Count, new ParallelOptions { CancellationToken = cancellationToken }, g =>
        {
            var (at, pair, mentee, mentor) = gaveWayAt[g];
            var (outcome, reason) = gaveWay.Explain(pair, mentee, mentor, g, cancellationToken);
            notKept[at] = new CurrentPairNotKept(pair.MenteeId, pair.MentorId, outcome, null, reason);
        });
        return [.. notKept.Select(n => n!)];
    }

    /// <summary>Why a pair of people who both take part is not kept; null when it is feasible and gave way in a proven optimum.</summary>
    private CurrentPairNotKept? WhyNotKept(PersonPair pair, int mentee, int mentor, int[] mentorOf, MatchStatus status)
    {
        CurrentPairNotKept Because(CurrentPairOutcome outcome, string reason, PairRule? rule = null) => new(pair.MenteeId, pair.MentorId, outcome, rule, reason);

        if (_pins.IsPinned(mentee))
        {
            var pinnedTo = _problem.Roster.People[_problem.MentorPeople[mentorOf[mentee]]].Id;
            return Because(CurrentPairOutcome.MenteePinnedElsewhere, $"the mentee is pinned to {pinnedTo}");
        }

        if (_problem.FirstBrokenRule(mentee, mentor, _problem.MentorCapacity) is { } rule)
        {
            var reason = rule == PairRule.ForbiddenPairs && _problem.ForbiddenReason(mentee, mentor) is { } forbidden
                ? $"it breaks {PairRuleText.Describe(rule, _policy)}: {forbidden}"
                : $"it breaks {PairRuleText.Describe(rule, _policy)}";
            return Because(CurrentPairOutcome.BreaksPairRule, reason, rule);
        }

        if (_pins.RemainingCapacity[mentor] <= 0)
        {
            return Because(CurrentPairOutcome.BreaksPairRule, "it breaks capacity: the mentor's places all go to pinned pairs", PairRule.Capacity);
        }

        return status != MatchStatus.Optimal
            ? Because(CurrentPairOutcome.NotInStoppedSolve, "the solve stopped before proving its assignment best, and the best it found moves this pair")
            : null;
    }

    private string NotTakingPart(PersonPair pair)
    {
        var who = _problem.MenteeIndexById.ContainsKey(pair.MenteeId) ? $"mentor {pair.MentorId}" : $"mentee {pair.MenteeId}";
        return $"{who} no longer takes part";
    }
}
