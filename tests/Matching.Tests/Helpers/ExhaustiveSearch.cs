namespace Mentoring.Matching.Tests;

/// <summary>
/// The contract's optimum as figures, in its order: matched mentees, current pairs kept, lowest
/// unpinned score (fairness only), total.
/// </summary>
/// <param name="AssignmentExists">False when no assignment holds every pinned pair and meets every cohort rule.</param>
internal sealed record ReferenceOptimum(bool AssignmentExists, int Matched, int Kept, int? MinScore, long Total)
{
    public static ReferenceOptimum NoAssignment { get; } = new(false, 0, 0, null, 0);

    /// <summary>The figures as the engine reports an exact optimum of a changed problem (an infeasible one has none).</summary>
    public AssignmentFigures Figures => AssignmentExists
        ? new AssignmentFigures(MatchStatus.Optimal, Matched, Kept, MinScore, Total)
        : new AssignmentFigures(MatchStatus.Infeasible, 0, 0, null, 0);
}

/// <summary>
/// The lexicographic optimum found by looking at every assignment, with no cleverness to trust:
/// <see cref="Enumerate"/> tries each one in turn (contract v2: current pairs kept, cohort rules as a
/// filter on whole assignments); <see cref="ByMentorSlots"/> is the v1 search folded into a table over
/// sets of matched mentees, so instances with more mentees stay tractable (it is checked against
/// <see cref="Enumerate"/> on every small instance).
/// </summary>
internal static class ExhaustiveSearch
{
    /// <summary>The optimum over every assignment; with <paramref name="held"/>, over those that pair its mentee with its mentor (an unpinned pair, under the floor like any other).</summary>
    public static ReferenceOptimum Enumerate(ReferenceMatcher reference, PersonPair? held = null)
    {
        if (PlacePins(reference) is not { } setup)
        {
            return ReferenceOptimum.NoAssignment;
        }

        var heldMentee = held is { } menteeHeld ? Array.FindIndex(setup.Open, i => reference.Mentees[i].Id == menteeHeld.MenteeId) : -1;
        var heldMentor = held is { } mentorHeld ? reference.Mentors.ToList().FindIndex(m => m.Id == mentorHeld.MentorId) : -1;
        if (held is not null && heldMentee < 0)
        {
            throw new ArgumentException($"{held} is not a pair of an open mentee", nameof(held));
        }

        var fairness = reference.Policy.Objective == MatchingObjective.Fairness;
        var load = (int[])setup.Load.Clone();
        var chosen = new int[setup.Open.Length];
        (int Matched, int Kept, int Min, long Total)? best = null;

        // An assignment that breaks a cohort rule is no assignment at all: it is skipped, not ranked.
        bool MeetsCohortRules()
        {
            var pairs = setup.Pinned
                .Concat(Enumerable.Range(0, chosen.Length).Where(k => chosen[k] >= 0).Select(k => (reference.Mentees[setup.Open[k]], reference.Mentors[chosen[k]])))
                .ToArray();
            return reference.BrokenCohortRules(pairs).Count == 0;
        }

        void Visit(int k, int matched, int kept, int min, long total)
        {
            if (k == setup.Open.Length)
            {
                var key = (matched, kept, fairness ? min : 0, total);
                if ((best is null || key.CompareTo(best.Value) > 0) && (!reference.Policy.HasCohortRules || MeetsCohortRules()))
                {
                    best = key;
                }

                return;
            }

            var isHeld = k == heldMentee;
            chosen[k] = -1;
            if (!isHeld)
            {
                Visit(k + 1, matched, kept, min, total);
            }

            for (var j = 0; j < setup.Capacity.Length; j++)
            {
                if ((!isHeld || j == heldMentor) && setup.Scores[k][j] is { } score && load[j] < setup.Capacity[j])
                {
                    load[j]++;
                    chosen[k] = j;
                    Visit(k + 1, matched + 1, kept + (setup.Current[k][j] ? 1 : 0), Math.Min(min, score), total + score);
                    load[j]--;
                }
            }

            chosen[k] = -1;
        }

        Visit(0, setup.Pinned.Count, setup.PinnedKept, int.MaxValue, setup.PinnedTotal);
        if (best is not { } found)
        {
            return ReferenceOptimum.NoAssignment;
        }

        var (bestMatched, bestKept, bestMin, bestTotal) = found;
        return new ReferenceOptimum(true, bestMatched, bestKept, fairness && bestMin != int.MaxValue ? bestMin : null, bestTotal);
    }

