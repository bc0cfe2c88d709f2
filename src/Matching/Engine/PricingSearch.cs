namespace Mentoring.Matching.Engine;

/// <summary>
/// Exact lexicographic assignment ("most mentees matched, then highest total score") without
/// building every pair: solve on a few candidates per mentee, price every excluded pair against
/// the optimal flow's dual prices, add the pairs that could improve it, and repeat until none can.
/// <para>
/// Each pair's profit is <c>M + score</c> with <c>M</c> larger than any total score, so one more
/// match always outweighs any gain in score: the order of the two objectives is exact, and the
/// single dual certificate proves both.
/// </para>
/// </summary>
internal sealed class PricingSearch(MentorIndex index, IAssignmentSolver solver, SearchLimits limits)
{
    /// <summary>Candidates kept per mentee at the start, and pairs added per mentee per round.</summary>
    internal const int CandidatesPerMentee = 12;

    public sealed record Outcome(int[] MentorOf, int[] ScoreOf, bool Proven, ObjectiveBound? Bound, int Rounds, long Candidates);

    /// <param name="mentees">The problem's mentee indexes to match.</param>
    /// <param name="mentorCapacity">Capacity left for each of the problem's mentors.</param>
    /// <param name="scoreFloor">Pairs scoring below this are left out (fairness); 0 for none.</param>
    /// <param name="cancellationToken">Checked between rounds and while pricing.</param>
    public Outcome Solve(int[] mentees, int[] mentorCapacity, int scoreFloor, CancellationToken cancellationToken)
    {
        var menteeCount = mentees.Length;
        var bigM = checked(((long)menteeCount * Math.Max(1, index.Problem.MaxPairScore)) + 1);

        // First candidates: each mentee's auction winner and its best mentors net of auction prices.
        var (price, winner) = AuctionPrices.Run(index, mentees, mentorCapacity, scoreFloor, cancellationToken);
        var initial = TopCandidates.Find(index, mentees, scoreFloor, CandidatesPerMentee, new MentorPrices(index, price), cancellationToken);
        var arcs = new CandidateArcs();
        for (var k = 0; k < menteeCount; k++)
        {
            foreach (var (mentor, score) in initial[k])
            {
                arcs.Add(k, mentor, score);
            }

            if (winner[k] >= 0 && !initial[k].Any(c => c.Mentor == winner[k]))
            {
                arcs.Add(k, winner[k], index.Problem.ScoreIfFeasible(mentees[k], winner[k]));
            }
        }

        var restricted = solver.Start(menteeCount, mentorCapacity, bigM);
        var rounds = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var profit = new long[arcs.Count];
            var scores = arcs.Score;
            for (var a = 0; a < profit.Length; a++)
            {
                profit[a] = bigM + scores[a];
            }

            var chosen = restricted.Solve(arcs, cancellationToken);
            var potential = DualPrices.Compute(menteeCount, mentorCapacity, arcs, profit, chosen);
            rounds++;
            var pricing = Price(mentees, scoreFloor, bigM, potential, cancellationToken);
            limits.Report(new MatchingProgress(rounds, arcs.Count, pricing.Added.Count));

            if (pricing.Added.Count == 0 || limits.Expired)
            {
                var proven = pricing.Added.Count == 0;

                var mentorOf = new int[menteeCount];
                var scoreOf = new int[menteeCount];
                var profitSum = 0L;
                for (var k = 0; k < menteeCount; k++)
                {
                    mentorOf[k] = chosen[k] >= 0 ? arcs.Mentor[chosen[k]] : -1;
                    scoreOf[k] = chosen[k] >= 0 ? arcs.Score[chosen[k]] : 0;
                    profitSum += chosen[k] >= 0 ? profit[chosen[k]] : 0;
                }

                var bound = proven ? null : BoundFrom(profitSum + pricing.BestGains, bigM, Math.Min(menteeCount, mentorCapacity.Sum()), index.Problem.MaxPairScore);
                return new Outcome(mentorOf, scoreOf, proven, bound, rounds, arcs.Count);
            }

            foreach (var (mentee, mentor, score) in pricing.Added)
            {
                arcs.Add(mentee, mentor, score);
            }
        }
    }

    /// <summary>
    /// The dual bound. Raising each mentee's value by its best gain makes the prices feasible for
    /// every pair in the pool, so by weak duality no assignment's profit exceeds the current profit
    /// plus the sum of each mentee's best gain. Profit is <c>M × matched + total</c>, so the bound
    /// splits the same way; neither part can exceed what the mentees and capacities allow.
    /// </summary>
    private static ObjectiveBound BoundFrom(long profitBound, long bigM, int mostMatched, int maxPairScore)
    {
        var matched = (int)Math.Min(profitBound / bigM, mostMatched);
        return new ObjectiveBound(matched, Math.Min(profitBound - (bigM * matched), (long)matched * maxPairScore));
    }

    /// <param name="Added">The best improving pairs of each mentee.</param>
    /// <param name="BestGains">The sum over mentees of each one's best gain.</param>
    private sealed record Pricing(List<(int Mentee, int Mentor, int Score)> Added, long BestGains);

    /// <summary>
    /// Finds excluded pairs with negative reduced cost. With potentials <c>π</c> (a mentor's price
    /// <c>π(j) ≥ 0</c>, a mentee's value <c>-π(i)</c>), a pair (i, j) improves the flow when
    /// <c>score - π(j) &gt; -M - π(i)</c>: only mentors scoring above <c>-M - π(i)</c> can, and the
    /// index walks exactly those, and stops once a mentee's list of best gains is full and no
    /// remaining score could beat its weakest.
    /// </summary>
    private Pricing Price(int[] mentees, int scoreFloor, long bigM, long[] potential, CancellationToken cancellationToken)
    {
        var menteeCount = mentees.Length;
        var maxScore = index.Problem.MaxPairScore;
        var prices = new MentorPrices(index, potential[menteeCount..^1]);
        var found = new (int Mentor, int Score)[menteeCount][];
        var bestGain = new long[menteeCount];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, menteeCount, options, () => new BestCandidates(CandidatesPerMentee), (k, _, best) =>
        {
            best.Clear();
            found[k] = [];
            var limit = -bigM - potential[k];
            if (limit >= maxScore)
            {
                return best;
            }

            var cursor = index.Cursor(mentees[k], scoreFloor, prices);
            // A mentee's own pair has a gain of exactly 0 (complementary slackness), so the strict walk never returns it.
            while (cursor.MoveNext(best.IsFull ? limit + best.WeakestKey : limit))
            {
                best.Offer(cursor.Mentor, cursor.Score, cursor.Score - prices.Of(cursor.Mentor) - limit, cursor.Visited);
            }

            bestGain[k] = best.Count > 0 ? best.StrongestKey : 0;
            found[k] = best.ToArray();
            return best;
        }, _ => { });

        var added = new List<(int, int, int)>();
        for (var k = 0; k < menteeCount; k++)
        {
            added.AddRange(found[k].Select(f => (k, f.Mentor, f.Score)));
        }

        return new Pricing(added, bestGain.Sum());
    }
}
