using Google.OrTools.Sat;

namespace Mentoring.Matching.Engine;

/// <summary>
/// The assignment under the v2 cohort rules (<c>minCoverage</c>, <c>maxPairsPerMentorDepartment</c>),
/// which constrain the assignment as a whole and so are no flow: an integer programme in OR-Tools'
/// CP-SAT over every feasible pair, solved level by level in the contract's order (most matched,
/// most current pairs kept, highest lowest unpinned score with fairness, highest total), each level
/// fixed before the next is optimised. Every feasible pair is a variable, so a proof covers the
/// whole pool; one search worker keeps the answer the same run after run.
/// </summary>
internal sealed class CohortRuleSolver(CompiledProblem problem, MatchingPolicy policy, SearchLimits limits, MatchingOptions options)
{
    /// <summary>
    /// Most feasible pairs the programme takes (about 100 bytes each inside CP-SAT). A larger pool is
    /// cut to each mentee's best pairs, and the answer is then proven only when it reaches the bound
    /// of the pair rules alone.
    /// </summary>
    public const int MaxPairs = 100_000;

    /// <summary>What the solve found.</summary>
    /// <param name="MentorOf">Each of the given mentees' mentor, or -1.</param>
    /// <param name="Status">Optimal when every level was proven; Feasible when time ran out; Infeasible when no assignment meets the rules.</param>
    /// <param name="InfeasibleReason">Which rule cannot be met, and for <c>minCoverage</c> the most pairs that can differ.</param>
    /// <param name="Bound">When Feasible: what no assignment can beat.</param>
    /// <param name="Pairs">The feasible pairs the programme held.</param>
    public sealed record Outcome(int[] MentorOf, MatchStatus Status, string? InfeasibleReason, ObjectiveBound? Bound, long Pairs);

    /// <param name="mentees">The mentees to match (not pinned).</param>
    /// <param name="index">The index over the mentors with capacity left after the pins.</param>
    /// <param name="capacity">Each mentor's capacity after the pins.</param>
    /// <param name="pins">The pinned pairs, which count towards the cohort rules.</param>
    /// <param name="currentMentor">Each mentee's current mentor when feasible now, else -1; empty for none.</param>
    /// <param name="isCurrent">Whether a (mentee, mentor) pair is a current pair, pinned or not.</param>
    /// <param name="withoutCohortRules">
    /// The exact optimum under the pair rules alone (pins included): no assignment under the cohort rules
    /// beats it. Asked for only when the pool is too large to take whole.
    /// </param>
    /// <param name="cancellationToken">Stops the search.</param>
    public Outcome Solve(
        int[] mentees, MentorIndex index, int[] capacity, IReadOnlyList<(int Mentee, int Mentor)> pins, int[] currentMentor, Func<int, int, bool> isCurrent,
        Func<AssignmentFigures> withoutCohortRules, CancellationToken cancellationToken)
    {
        _mentees = mentees;
        var pairs = FeasiblePairs(mentees, index, cancellationToken);
        AssignmentFigures? bound = null;
        if (pairs.Count > MaxPairs)
        {
            bound = withoutCohortRules();
            pairs = BestPairs(pairs, MaxPairs / Math.Max(1, mentees.Length), (local, mentor) => currentMentor.Length > 0 && currentMentor[mentees[local]] == mentor);
        }

        var outcome = SolveOver(pairs, mentees, capacity, pins, currentMentor, cancellationToken);
        if (bound is null || outcome.Status != MatchStatus.Optimal)
        {
            return outcome.Status == MatchStatus.Infeasible && bound is not null
                ? throw new InvalidOperationException(
                    $"The cohort rules could not be met on each mentee's best {MaxPairs / Math.Max(1, mentees.Length)} pairs, and the pool has too many feasible pairs ({pairs.Count:N0} kept of more than {MaxPairs:N0}) to prove that no assignment meets them.")
                : outcome;
        }

        // Optimal over the best pairs; over the whole pool only if it reaches what the pair rules alone allow.
        var reached = Figures(outcome.MentorOf, pins, isCurrent);
        return reached.Matched == bound.Matched && reached.Kept == bound.Kept && reached.Total == bound.Total && policy.Objective == MatchingObjective.Total
            ? outcome
            : outcome with { Status = MatchStatus.Feasible, Bound = new ObjectiveBound(bound.Matched, bound.Total) };
    }

