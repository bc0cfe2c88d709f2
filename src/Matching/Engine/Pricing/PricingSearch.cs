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
/// <param name="index">The mentor index over the mentors with capacity.</param>
/// <param name="solver">The exact restricted solver.</param>
/// <param name="limits">Time limit and progress.</param>
/// <param name="currentMentor">
/// Each of the problem's mentees' current mentor when that pair is feasible now, else -1 (v2 <c>currentPairs</c>;
/// empty for none): those pairs are always candidates and earn the kept level of the profit.
/// </param>
internal sealed class PricingSearch(MentorIndex index, IAssignmentSolver solver, SearchLimits limits, int[] currentMentor)
{
    /// <summary>What one search found.</summary>
    /// <param name="MentorOf">Each local mentee's mentor, or -1.</param>
    /// <param name="ScoreOf">Each local mentee's pair score (0 when unmatched).</param>
    /// <param name="Proven">Whether the dual certificate proves the assignment optimal for the whole pool.</param>
    /// <param name="Bound">When not proven: what no assignment can beat.</param>
    /// <param name="Rounds">Pricing rounds made.</param>
    /// <param name="Arcs">The candidate pairs the search ended with, which a later search of the same mentees can start from.</param>
    /// <param name="Kept">Current pairs kept.</param>
    /// <param name="Solution">The last restricted solution with its dual prices (local mentees).</param>
    /// <param name="Profit">The profits the search maximised.</param>
    public sealed record Outcome(int[] MentorOf, int[] ScoreOf, bool Proven, ObjectiveBound? Bound, int Rounds, CandidateArcs Arcs, int Kept, RestrictedSolution Solution, PairProfit Profit)
    {
        public long Candidates => Arcs.Count;

        public int Matched => MentorOf.Count(m => m >= 0);
    }

