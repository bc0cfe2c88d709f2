namespace Mentoring.Matching.Engine;

/// <summary>Each mentee's best few feasible mentors: the candidates a solve starts from.</summary>
internal static class TopCandidates
{
    /// <returns>For each mentee (aligned with <paramref name="mentees"/>), its best mentors and their scores, best first.</returns>
    public static (int Mentor, int Score)[][] Find(MentorIndex index, int[] mentees, int scoreFloor, int keep, CancellationToken cancellationToken)
    {
        var found = new (int Mentor, int Score)[mentees.Length][];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, mentees.Length, options, () => new BestCandidates(keep), (k, _, best) =>
        {
            best.Clear();
            var cursor = index.Cursor(mentees[k], scoreFloor);
            while (cursor.MoveNext(best.IsFull ? best.WeakestKey : -1))
            {
                best.Offer(cursor.Mentor, cursor.Score, cursor.Score, cursor.Visited);
            }

            found[k] = best.ToArray();
            return best;
        }, _ => { });
        return found;
    }
}