    /// <summary>The figures of an assignment of the solve's mentees, with the pins.</summary>
    private AssignmentFigures Figures(int[] mentorOf, IReadOnlyList<(int Mentee, int Mentor)> pins, Func<int, int, bool> isCurrent)
    {
        var chosen = Enumerable.Range(0, mentorOf.Length).Where(k => mentorOf[k] >= 0).Select(k => (Mentee: _mentees[k], Mentor: mentorOf[k])).Concat(pins).ToArray();
        return new AssignmentFigures(MatchStatus.Optimal, chosen.Length, chosen.Count(p => isCurrent(p.Mentee, p.Mentor)), null, chosen.Sum(p => (long)problem.Explain(p.Mentee, p.Mentor).Score));
    }

    /// <summary>Each mentee's best pairs by score (its current pair always among them), ties by mentor.</summary>
    private static List<(int Mentee, int Mentor, int Score)> BestPairs(List<(int Mentee, int Mentor, int Score)> pairs, int perMentee, Func<int, int, bool> isCurrent) =>
        [.. pairs.GroupBy(p => p.Mentee)
            .SelectMany(g => g.OrderByDescending(p => p.Score).ThenBy(p => p.Mentor).Take(perMentee)
                .Concat(g.Where(p => isCurrent(p.Mentee, p.Mentor))).Distinct()
                .OrderBy(p => p.Mentor))];

    private Outcome SolveOver(
        List<(int Mentee, int Mentor, int Score)> pairs, int[] mentees, int[] capacity, IReadOnlyList<(int Mentee, int Mentor)> pins, int[] currentMentor, CancellationToken cancellationToken)
    {
        if (PinsOverfillADepartment(pins) is { } overfilled)
        {
            return new Outcome(Unmatched(mentees), MatchStatus.Infeasible, overfilled, null, pairs.Count);
        }

        var model = new CpModel();
        var x = new BoolVar[pairs.Count];
        for (var a = 0; a < x.Length; a++)
        {
            x[a] = model.NewBoolVar(string.Empty);
        }

        AddAssignmentRules(model, x, pairs, mentees.Length, capacity);
        AddCohortRules(model, x, pairs, pins);

        var matched = LinearExpr.Sum(x);
        var levels = new List<(string Name, LinearExpr Objective)> { ("matched", matched) };
        if (currentMentor.Length > 0)
        {
            var kept = Enumerable.Range(0, pairs.Count).Where(a => currentMentor[mentees[pairs[a].Mentee]] == pairs[a].Mentor).Select(a => x[a]).ToArray();
            levels.Add(("kept", LinearExpr.Sum(kept)));
        }

        IntVar? floor = null;
        if (policy.Objective == MatchingObjective.Fairness && pairs.Count > 0)
        {
            // The lowest chosen score: floor ≤ score of every chosen pair (free when the pair is not chosen).
            var top = problem.MaxPairScore;
            floor = model.NewIntVar(0, top, "floor");
            for (var a = 0; a < x.Length; a++)
            {
                model.Add(floor + (top * x[a]) <= pairs[a].Score + top);
            }

            levels.Add(("minScore", floor));
        }

        var total = LinearExpr.WeightedSum(x, pairs.Select(p => (long)p.Score));
        levels.Add(("total", total));

        var solver = NewSolver();
        var values = new long[levels.Count];
        for (var level = 0; level < levels.Count; level++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            model.Maximize(levels[level].Objective);
            var status = Run(solver, model, cancellationToken);
            if (status == CpSolverStatus.Infeasible)
            {
                return new Outcome(Unmatched(mentees), MatchStatus.Infeasible, DiagnoseInfeasible(mentees.Length, capacity, pairs, pins, cancellationToken), null, pairs.Count);
            }

            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                // Stopped before any assignment was found: nothing to return but the rules' honest state.
                return new Outcome(Unmatched(mentees), MatchStatus.Feasible, null, new ObjectiveBound(Math.Min(mentees.Length, capacity.Sum()) + pins.Count, 0), pairs.Count);
            }

            // The search keeps going from what it has: the last assignment is the next level's hint.
            model.ClearHints();
            for (var a = 0; a < x.Length; a++)
            {
                model.AddHint(x[a], solver.BooleanValue(x[a]));
            }

            if (floor is not null)
            {
                model.AddHint(floor, solver.Value(floor));
            }

            values[level] = (long)Math.Round(solver.ObjectiveValue);
            if (status != CpSolverStatus.Optimal)
            {
                var bound = new ObjectiveBound(
                    level == 0 ? (int)Math.Floor(solver.BestObjectiveBound) + pins.Count : (int)values[0] + pins.Count,
                    level == levels.Count - 1 ? (long)Math.Floor(solver.BestObjectiveBound) : (long)(values[0] + pins.Count) * problem.MaxPairScore);
                return new Outcome(Chosen(solver, x, pairs, mentees.Length), MatchStatus.Feasible, null, bound, pairs.Count);
            }

            // Fix this level at its optimum before the next is optimised.
            model.Add(levels[level].Objective >= values[level]);
        }

