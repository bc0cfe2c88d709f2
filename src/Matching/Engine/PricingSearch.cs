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
internal sealed class PricingSearch(CompiledProblem problem, IAssignmentSolver solver, SearchLimits limits)
{
    /// <summary>Candidates kept per mentee at the start, and pairs added per mentee per round.</summary>
    internal const int CandidatesPerMentee = 12;

    public sealed record Outcome(int[] MentorOf, int[] ScoreOf, bool Proven, ObjectiveBound? Bound, int Rounds, long Candidates);

    /// <param name="mentees">The problem's mentee indexes to match.</param>
    /// <param name="mentorCapacity">Capacity left for each of the problem's mentors.</param>
    /// <param name="scoreFloor">Pairs scoring below this are left out (fairness); <see cref="int.MinValue"/> for none.</param>
    /// <param name="initial">First candidates for each mentee, if a scan already found them.</param>
    /// <param name="cancellationToken">Checked between rounds and while pricing.</param>
    public Outcome Solve(int[] mentees, int[] mentorCapacity, int scoreFloor, CandidateScan.Result? initial, CancellationToken cancellationToken)
    {
        var menteeCount = mentees.Length;
        var bigM = checked(((long)menteeCount * Math.Max(1, problem.MaxPairScore)) + 1);
        initial ??= CandidateScan.Run(problem, mentees, mentorCapacity, scoreFloor, CandidatesPerMentee, cancellationToken);

        // The best score each mentee can reach at all bounds its pricing scan; -1 means no candidate.
        var bestScore = initial.TopScores.Select(scores => scores.Length > 0 ? scores[0] : -1).ToArray();
        var arcs = new CandidateArcs();
        for (var k = 0; k < menteeCount; k++)
        {
            for (var c = 0; c < initial.TopMentors[k].Length; c++)
            {
                arcs.Add(k, initial.TopMentors[k][c], initial.TopScores[k][c]);
            }
        }

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

            var chosen = solver.Solve(menteeCount, mentorCapacity, arcs, profit);
            var potential = DualPrices.Compute(menteeCount, mentorCapacity, arcs, profit, chosen);
            rounds++;
            var pricing = Price(mentees, mentorCapacity, bestScore, scoreFloor, bigM, arcs, chosen, potential, cancellationToken);
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

                var bound = proven ? null : BoundFrom(profitSum + pricing.TotalViolation, bigM);
                return new Outcome(mentorOf, scoreOf, proven, bound, rounds, arcs.Count);
            }

            foreach (var (mentee, mentor, score) in pricing.Added)
            {
                arcs.Add(mentee, mentor, score);
            }
        }
    }

    /// <summary>
    /// The Lagrangian bound: no assignment's profit exceeds the current one plus every excluded
    /// pair's violation. Profit is <c>M × matched + total</c>, so the bound splits the same way.
    /// </summary>
    private static ObjectiveBound BoundFrom(long profitBound, long bigM) =>
        new((int)(profitBound / bigM), profitBound % bigM);

    private sealed record Pricing(List<(int Mentee, int Mentor, int Score)> Added, long TotalViolation);

    /// <summary>
    /// Finds excluded pairs with negative reduced cost. With <c>D</c> the distances to the sink, a
    /// pair (i, j) violates when <c>score - D(j) &gt; -M - D(i)</c>. Scanning mentors by rising
    /// price <c>D(j)</c> lets each mentee stop as soon as even its best score could not violate.
    /// </summary>
    private Pricing Price(int[] mentees, int[] mentorCapacity, int[] bestScore, int scoreFloor, long bigM, CandidateArcs arcs, int[] chosen, long[] potential, CancellationToken cancellationToken)
    {
        var menteeCount = mentees.Length;
        var byPrice = Enumerable.Range(0, problem.MentorCount)
            .Where(j => mentorCapacity[j] > 0)
            .OrderBy(j => potential[menteeCount + j])
            .ThenBy(j => j)
            .ToArray();
        var price = byPrice.Select(j => potential[menteeCount + j]).ToArray();

        var found = new (int Mentor, int Score)[menteeCount][];
        var violation = new long[menteeCount];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, menteeCount, options, () => new CandidateScan.TopList(CandidatesPerMentee), (k, _, best) =>
        {
            best.Clear();
            var limit = -bigM - potential[k];
            var current = chosen[k] >= 0 ? arcs.Mentor[chosen[k]] : -1;
            var mentee = mentees[k];
            var sum = 0L;
            for (var position = 0; position < byPrice.Length && bestScore[k] - price[position] > limit; position++)
            {
                var mentor = byPrice[position];
                if (mentor == current)
                {
                    continue;
                }

                var score = problem.ScoreIfFeasible(mentee, mentor);
                var excess = score - price[position] - limit;
                if (score >= 0 && score >= scoreFloor && excess > 0)
                {
                    sum += excess;
                    best.Offer(mentor, score, excess, CandidateScan.PairHash(mentee, mentor));
                }
            }

            violation[k] = sum;
            found[k] = Enumerable.Range(0, best.Count).Select(c => (best.MentorAt(c), best.ScoreAt(c))).ToArray();
            return best;
        }, _ => { });

        var added = new List<(int, int, int)>();
        for (var k = 0; k < menteeCount; k++)
        {
            added.AddRange(found[k].Select(f => (k, f.Mentor, f.Score)));
        }

        return new Pricing(added, violation.Sum());
    }
}
