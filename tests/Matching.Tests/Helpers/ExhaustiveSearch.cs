namespace Mentoring.Matching.Tests;

/// <summary>The contract's optimum as figures: matched mentees, lowest unpinned score (fairness only), total.</summary>
/// <param name="PinsHold">False when no assignment can hold every pinned pair.</param>
internal sealed record ReferenceOptimum(bool PinsHold, int Matched, int? MinScore, long Total);

/// <summary>
/// The lexicographic optimum found by looking at every assignment, with no cleverness to trust:
/// <see cref="Enumerate"/> tries each one in turn; <see cref="ByMentorSlots"/> is the same search
/// folded into a table over sets of matched mentees, so instances with more mentees stay tractable
/// (it is checked against <see cref="Enumerate"/> on every small instance).
/// </summary>
internal static class ExhaustiveSearch
{
    public static ReferenceOptimum Enumerate(ReferenceMatcher reference)
    {
        if (PlacePins(reference) is not { } setup)
        {
            return new ReferenceOptimum(false, 0, null, 0);
        }

        var fairness = reference.Policy.Objective == MatchingObjective.Fairness;
        var load = (int[])setup.Load.Clone();
        (int Matched, int Min, long Total)? best = null;

        void Visit(int k, int matched, int min, long total)
        {
            if (k == setup.Open.Length)
            {
                var key = (matched, fairness ? min : 0, total);
                if (best is null || key.CompareTo(best.Value) > 0)
                {
                    best = key;
                }

                return;
            }

            Visit(k + 1, matched, min, total);
            for (var j = 0; j < setup.Capacity.Length; j++)
            {
                if (setup.Scores[k][j] is { } score && load[j] < setup.Capacity[j])
                {
                    load[j]++;
                    Visit(k + 1, matched + 1, Math.Min(min, score), total + score);
                    load[j]--;
                }
            }
        }

        Visit(0, setup.PinnedCount, int.MaxValue, setup.PinnedTotal);
        var (bestMatched, bestMin, bestTotal) = best!.Value;
        return new ReferenceOptimum(true, bestMatched, fairness && bestMin != int.MaxValue ? bestMin : null, bestTotal);
    }

    /// <summary>
    /// Every assignment again, one mentor place at a time: for each set of open mentees, the best
    /// (matched, total) of any way to give them the places seen so far. Fairness repeats it with
    /// every possible floor on the unpinned scores, highest first.
    /// </summary>
    public static ReferenceOptimum ByMentorSlots(ReferenceMatcher reference)
    {
        if (PlacePins(reference) is not { } setup)
        {
            return new ReferenceOptimum(false, 0, null, 0);
        }

        var (matched, total) = BestWithFloor(setup, int.MinValue);
        if (reference.Policy.Objective != MatchingObjective.Fairness || matched == 0)
        {
            return new ReferenceOptimum(true, setup.PinnedCount + matched, null, setup.PinnedTotal + total);
        }

        var floors = setup.Scores.SelectMany(row => row).OfType<int>().Distinct().OrderDescending();
        foreach (var floor in floors)
        {
            var (floorMatched, floorTotal) = BestWithFloor(setup, floor);
            if (floorMatched == matched)
            {
                return new ReferenceOptimum(true, setup.PinnedCount + matched, floor, setup.PinnedTotal + floorTotal);
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

    private sealed record Setup(int[] Open, int?[][] Scores, int[] Capacity, int[] Load, int PinnedCount, long PinnedTotal);

    /// <summary>Places the pins (null when they cannot all hold) and scores every open pair.</summary>
    private static Setup? PlacePins(ReferenceMatcher reference)
    {
        var mentees = reference.Mentees;
        var mentors = reference.Mentors;
        var capacity = mentors.Select(m => m.Capacity).ToArray();
        var load = new int[mentors.Count];
        var pinned = new HashSet<string>(StringComparer.Ordinal);
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

            pinned.Add(pin.MenteeId);
            pinnedTotal += reference.Score(mentee, mentor);
        }

        var open = Enumerable.Range(0, mentees.Count).Where(i => !pinned.Contains(mentees[i].Id)).ToArray();
        var scores = open.Select(i => mentors.Select(m => reference.ScoreIfFeasible(mentees[i], m)).ToArray()).ToArray();
        return new Setup(open, scores, capacity, load, pinned.Count, pinnedTotal);
    }
}
