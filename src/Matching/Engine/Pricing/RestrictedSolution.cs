namespace Mentoring.Matching.Engine;

/// <summary>
/// An optimal restricted assignment with dual prices that prove it: a value <c>u ≥ 0</c> per mentee and
/// a price <c>v ≥ 0</c> per mentor with <c>u + v ≥ M + score</c> on every candidate pair, equality on every
/// chosen pair, <c>u = 0</c> for an unmatched mentee and <c>v = 0</c> for a mentor with room.
/// </summary>
/// <param name="Chosen">For each local mentee, the index of its chosen arc, or -1.</param>
/// <param name="Value">Each local mentee's value.</param>
/// <param name="Price">Each mentor's price (by the problem's mentor index).</param>
internal sealed record RestrictedSolution(int[] Chosen, long[] Value, long[] Price)
{
    /// <summary>
    /// Checks every condition above, so that no solver's mistake can pass as optimal: the pricing
    /// loop's certificate rests on these prices.
    /// </summary>
    /// <exception cref="InvalidOperationException">When any condition fails.</exception>
    public void Verify(CandidateArcs arcs, int[] mentorCapacity, PairProfit profit)
    {
        if (Chosen.Length != Value.Length || Price.Length != mentorCapacity.Length)
        {
            throw Failure("the sizes of the choice and the prices");
        }

        // Messages are built only on failure: this runs over millions of pairs at scale.
        var used = new int[mentorCapacity.Length];
        var mentees = arcs.Mentee;
        var mentors = arcs.Mentor;
        var scores = arcs.Score;
        for (var arc = 0; arc < arcs.Count; arc++)
        {
            var slack = Value[mentees[arc]] + Price[mentors[arc]] - profit.Of(mentees[arc], mentors[arc], scores[arc]);
            var chosen = Chosen[mentees[arc]] == arc;
            if (chosen ? slack != 0 : slack < 0)
            {
                throw Failure($"candidate pair {arc} (value + price - profit = {slack}, chosen: {chosen})");
            }

            used[mentors[arc]] += chosen ? 1 : 0;
        }

        for (var mentee = 0; mentee < Value.Length; mentee++)
        {
            var arc = Chosen[mentee];
            if (arc >= arcs.Count || (arc >= 0 && mentees[arc] != mentee))
            {
                throw Failure($"mentee {mentee} (chosen arc {arc} is not its own)");
            }

            if (Value[mentee] < 0 || (arc < 0 && Value[mentee] != 0))
            {
                throw Failure($"mentee {mentee} (value {Value[mentee]})");
            }
        }

        for (var mentor = 0; mentor < Price.Length; mentor++)
        {
            if (used[mentor] > mentorCapacity[mentor] || Price[mentor] < 0 || (used[mentor] < mentorCapacity[mentor] && Price[mentor] != 0))
            {
                throw Failure($"mentor {mentor} (holds {used[mentor]} of {mentorCapacity[mentor]}, price {Price[mentor]})");
            }
        }
    }

    private static InvalidOperationException Failure(string where) =>
        new($"The restricted solution is not proven optimal: its dual prices fail at {where}.");
}
