namespace Mentoring.Matching.Engine;

/// <summary>Each mentee's best few feasible mentors, by score or by score less price: the candidates a solve starts from.</summary>
internal static class TopCandidates
{
    /// <returns>For each mentee (aligned with <paramref name="mentees"/>), its best mentors and their scores, best first.</returns>
    public static (int Mentor, int Score)[][] Find(MentorIndex index, int[] mentees, int scoreFloor, int keep, MentorPrices? prices, CancellationToken cancellationToken)
    {
        var found = new (int Mentor, int Score)[mentees.Length][];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, mentees.Length, options, () => new BestCandidates(keep), (k, _, best) =>
        {
            best.Clear();
            var cursor = index.Cursor(mentees[k], scoreFloor, prices);
            while (cursor.MoveNext(best.IsFull ? best.WeakestKey : long.MinValue + 1))
            {
                best.Offer(cursor.Mentor, cursor.Score, cursor.Score - (prices?.Of(cursor.Mentor) ?? 0), cursor.Visited);
            }

            found[k] = best.ToArray();
            return best;
        }, _ => { });
        return found;
    }
}
