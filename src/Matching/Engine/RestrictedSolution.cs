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
    public void Verify(CandidateArcs arcs, int[] mentorCapacity, long matchWeight)
    {
        Require(Chosen.Length == Value.Length && Price.Length == mentorCapacity.Length, "the sizes of the choice and the prices");
        var used = new int[mentorCapacity.Length];
        var mentees = arcs.Mentee;
        for (var mentee = 0; mentee < Chosen.Length; mentee++)
        {
            Require(Chosen[mentee] < arcs.Count && (Chosen[mentee] < 0 || mentees[Chosen[mentee]] == mentee), $"mentee {mentee} (chosen arc {Chosen[mentee]} is not its own)");
        }

        var mentors = arcs.Mentor;
        var scores = arcs.Score;
        for (var arc = 0; arc < arcs.Count; arc++)
        {
            var slack = Value[mentees[arc]] + Price[mentors[arc]] - (matchWeight + scores[arc]);
            var chosen = Chosen[mentees[arc]] == arc;
            Require(chosen ? slack == 0 : slack >= 0, $"candidate pair {arc} (value + price - profit = {slack}, chosen: {chosen})");
            used[mentors[arc]] += chosen ? 1 : 0;
        }

        for (var mentee = 0; mentee < Value.Length; mentee++)
        {
            Require(Value[mentee] >= 0 && (Chosen[mentee] >= 0 || Value[mentee] == 0), $"mentee {mentee} (value {Value[mentee]})");
        }

        for (var mentor = 0; mentor < Price.Length; mentor++)
        {
            Require(
                used[mentor] <= mentorCapacity[mentor] && Price[mentor] >= 0 && (used[mentor] == mentorCapacity[mentor] || Price[mentor] == 0),
                $"mentor {mentor} (holds {used[mentor]} of {mentorCapacity[mentor]}, price {Price[mentor]})");
        }

        static void Require(bool condition, string where)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"The restricted solution is not proven optimal: its dual prices fail at {where}.");
            }
        }
    }
}