    /// <summary>
    /// Every assignment again, one mentor place at a time: for each set of open mentees, the best
    /// (matched, total) of any way to give them the places seen so far. Fairness repeats it with
    /// every possible floor on the unpinned scores, highest first.
    /// </summary>
    public static ReferenceOptimum ByMentorSlots(ReferenceMatcher reference)
    {
        if (reference.Policy.CurrentPairs.Count > 0 || reference.Policy.HasCohortRules)
        {
            throw new NotSupportedException("The table search knows neither current pairs nor cohort rules: use Enumerate.");
        }

        if (PlacePins(reference) is not { } setup)
        {
            return ReferenceOptimum.NoAssignment;
        }

        var (matched, total) = BestWithFloor(setup, int.MinValue);
        if (reference.Policy.Objective != MatchingObjective.Fairness || matched == 0)
        {
            return new ReferenceOptimum(true, setup.Pinned.Count + matched, 0, null, setup.PinnedTotal + total);
        }

        var floors = setup.Scores.SelectMany(row => row).OfType<int>().Distinct().OrderDescending();
        foreach (var floor in floors)
        {
            var (floorMatched, floorTotal) = BestWithFloor(setup, floor);
            if (floorMatched == matched)
            {
                return new ReferenceOptimum(true, setup.Pinned.Count + matched, 0, floor, setup.PinnedTotal + floorTotal);
            }
        }

        throw new InvalidOperationException("The lowest floor always reaches the unfloored matching.");
    }

    private static (int Matched, long Total) BestWithFloor(Setup setup, int floor)
    {
        var n = setup.Open.Length;
        var maxScore = setup.Scores.SelectMany(row => row).OfType<int>().DefaultIfEmpty(0).Max();
        var unit = ((long)(n + 1) * (maxScore + 1)) + 1;
        var best = new long[1 << n];
        Array.Fill(best, long.MinValue);
        best[0] = 0;
        for (var j = 0; j < setup.Capacity.Length; j++)
        {
            for (var place = 0; place < setup.Capacity[j] - setup.Load[j]; place++)
            {
                // Descending sets: a set is read as a source before any larger set is written from it this round.
                for (var set = best.Length - 1; set >= 0; set--)
                {
                    if (best[set] == long.MinValue)
                    {
                        continue;
                    }

                    for (var k = 0; k < n; k++)
                    {
                        if ((set & (1 << k)) == 0 && setup.Scores[k][j] is { } score && score >= floor)
                        {
                            var value = best[set] + unit + score;
                            if (value > best[set | (1 << k)])
                            {
                                best[set | (1 << k)] = value;
                            }
                        }
                    }
                }
            }
        }

        var top = best.Max();
        return ((int)(top / unit), top % unit);
    }

    private sealed record Setup(
        int[] Open, int?[][] Scores, bool[][] Current, int[] Capacity, int[] Load, IReadOnlyList<(Person Mentee, Person Mentor)> Pinned, int PinnedKept, long PinnedTotal);

    /// <summary>Places the pins (null when they cannot all hold), scores every open pair and marks the current ones.</summary>
    private static Setup? PlacePins(ReferenceMatcher reference)
    {
        var mentees = reference.Mentees;
        var mentors = reference.Mentors;
        var capacity = mentors.Select(m => m.Capacity).ToArray();
        var load = new int[mentors.Count];
        var pinned = new List<(Person Mentee, Person Mentor)>();
        var pinnedTotal = 0L;
        foreach (var pin in reference.Policy.PinnedPairs)
        {
            var mentee = reference.Person(pin.MenteeId);
            var mentor = reference.Person(pin.MentorId);
            var j = mentors.ToList().IndexOf(mentor);
            if (!reference.Feasible(mentee, mentor) || ++load[j] > capacity[j])
            {
                return null;
            }

            pinned.Add((mentee, mentor));
            pinnedTotal += reference.Score(mentee, mentor);
        }

        var open = Enumerable.Range(0, mentees.Count).Where(i => !pinned.Any(p => p.Mentee == mentees[i])).ToArray();
        var scores = open.Select(i => mentors.Select(m => reference.ScoreIfFeasible(mentees[i], m)).ToArray()).ToArray();
        var current = open.Select(i => mentors.Select(m => reference.IsCurrent(mentees[i], m)).ToArray()).ToArray();
        return new Setup(open, scores, current, capacity, load, pinned, pinned.Count(p => reference.IsCurrent(p.Mentee, p.Mentor)), pinnedTotal);
    }
}
