using Mentoring.Matching.Engine;

namespace Mentoring.Matching.Tests;

/// <summary>
/// The incremental solver against independent answers on random restricted problems: every round of
/// a warm-started solve (pairs added in batches, as pricing adds them) must be exactly as good as a
/// fresh solve of the same pairs: by exhaustive search on small cases, by OR-Tools on larger ones.
/// </summary>
public sealed class IncrementalFlowTests
{
    public static TheoryData<int> SmallSeeds() => [.. Enumerable.Range(1, 300)];

    public static TheoryData<int> LargeSeeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(SmallSeeds))]
    public void Every_round_matches_exhaustive_search(int seed)
    {
        var random = new Random(seed);
        var problem = RandomProblem(random, menteeCount: random.Next(1, 7), mentorCount: random.Next(1, 6), arcsPerMentee: random.Next(0, 5), maxScore: random.Next(0, 8));

        foreach (var (arcs, chosen) in SolveInBatches(problem, random))
        {
            var expected = Exhaustive(problem, arcs);
            Assert.Equal(expected, Objective(problem, arcs, chosen));
        }
    }

    [Theory]
    [MemberData(nameof(LargeSeeds))]
    public void Every_round_matches_OR_Tools(int seed)
    {
        var random = new Random(seed);
        var menteeCount = random.Next(50, 400);

        // From scarce mentors (many mentees left out, long paths) to plenty.
        var mentorCount = random.Next(menteeCount / 4, menteeCount * 3);
        var problem = RandomProblem(random, menteeCount, mentorCount, arcsPerMentee: random.Next(1, 12), maxScore: random.Next(1, 20));
        var reference = new OrToolsFlowSolver();

        foreach (var (arcs, chosen) in SolveInBatches(problem, random))
        {
            var expected = reference.Start(problem.MenteeCount, problem.Capacity, PairProfit.MatchOnly(problem.MatchWeight)).Solve(arcs, CancellationToken.None).Chosen;
            Assert.Equal(Objective(problem, arcs, expected), Objective(problem, arcs, chosen));
        }
    }

    [Fact]
    public void A_mentee_moves_when_a_better_pair_arrives_and_its_old_mentor_is_refilled()
    {
        // Mentor 0 is wanted by both mentees; mentee 0 wins it first, then a better pair for mentee 0
        // arrives (mentor 1), so mentor 0's price must fall and mentee 1 take it.
        var problem = new Problem(2, [1, 1], 11, [(0, 0, 5), (1, 0, 3), (0, 1, 9)]);
        var flow = new IncrementalFlow(problem.MenteeCount, problem.Capacity, PairProfit.MatchOnly(problem.MatchWeight));
        var arcs = new CandidateArcs();
        arcs.Add(0, 0, 5);
        arcs.Add(1, 0, 3);
        Assert.Equal((1, 5L), Objective(problem, arcs, flow.Solve(arcs, CancellationToken.None).Chosen));

        arcs.Add(0, 1, 9);
        var chosen = flow.Solve(arcs, CancellationToken.None).Chosen;

        Assert.Equal([2, 1], chosen);
    }

    [Fact]
    public void Prices_that_do_not_prove_the_choice_are_refused()
    {
        // One mentee, two free mentors scoring 1 and 5, M = 6: only mentor 1 with value 11 is optimal.
        var arcs = new CandidateArcs();
        arcs.Add(0, 0, 1);
        arcs.Add(0, 1, 5);
        int[] capacity = [1, 1];

        new RestrictedSolution([1], [11], [0, 0]).Verify(arcs, capacity, PairProfit.MatchOnly(6));
        Assert.Throws<InvalidOperationException>(() => new RestrictedSolution([0], [7], [0, 0]).Verify(arcs, capacity, PairProfit.MatchOnly(6)));
        Assert.Throws<InvalidOperationException>(() => new RestrictedSolution([1], [11], [1, 0]).Verify(arcs, capacity, PairProfit.MatchOnly(6)));
        Assert.Throws<InvalidOperationException>(() => new RestrictedSolution([1], [10], [0, 0]).Verify(arcs, capacity, PairProfit.MatchOnly(6)));
        Assert.Throws<InvalidOperationException>(() => new RestrictedSolution([-1], [11], [0, 0]).Verify(arcs, capacity, PairProfit.MatchOnly(6)));

        // A choice must be the mentee's own arc: here mentee 0 claims mentee 1's pair and goes uncounted.
        var two = new CandidateArcs();
        two.Add(0, 0, 1);
        two.Add(1, 0, 5);
        Assert.Throws<InvalidOperationException>(() => new RestrictedSolution([1, 1], [0, 4], [7, 0]).Verify(two, capacity, PairProfit.MatchOnly(6)));
    }

    [Fact]
    public void A_cancelled_solve_stops()
    {
        var problem = RandomProblem(new Random(7), 300, 300, 8, 10);
        var arcs = new CandidateArcs();
        foreach (var (mentee, mentor, score) in problem.Pairs)
        {
            arcs.Add(mentee, mentor, score);
        }

        var flow = new IncrementalFlow(problem.MenteeCount, problem.Capacity, PairProfit.MatchOnly(problem.MatchWeight));

        Assert.ThrowsAny<OperationCanceledException>(() => flow.Solve(arcs, new CancellationToken(canceled: true)));
    }

    private sealed record Problem(int MenteeCount, int[] Capacity, long MatchWeight, List<(int Mentee, int Mentor, int Score)> Pairs);

    private static Problem RandomProblem(Random random, int menteeCount, int mentorCount, int arcsPerMentee, int maxScore)
    {
        var capacity = Enumerable.Range(0, mentorCount).Select(_ => random.Next(10) switch { 0 => 0, < 3 => 2, _ => 1 }).ToArray();
        var pairs = new List<(int, int, int)>();
        for (var mentee = 0; mentee < menteeCount; mentee++)
        {
            foreach (var mentor in Enumerable.Range(0, mentorCount).OrderBy(_ => random.Next()).Take(arcsPerMentee))
            {
                pairs.Add((mentee, mentor, random.Next(0, maxScore + 1)));
            }
        }

        return new Problem(menteeCount, capacity, ((long)menteeCount * Math.Max(1, maxScore)) + 1, pairs);
    }

    /// <summary>Adds the pairs in random order and batches, solving after each batch with one solver.</summary>
    private static IEnumerable<(CandidateArcs Arcs, int[] Chosen)> SolveInBatches(Problem problem, Random random)
    {
        var order = problem.Pairs.OrderBy(_ => random.Next()).ToList();
        var flow = new IncrementalFlow(problem.MenteeCount, problem.Capacity, PairProfit.MatchOnly(problem.MatchWeight));
        var arcs = new CandidateArcs();
        var next = 0;
        do
        {
            var batch = random.Next(1, Math.Max(2, order.Count / 2));
            for (; batch > 0 && next < order.Count; batch--, next++)
            {
                arcs.Add(order[next].Mentee, order[next].Mentor, order[next].Score);
            }

            var solution = flow.Solve(arcs, CancellationToken.None);
            solution.Verify(arcs, problem.Capacity, PairProfit.MatchOnly(problem.MatchWeight));
            yield return (arcs, solution.Chosen);
        }
        while (next < order.Count);
    }

    /// <summary>Mentees matched and total score of a valid choice (the test fails on an invalid one).</summary>
    private static (int Matched, long Total) Objective(Problem problem, CandidateArcs arcs, int[] chosen)
    {
        Assert.Equal(problem.MenteeCount, chosen.Length);
        var used = new int[problem.Capacity.Length];
        var matched = 0;
        var total = 0L;
        for (var mentee = 0; mentee < chosen.Length; mentee++)
        {
            if (chosen[mentee] < 0)
            {
                continue;
            }

            Assert.Equal(mentee, arcs.Mentee[chosen[mentee]]);
            var mentor = arcs.Mentor[chosen[mentee]];
            Assert.True(++used[mentor] <= problem.Capacity[mentor], $"mentor {mentor} over capacity");
            matched++;
            total += arcs.Score[chosen[mentee]];
        }

        return (matched, total);
    }

    /// <summary>The best (matched, total) over every assignment of the arcs, by trying them all.</summary>
    private static (int Matched, long Total) Exhaustive(Problem problem, CandidateArcs arcs)
    {
        var byMentee = Enumerable.Range(0, problem.MenteeCount)
            .Select(k => Enumerable.Range(0, arcs.Count).Where(a => arcs.Mentee[a] == k).ToArray())
            .ToArray();
        var used = new int[problem.Capacity.Length];
        var best = (Matched: 0, Total: 0L);

        void Try(int mentee, int matched, long total)
        {
            if (mentee == problem.MenteeCount)
            {
                if (matched > best.Matched || (matched == best.Matched && total > best.Total))
                {
                    best = (matched, total);
                }

                return;
            }

            Try(mentee + 1, matched, total);
            foreach (var arc in byMentee[mentee])
            {
                var mentor = arcs.Mentor[arc];
                if (used[mentor] < problem.Capacity[mentor])
                {
                    used[mentor]++;
                    Try(mentee + 1, matched + 1, total + arcs.Score[arc]);
                    used[mentor]--;
                }
            }
        }

        Try(0, 0, 0);
        return best;
    }
}
