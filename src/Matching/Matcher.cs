using System.Reflection;
using Mentoring.Matching.Engine;

namespace Mentoring.Matching;

/// <summary>
/// The engine's entry point: pairs mentees with mentors as the contract asks (most mentees matched;
/// then, with the fairness objective, the highest lowest score among unpinned pairs; then the
/// highest total) and proves the answer optimal, or says exactly what it is.
/// </summary>
public static class Matcher
{
    /// <summary>The engine's version, as recorded in every run.</summary>
    public static string EngineVersion { get; } =
        typeof(Matcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(Matcher).Assembly.GetName().Version?.ToString()
        ?? "0";

    /// <summary>Solves a problem. The same problem always gives the same pairs, in the same order.</summary>
    /// <param name="problem">A checked roster and policy.</param>
    /// <param name="options">Time limit, clock and progress; <see cref="MatchingOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the solve between and within pricing rounds.</param>
    /// <returns>
    /// <see cref="MatchStatus.Optimal"/> with the pairs; <see cref="MatchStatus.Feasible"/> with a bound when the
    /// time limit stopped the proof; or <see cref="MatchStatus.Infeasible"/> when the pinned pairs cannot all hold.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> or <see cref="MatchingOptions.TimeProvider"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An option is outside what it allows: <see cref="MatchingOptions.Alternatives"/> below 0 or above
    /// <see cref="MatchingOptions.MaxAlternatives"/>, a negative <see cref="MatchingOptions.TimeLimit"/>, or a
    /// <see cref="MatchingOptions.Solver"/> that is not one of <see cref="FlowSolver"/>'s. The exception's
    /// parameter name names the option.
    /// </exception>
    public static MatchingResult Solve(MatchingProblem problem, MatchingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= MatchingOptions.Default;
        Check(options);
        var result = SolveOnce(problem, options, cancellationToken);
        if (options.Alternatives > 0 && result.Status != MatchStatus.Infeasible && result.Pairs.Any(p => !p.Pinned && p.Alternatives is null))
        {
            result = result with { Pairs = AlternativeMentors.Add(problem, result, options, cancellationToken) };
        }

        if (options.WhatIf)
        {
            result = result with { WhatIf = WhatIfRelaxations.Solve(problem, options, cancellationToken) };
        }

        return result;
    }

    /// <summary>Refuses options no solve can honour before any work starts, naming the option at fault.</summary>
    private static void Check(MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Alternatives);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Alternatives, MatchingOptions.MaxAlternatives);
        if (options.TimeLimit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero, $"{nameof(options)}.{nameof(MatchingOptions.TimeLimit)}");
        }

        if (!Enum.IsDefined(options.Solver))
        {
            throw new ArgumentOutOfRangeException($"{nameof(options)}.{nameof(MatchingOptions.Solver)}", options.Solver, "not one of the solvers FlowSolver names");
        }
    }

    /// <summary>The optimum's figures alone, for a changed problem: what alternatives and what-if report.</summary>
    /// <remarks>
    /// The lowest score is given with the fairness objective only: under "total" it is not part of the
    /// optimum, and equally good assignments may differ in it.
    /// </remarks>
    internal static AssignmentFigures Figures(MatchingProblem problem, MatchingOptions options, CancellationToken cancellationToken)
    {
        var figures = SolveOnce(problem, options with { Alternatives = 0, WhatIf = false, Progress = null }, cancellationToken, explain: false).Figures;
        return problem.Policy.Objective == MatchingObjective.Fairness ? figures : figures with { MinScore = null };
    }

    private static MatchingResult SolveOnce(MatchingProblem problem, MatchingOptions options, CancellationToken cancellationToken, bool explain = true)
    {
        var limits = new SearchLimits(options);
        var compiled = problem.Compiled;
        var policy = problem.Policy;
        IAssignmentSolver solver = options.Solver == FlowSolver.OrToolsMinCostFlow ? new OrToolsFlowSolver() : new IncrementalFlowSolver();
        var ledger = new RunLedger(solver.Name);

        var pins = PinnedAssignment.Resolve(compiled, policy);
        if (pins.Conflict is { } conflict)
        {
            return BuildResult(problem, limits, ledger, MatchStatus.Infeasible, [], [], null) with { InfeasibleReason = conflict };
        }

        var open = Enumerable.Range(0, compiled.MenteeCount).Where(k => !pins.IsPinned(k)).ToArray();
        var index = new MentorIndex(compiled, pins.RemainingCapacity, open);
        var current = CurrentPairs.Resolve(compiled, policy, pins);
        var anyMentor = TopCandidates.Find(index, open, 0, 1, null, cancellationToken);
        var activeMentees = Enumerable.Range(0, open.Length).Where(k => anyMentor[k].Length > 0).Select(k => open[k]).ToArray();

        // The pair rules alone, by the flow: the answer without cohort rules, and with them their bound,
        // or their answer too when it already meets them.
        var (assigned, status, bound, search, outcome) = SolveByFlow(compiled, policy, index, solver, limits, ledger, activeMentees, pins, current.FeasibleMentor, cancellationToken);
        (PricingSearch Search, PricingSearch.Outcome Outcome)? flow = (search, outcome);
        if (policy.HasCohortRules && !(status == MatchStatus.Optimal && CohortRuleCheck.Holds(compiled, policy, WithPins(compiled, pins, activeMentees, assigned))))
        {
            var pairRulesOptimum = status == MatchStatus.Optimal ? FiguresOf(compiled, current, WithPins(compiled, pins, activeMentees, assigned)) : null;
            AssignmentFigures WithoutCohortRules() => pairRulesOptimum
                ?? Figures(problem.WithPolicy(policy with { MinCoverage = new Dictionary<string, int>(), MaxPairsPerMentorDepartment = null }), options, cancellationToken);

            flow = null;
            var cohort = new CohortRuleSolver(compiled, policy, limits, options)
                .Solve(activeMentees, index, pins.RemainingCapacity, pins.Pairs, current.FeasibleMentor, current.IsCurrent, WithoutCohortRules, cancellationToken);
            ledger.Record(cohort.Pairs);
            if (cohort.Status == MatchStatus.Infeasible)
            {
                return BuildResult(problem, limits, ledger, MatchStatus.Infeasible, [], [], null) with { InfeasibleReason = cohort.InfeasibleReason };
            }

            (assigned, status, bound) = (cohort.MentorOf, cohort.Status, cohort.Bound);
        }

        var mentorOf = WithPins(compiled, pins, activeMentees, assigned);
        if (status == MatchStatus.Feasible && !policy.HasCohortRules)
        {
            // A stopped search may leave a mentee unmatched beside a free feasible mentor; pairing
            // them only improves the answer, and no mentee is then left out while a mentor waits.
            CompleteGreedily(index, activeMentees, pins.RemainingCapacity, mentorOf, cancellationToken);
            var pinScore = pins.Pairs.Sum(p => (long)compiled.Explain(p.Mentee, p.Mentor).Score);
            bound = bound! with { Matched = bound.Matched + pins.Pairs.Count, Total = bound.Total + pinScore };
        }

        string IdOf(int mentee) => compiled.Roster.People[compiled.MenteePeople[mentee]].Id;
        var pairs = Enumerable.Range(0, compiled.MenteeCount)
            .Where(k => mentorOf[k] >= 0)
            .Select(k => new MatchedPair(IdOf(k), compiled.Roster.People[compiled.MentorPeople[mentorOf[k]]].Id, pins.IsPinned(k), compiled.Explain(k, mentorOf[k]))
            {
                Kept = current.IsCurrent(k, mentorOf[k]),
            })
            .ToList();
        var kept = pairs.Count(p => p.Kept);
        if (options.Alternatives > 0 && flow is { } solved && status == MatchStatus.Optimal && policy.Objective == MatchingObjective.Total && !policy.HasCohortRules)
        {
            var alternatives = new FlowAlternatives(compiled, index, solved.Search, pins, current, activeMentees, solved.Outcome);
            var best = new AssignmentFigures(status, pairs.Count, kept, pairs.Where(p => !p.Pinned).Select(p => (int?)p.Score).Min(), pairs.Sum(p => (long)p.Score));
            var localOf = Enumerable.Range(0, activeMentees.Length).ToDictionary(k => activeMentees[k]);
            var withAlternatives = new MatchedPair[pairs.Count];
            Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken }, p =>
            {
                var pair = pairs[p];
                withAlternatives[p] = pair.Pinned ? pair : pair with
                {
                    Alternatives = alternatives.For(localOf[compiled.MenteeIndexById[pair.MenteeId]], best, options.Alternatives, cancellationToken),
                };
            });
            pairs = [.. withAlternatives];
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.MenteeId, b.MenteeId));
        if (!explain)
        {
            return BuildResult(problem, limits, ledger, status, pairs, [], status == MatchStatus.Feasible ? bound : null) with { Kept = kept };
        }

        var explainer = new UnmatchedExplainer(index, policy, pins.RemainingCapacity, mentorOf, proven: status == MatchStatus.Optimal);
        // Each explanation walks the mentee's feasible mentors: independent, so in parallel (thousands at scale).
        var waiting = Enumerable.Range(0, compiled.MenteeCount).Where(k => mentorOf[k] < 0).ToArray();
        var reasons = new UnmatchedMentee[waiting.Length];
        Parallel.For(0, waiting.Length, new ParallelOptions { CancellationToken = cancellationToken }, w => reasons[w] = explainer.Explain(waiting[w], IdOf(waiting[w])));
        var unmatched = reasons.ToList();
        unmatched.Sort((a, b) => string.CompareOrdinal(a.MenteeId, b.MenteeId));
        var result = BuildResult(problem, limits, ledger, status, pairs, unmatched, status == MatchStatus.Feasible ? bound : null) with { Kept = kept };
        var gaveWay = new GaveWayReasons(problem, options, current, mentorOf, result.Figures);
        return result with { CurrentPairsNotKept = current.NotKept(mentorOf, status, gaveWay, cancellationToken) };
    }

    /// <summary>An assignment's figures (every mentee's mentor, pins included); the lowest score is left out, as only fairness asks for it.</summary>
    private static AssignmentFigures FiguresOf(CompiledProblem compiled, CurrentPairs current, int[] mentorOf)
    {
        var matched = Enumerable.Range(0, mentorOf.Length).Where(k => mentorOf[k] >= 0).ToArray();
        return new AssignmentFigures(
            MatchStatus.Optimal, matched.Length, matched.Count(k => current.IsCurrent(k, mentorOf[k])), null, matched.Sum(k => (long)compiled.Explain(k, mentorOf[k]).Score));
    }

    private static int[] WithPins(CompiledProblem compiled, PinnedAssignment pins, int[] activeMentees, int[] assigned)
    {
        var mentorOf = new int[compiled.MenteeCount];
        Array.Fill(mentorOf, -1);
        foreach (var (mentee, mentor) in pins.Pairs)
        {
            mentorOf[mentee] = mentor;
        }

        for (var k = 0; k < activeMentees.Length; k++)
        {
            mentorOf[activeMentees[k]] = assigned[k];
        }

        return mentorOf;
    }

    /// <summary>The pair rules alone: the flow with its pricing loop and certificate, then the fairness floor.</summary>
    private static (int[] MentorOf, MatchStatus Status, ObjectiveBound? Bound, PricingSearch Search, PricingSearch.Outcome Outcome) SolveByFlow(
        CompiledProblem compiled, MatchingPolicy policy, MentorIndex index, IAssignmentSolver solver, SearchLimits limits, RunLedger ledger,
        int[] activeMentees, PinnedAssignment pins, int[] currentMentor, CancellationToken cancellationToken)
    {
        var search = new PricingSearch(index, solver, limits, currentMentor);
        var best = ledger.Record(search.Solve(activeMentees, pins.RemainingCapacity, 0, cancellationToken));
        var status = best.Proven ? MatchStatus.Optimal : MatchStatus.Feasible;
        var bound = best.Bound;

        if (policy.Objective == MatchingObjective.Fairness && best.Proven && best.Matched > 0)
        {
            (best, var proven) = RaiseFloor(search, ledger, best, activeMentees, pins.RemainingCapacity, compiled.MaxPairScore, cancellationToken);
            if (!proven)
            {
                // No floor can raise the total of a solve without one, so that solve bounds this one.
                status = MatchStatus.Feasible;
                bound = new ObjectiveBound(ledger.First!.Matched, Total(ledger.First!));
            }
        }

        return (best.MentorOf, status, bound, search, best);
    }

    private static void CompleteGreedily(MentorIndex index, int[] mentees, int[] capacity, int[] mentorOf, CancellationToken cancellationToken)
    {
        // The capacity left after pins, less what the searched mentees hold.
        var room = (int[])capacity.Clone();
        foreach (var mentee in mentees.Where(k => mentorOf[k] >= 0))
        {
            room[mentorOf[mentee]]--;
        }

        foreach (var mentee in mentees.Where(k => mentorOf[k] < 0))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cursor = index.Cursor(mentee);
            while (cursor.MoveNext(-1))
            {
                if (room[cursor.Mentor] > 0)
                {
                    room[cursor.Mentor]--;
                    mentorOf[mentee] = cursor.Mentor;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The fairness objective: the highest floor at which as many mentees can still be matched (and as
    /// many current pairs kept), found by bisection over the possible scores, each step an exact solve.
    /// </summary>
    private static (PricingSearch.Outcome Best, bool Proven) RaiseFloor(
        PricingSearch search, RunLedger ledger, PricingSearch.Outcome unfloored, int[] mentees, int[] capacity, int maxScore, CancellationToken cancellationToken)
    {
        var target = (unfloored.Matched, unfloored.Kept);
        var best = unfloored;
        var low = Enumerable.Range(0, mentees.Length).Where(k => unfloored.MentorOf[k] >= 0).Min(k => unfloored.ScoreOf[k]);
        var high = maxScore;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            var attempt = ledger.Record(search.Solve(mentees, capacity, middle, cancellationToken, startFrom: best.Arcs));
            if (!attempt.Proven)
            {
                return (best, false);
            }

            if ((attempt.Matched, attempt.Kept) == target)
            {
                best = attempt;
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return (best, true);
    }

    private static long Total(PricingSearch.Outcome outcome) => outcome.ScoreOf.Sum(s => (long)s);

    private static MatchingResult BuildResult(
        MatchingProblem problem, SearchLimits limits, RunLedger ledger, MatchStatus status, IReadOnlyList<MatchedPair> pairs, IReadOnlyList<UnmatchedMentee> unmatched, ObjectiveBound? bound) =>
        new()
        {
            Status = status,
            Bound = bound,
            Pairs = pairs,
            Unmatched = unmatched,
            Policy = problem.Policy,
            Facts = new RunFacts(
                problem.Roster.People.Count,
                problem.Compiled.MenteeCount,
                problem.Compiled.MentorCount,
                ledger.Candidates,
                ledger.Rounds,
                ledger.Solves,
                problem.InputHash,
                EngineVersion,
                ledger.Solver,
                limits.Elapsed),
        };

    /// <summary>Adds up the work of every search a run makes.</summary>
    private sealed class RunLedger(string solver)
    {
        public string Solver => solver;

        public PricingSearch.Outcome? First { get; private set; }

        public long Candidates { get; private set; }

        public int Rounds { get; private set; }

        public int Solves { get; private set; }

        /// <summary>A solve over a fixed set of pairs (the cohort rules' programme): one solve, no pricing.</summary>
        public void Record(long pairs)
        {
            Candidates += pairs;
            Solves++;
        }

        public PricingSearch.Outcome Record(PricingSearch.Outcome outcome)
        {
            First ??= outcome;
            Candidates += outcome.Candidates;
            Rounds += outcome.Rounds;
            Solves++;
            return outcome;
        }
    }
}
