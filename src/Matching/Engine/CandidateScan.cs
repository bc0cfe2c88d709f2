namespace Mentoring.Matching.Engine;

/// <summary>
/// Looks at every (mentee, mentor) pair once: counts each mentee's feasible mentors and keeps its
/// best few as the first candidates. Ties are broken by a fixed hash of the pair, so mentees with
/// equal tastes spread over different mentors instead of all queuing for the first one.
/// </summary>
internal static class CandidateScan
{
    public sealed record Result(int[] FeasibleCount, int[][] TopMentors, int[][] TopScores);

    public static Result Run(CompiledProblem problem, int[] mentees, int[] mentorCapacity, int scoreFloor, int keep, CancellationToken cancellationToken)
    {
        var feasible = new int[mentees.Length];
        var topMentors = new int[mentees.Length][];
        var topScores = new int[mentees.Length][];
        var mentors = Enumerable.Range(0, problem.MentorCount).Where(j => mentorCapacity[j] > 0).ToArray();
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, mentees.Length, options, () => new TopList(keep), (k, _, best) =>
        {
            best.Clear();
            var mentee = mentees[k];
            var count = 0;
            foreach (var mentor in mentors)
            {
                var score = problem.ScoreIfFeasible(mentee, mentor);
                if (score >= 0)
                {
                    count++;
                    if (score >= scoreFloor)
                    {
                        best.Offer(mentor, score, PairHash(mentee, mentor));
                    }
                }
            }

            feasible[k] = count;
            (topMentors[k], topScores[k]) = best.ToArrays();
            return best;
        }, _ => { });
        return new Result(feasible, topMentors, topScores);
    }

    /// <summary>A fixed, well-mixed hash of a pair: the deterministic tie-breaker.</summary>
    public static uint PairHash(int mentee, int mentor)
    {
        var h = ((uint)mentee * 0x9E3779B1u) ^ ((uint)mentor * 0x85EBCA77u);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return h;
    }

    /// <summary>The best <c>keep</c> offers by key (higher first), then by hash (lower first).</summary>
    internal sealed class TopList(int keep)
    {
        private readonly int[] _mentor = new int[keep];
        private readonly long[] _key = new long[keep];
        private readonly uint[] _hash = new uint[keep];
        private readonly int[] _score = new int[keep];

        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public void Offer(int mentor, int score, uint hash) => Offer(mentor, score, score, hash);

        /// <summary>Offers a mentor ranked by <paramref name="key"/>, remembering <paramref name="score"/>.</summary>
        public void Offer(int mentor, int score, long key, uint hash)
        {
            if (keep == 0 || (Count == keep && !Beats(key, hash, Count - 1)))
            {
                return;
            }

            var position = Count == keep ? keep - 1 : Count++;
            while (position > 0 && Beats(key, hash, position - 1))
            {
                _mentor[position] = _mentor[position - 1];
                _key[position] = _key[position - 1];
                _hash[position] = _hash[position - 1];
                _score[position] = _score[position - 1];
                position--;
            }

            _mentor[position] = mentor;
            _key[position] = key;
            _hash[position] = hash;
            _score[position] = score;
        }

        public (int[] Mentors, int[] Scores) ToArrays() => (_mentor[..Count], _score[..Count]);

        public int MentorAt(int index) => _mentor[index];

        public int ScoreAt(int index) => _score[index];

        public long KeyAt(int index) => _key[index];

        private bool Beats(long key, uint hash, int index) => key > _key[index] || (key == _key[index] && hash < _hash[index]);
    }
}