    /// <param name="mentees">The problem's mentee indexes to match.</param>
    /// <param name="mentorCapacity">Capacity left for each of the problem's mentors.</param>
    /// <param name="scoreFloor">Pairs scoring below this are left out (fairness); 0 for none.</param>
    /// <param name="cancellationToken">Checked between rounds and while pricing.</param>
    /// <param name="startFrom">
    /// Candidates of an earlier search of the same mentees (the fairness bisection's last success): those at
    /// or above the floor are the first candidates, instead of an auction's. Only a start: pricing still
    /// brings in whatever the optimum needs.
    /// </param>
    public Outcome Solve(int[] mentees, int[] mentorCapacity, int scoreFloor, CancellationToken cancellationToken, CandidateArcs? startFrom = null)
    {
        var menteeCount = mentees.Length;
        var localCurrent = currentMentor.Length == 0 ? [] : mentees.Select(m => currentMentor[m]).ToArray();
        var profit = PairProfit.For(menteeCount, index.Problem.MaxPairScore, localCurrent);
        var bigM = profit.MatchWeight;
        var arcs = startFrom is null ? FirstCandidates(mentees, mentorCapacity, scoreFloor, cancellationToken) : AtOrAbove(startFrom, scoreFloor);
        AddCurrentPairs(arcs, mentees, localCurrent, scoreFloor);

        var restricted = solver.Start(menteeCount, mentorCapacity, profit);
        var pricing = new ExcludedPairPricing(index, mentees, scoreFloor, bigM);
        var rounds = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var solution = restricted.Solve(arcs, cancellationToken);
            rounds++;
            var excluded = pricing.Price(solution.Value, solution.Price, cancellationToken);
            limits.Report(new MatchingProgress(rounds, arcs.Count, excluded.Added.Count));

            if (excluded.Added.Count == 0 || limits.Expired)
            {
                // Both the certificate and the bound rest on these prices: check them before either is claimed.
                // (Earlier rounds' prices only chose which pairs to add, so they need no check.)
                solution.Verify(arcs, mentorCapacity, profit);
                var proven = excluded.Added.Count == 0;
                var mentorOf = new int[menteeCount];
                var scoreOf = new int[menteeCount];
                var profitSum = 0L;
                var kept = 0;
                for (var k = 0; k < menteeCount; k++)
                {
                    var chosen = solution.Chosen[k];
                    mentorOf[k] = chosen >= 0 ? arcs.Mentor[chosen] : -1;
                    scoreOf[k] = chosen >= 0 ? arcs.Score[chosen] : 0;
                    profitSum += chosen >= 0 ? profit.Of(arcs, chosen) : 0;
                    kept += chosen >= 0 && profit.IsCurrent(k, mentorOf[k]) ? 1 : 0;
                }

                var bound = proven ? null : BoundFrom(profitSum + excluded.BestGains, bigM, Math.Min(menteeCount, mentorCapacity.Sum()), index.Problem.MaxPairScore);
                return new Outcome(mentorOf, scoreOf, proven, bound, rounds, arcs, kept, solution, profit);
            }

            foreach (var (mentee, mentor, score) in excluded.Added)
            {
                arcs.Add(mentee, mentor, score);
            }
        }
    }

    /// <summary>Each mentee's auction winner and its best mentors net of auction prices.</summary>
    private CandidateArcs FirstCandidates(int[] mentees, int[] mentorCapacity, int scoreFloor, CancellationToken cancellationToken)
    {
        var (price, winner) = AuctionPrices.Run(index, mentees, mentorCapacity, scoreFloor, cancellationToken);
        var initial = TopCandidates.Find(index, mentees, scoreFloor, ExcludedPairPricing.PairsPerMentee, new MentorPrices(index, price), cancellationToken);
        var arcs = new CandidateArcs();
        for (var k = 0; k < mentees.Length; k++)
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

        return arcs;
    }

    /// <summary>Each mentee's current pair (feasible now, at or above the floor) is a candidate from the start, never priced.</summary>
    private void AddCurrentPairs(CandidateArcs arcs, int[] mentees, int[] localCurrent, int scoreFloor)
    {
        if (localCurrent.Length == 0)
        {
            return;
        }

        var present = new HashSet<long>();
        for (var arc = 0; arc < arcs.Count; arc++)
        {
            present.Add(CompiledProblem.PairKey(arcs.Mentee[arc], arcs.Mentor[arc]));
        }

        for (var k = 0; k < mentees.Length; k++)
        {
            var mentor = localCurrent[k];
            if (mentor >= 0 && !present.Contains(CompiledProblem.PairKey(k, mentor)) && index.Problem.ScoreIfFeasible(mentees[k], mentor) is var score && score >= scoreFloor)
            {
                arcs.Add(k, mentor, score);
            }
        }
    }

    private static CandidateArcs AtOrAbove(CandidateArcs earlier, int scoreFloor)
    {
        var arcs = new CandidateArcs();
        for (var arc = 0; arc < earlier.Count; arc++)
        {
            if (earlier.Score[arc] >= scoreFloor)
            {
                arcs.Add(earlier.Mentee[arc], earlier.Mentor[arc], earlier.Score[arc]);
            }
        }

        return arcs;
    }

    /// <summary>
    /// The dual bound. Raising each mentee's value by its best gain makes the prices feasible for
    /// every pair in the pool, so by weak duality no assignment's profit exceeds the current profit
    /// plus the sum of each mentee's best gain. Profit is <c>M × matched + total</c>, so the bound
    /// splits the same way; neither part can exceed what the mentees and capacities allow.
    /// </summary>
    private static ObjectiveBound BoundFrom(long profitBound, long bigM, int mostMatched, int maxPairScore)
    {
        // With current pairs what is left after the matches is K × kept + total, so it bounds the total too.
        var matched = (int)Math.Min(profitBound / bigM, mostMatched);
        return new ObjectiveBound(matched, Math.Min(profitBound - (bigM * matched), (long)matched * maxPairScore));
    }
}
