namespace Mentoring.Matching.Engine;

/// <summary>
/// Alternatives for the flow (no cohort rules, objective total), found from the optimum instead of
/// by solving every pinned problem. The optimum's dual prices bound each pinned problem: pinning
/// mentee i to mentor j costs at least the pair's reduced cost <c>u_i + v_j − profit</c> (the prices
/// stay feasible for the rest, with one place fewer at j), so in profit units
/// <c>optimum(i, j) ≤ optimum − reduced cost</c>. Mentors are tried best bound first, each solved
/// exactly (the pricing loop again, started from the optimum's candidates, with its certificate),
/// and the walk stops once no bound left can reach the N-th best found.
/// </summary>
internal sealed class FlowAlternatives(
    CompiledProblem problem, MentorIndex index, PricingSearch search, PinnedAssignment pins, CurrentPairs current, int[] mentees, PricingSearch.Outcome optimum)
{
    /// <summary>The alternatives of one matched, unpinned mentee (<paramref name="local"/> in <c>mentees</c>), best first.</summary>
    public AlternativeMentor[] For(int local, AssignmentFigures best, int count, CancellationToken cancellationToken)
    {
        var profit = optimum.Profit;
        var mentee = mentees[local];
        var chosen = optimum.MentorOf[local];
        var value = optimum.Solution.Value[local];
        var optimumValue = ValueOf(best, profit);
        var tries = new List<(long Bound, string MentorId, int Mentor, int Score)>();
        var cursor = index.Cursor(mentee);
        while (cursor.MoveNext(-1))
        {
            if (cursor.Mentor == chosen)
            {
                continue;
            }

            var reducedCost = value + optimum.Solution.Price[cursor.Mentor] - profit.Of(local, cursor.Mentor, cursor.Score);
            tries.Add((optimumValue - reducedCost, IdOf(cursor.Mentor), cursor.Mentor, cursor.Score));
        }

        tries.Sort((a, b) => a.Bound != b.Bound ? b.Bound.CompareTo(a.Bound) : string.CompareOrdinal(a.MentorId, b.MentorId));
        var found = new List<(long Value, AlternativeMentor Alternative)>();
        var others = mentees.Where((_, k) => k != local).ToArray();
        var startFrom = WithoutMentee(optimum.Arcs, local);
        foreach (var (bound, mentorId, mentor, score) in tries)
        {
            if (found.Count == count && (bound < found[^1].Value || (bound == found[^1].Value && string.CompareOrdinal(mentorId, found[^1].Alternative.MentorId) > 0)))
            {
                break;
            }

            var figures = Pinned(others, startFrom, mentee, mentor, score, cancellationToken);
            found.Add((ValueOf(figures, profit), new AlternativeMentor(mentorId, figures)));
            found.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Alternative.MentorId, b.Alternative.MentorId));
            if (found.Count > count)
            {
                found.RemoveAt(count);
            }
        }

        return [.. found.Select(f => f.Alternative)];
    }

    /// <summary>The exact optimum with the mentee pinned to the mentor, the original pins included.</summary>
    private AssignmentFigures Pinned(int[] others, CandidateArcs startFrom, int mentee, int mentor, int score, CancellationToken cancellationToken)
    {
        var capacity = (int[])pins.RemainingCapacity.Clone();
        capacity[mentor]--;
        var rest = search.Solve(others, capacity, 0, cancellationToken, startFrom);
        var restScores = Enumerable.Range(0, others.Length).Where(k => rest.MentorOf[k] >= 0).Select(k => rest.ScoreOf[k]);
        var pinned = pins.Pairs.Select(p => (p.Mentee, p.Mentor)).Append((mentee, mentor)).ToArray();
        // The new pin joins the pins: it counts for matched, kept and total.
        return new AssignmentFigures(
            rest.Proven ? MatchStatus.Optimal : MatchStatus.Feasible,
            rest.Matched + pinned.Length,
            rest.Kept + pinned.Count(p => current.IsCurrent(p.Item1, p.Item2)),
            null, // the objective is the total: the lowest score is not part of the optimum
            restScores.Sum(s => (long)s) + pins.Pairs.Sum(p => (long)problem.Explain(p.Mentee, p.Mentor).Score) + score);
    }

    /// <summary>The figures in the profit's units: comparing these compares in the contract's order (objective total).</summary>
    private static long ValueOf(AssignmentFigures figures, PairProfit profit) =>
        (profit.MatchWeight * figures.Matched) + (profit.KeepWeight * figures.Kept) + figures.Total;

    private string IdOf(int mentor) => problem.Roster.People[problem.MentorPeople[mentor]].Id;

    private static CandidateArcs WithoutMentee(CandidateArcs arcs, int local)
    {
        var rest = new CandidateArcs();
        for (var arc = 0; arc < arcs.Count; arc++)
        {
            var mentee = arcs.Mentee[arc];
            if (mentee != local)
            {
                rest.Add(mentee > local ? mentee - 1 : mentee, arcs.Mentor[arc], arcs.Score[arc]);
            }
        }

        return rest;
    }
}