        return new Outcome(Chosen(solver, x, pairs, mentees.Length), MatchStatus.Optimal, null, null, pairs.Count);
    }

    /// <summary>One worker and a fixed seed: the same programme gives the same assignment every run.</summary>
    private const string DeterministicSearch = "num_workers:1,random_seed:1,log_search_progress:false";

    private static CpSolver NewSolver() => new();

    private CpSolverStatus Run(CpSolver solver, CpModel model, CancellationToken cancellationToken)
    {
        var parameters = DeterministicSearch;
        if (options.TimeLimit is { } limit)
        {
            var left = Math.Max(0.01, (limit - limits.Elapsed).TotalSeconds);
            parameters += FormattableString.Invariant($",max_time_in_seconds:{left:0.###}");
        }

        solver.StringParameters = parameters;
        using var stop = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model);
        cancellationToken.ThrowIfCancellationRequested();
        return status;
    }

    /// <summary>Every feasible pair of the mentees, by walking each one's mentors in the index.</summary>
    private static List<(int Mentee, int Mentor, int Score)> FeasiblePairs(int[] mentees, MentorIndex index, CancellationToken cancellationToken)
    {
        var pairs = new List<(int, int, int)>();
        for (var k = 0; k < mentees.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cursor = index.Cursor(mentees[k]);
            var start = pairs.Count;
            while (cursor.MoveNext(-1))
            {
                pairs.Add((k, cursor.Mentor, cursor.Score));
            }

            // Mentor order within a mentee, so the programme (and so its answer) does not depend on the walk.
            pairs.Sort(start, pairs.Count - start, Comparer<(int, int, int)>.Create((p, q) => p.Item2.CompareTo(q.Item2)));
        }

        return pairs;
    }

    private static void AddAssignmentRules(CpModel model, BoolVar[] x, List<(int Mentee, int Mentor, int Score)> pairs, int menteeCount, int[] capacity)
    {
        var byMentee = new List<BoolVar>[menteeCount];
        var byMentor = new Dictionary<int, List<BoolVar>>();
        for (var a = 0; a < pairs.Count; a++)
        {
            (byMentee[pairs[a].Mentee] ??= []).Add(x[a]);
            if (!byMentor.TryGetValue(pairs[a].Mentor, out var list))
            {
                byMentor.Add(pairs[a].Mentor, list = []);
            }

            list.Add(x[a]);
        }

        foreach (var vars in byMentee.Where(v => v is { Count: > 1 }))
        {
            model.AddAtMostOne(vars);
        }

        foreach (var (mentor, vars) in byMentor.OrderBy(m => m.Key))
        {
            if (vars.Count > capacity[mentor])
            {
                model.Add(LinearExpr.Sum(vars) <= capacity[mentor]);
            }
        }
    }

    /// <summary>The cohort rules, the pins counted towards each.</summary>
    private void AddCohortRules(CpModel model, BoolVar[] x, List<(int Mentee, int Mentor, int Score)> pairs, IReadOnlyList<(int Mentee, int Mentor)> pins)
    {
        foreach (var (dimension, minimum) in policy.MinCoverage)
        {
            var d = DimensionIndex(dimension);
            var pinned = pins.Count(p => problem.DifferOn(p.Mentee, p.Mentor, d));
            var differing = Enumerable.Range(0, pairs.Count).Where(a => problem.DifferOn(MenteeOf(pairs[a]), pairs[a].Mentor, d)).Select(a => x[a]).ToArray();
            model.Add(LinearExpr.Sum(differing) >= minimum - pinned);
        }

        if (policy.MaxPairsPerMentorDepartment is { } most)
        {
            foreach (var department in Enumerable.Range(0, problem.DepartmentNames.Count))
            {
                var pinned = pins.Count(p => problem.MentorDepartment(p.Mentor) == department);
                var inDepartment = Enumerable.Range(0, pairs.Count).Where(a => problem.MentorDepartment(pairs[a].Mentor) == department).Select(a => x[a]).ToArray();
                if (inDepartment.Length > most - pinned)
                {
                    model.Add(LinearExpr.Sum(inDepartment) <= most - pinned);
                }
            }
        }
    }

    private int[] _mentees = [];

    /// <summary>The problem's index of a pair's mentee (pairs hold the solve's local one).</summary>
    private int MenteeOf((int Mentee, int Mentor, int Score) pair) => _mentees[pair.Mentee];

    private int DimensionIndex(string dimension) => problem.Dimensions.ToList().IndexOf(Text.Normalize(dimension));

    private string? PinsOverfillADepartment(IReadOnlyList<(int Mentee, int Mentor)> pins)
    {
        if (policy.MaxPairsPerMentorDepartment is not { } most)
        {
            return null;
        }

        var overfilled = pins.Where(p => problem.MentorDepartment(p.Mentor) >= 0)
            .GroupBy(p => problem.MentorDepartment(p.Mentor))
            .Where(g => g.Count() > most)
            .OrderBy(g => g.Key)
            .FirstOrDefault();
        return overfilled is null
            ? null
            : $"maxPairsPerMentorDepartment ({most}) cannot hold: the pinned pairs alone give {overfilled.Count()} mentees to mentors in department '{problem.DepartmentNames[overfilled.Key]}'";
    }

    /// <summary>
    /// Names the rule that cannot be met: the first <c>minCoverage</c> entry beyond the most pairs that
    /// can differ on its dimension (each found exactly, with the pins and pair rules only), else the
    /// cohort rules together.
    /// </summary>
    private string DiagnoseInfeasible(int menteeCount, int[] capacity, List<(int Mentee, int Mentor, int Score)> pairs, IReadOnlyList<(int Mentee, int Mentor)> pins, CancellationToken cancellationToken)
    {
        foreach (var (dimension, minimum) in policy.MinCoverage)
        {
            var d = DimensionIndex(dimension);
            var model = new CpModel();
            var x = pairs.Select(_ => model.NewBoolVar(string.Empty)).ToArray();
            AddAssignmentRules(model, x, pairs, menteeCount, capacity);
            var differing = Enumerable.Range(0, pairs.Count).Where(a => problem.DifferOn(MenteeOf(pairs[a]), pairs[a].Mentor, d)).Select(a => x[a]).ToArray();
            model.Maximize(LinearExpr.Sum(differing));
            var solver = NewSolver();
            var status = Run(solver, model, cancellationToken);
            var pinned = pins.Count(p => problem.DifferOn(p.Mentee, p.Mentor, d));
            if (status == CpSolverStatus.Optimal && (long)Math.Round(solver.ObjectiveValue) + pinned < minimum)
            {
                var most = (long)Math.Round(solver.ObjectiveValue) + pinned;
                return $"minCoverage.{dimension} ({minimum}) cannot hold: at most {most} pair{(most == 1 ? "" : "s")} can differ on {dimension}";
            }
        }

        return policy.MinCoverage.Count > 0 && policy.MaxPairsPerMentorDepartment is { } cap
            ? $"minCoverage and maxPairsPerMentorDepartment ({cap}) cannot all hold together"
            : "minCoverage cannot hold: its minimums cannot all be met in one assignment";
    }

    private static int[] Chosen(CpSolver solver, BoolVar[] x, List<(int Mentee, int Mentor, int Score)> pairs, int menteeCount)
    {
        var mentorOf = new int[menteeCount];
        Array.Fill(mentorOf, -1);
        for (var a = 0; a < x.Length; a++)
        {
            if (solver.BooleanValue(x[a]))
            {
                mentorOf[pairs[a].Mentee] = pairs[a].Mentor;
            }
        }

        return mentorOf;
    }

    private static int[] Unmatched(int[] mentees) => Enumerable.Repeat(-1, mentees.Length).ToArray();
}
