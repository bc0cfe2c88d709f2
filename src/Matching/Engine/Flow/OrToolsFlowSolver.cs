using Google.OrTools.Graph;

namespace Mentoring.Matching.Engine;

/// <summary>
/// The assignment as a flow in OR-Tools: every mentee supplies one unit that may reach the sink
/// through a mentor (capacity 1, cost = -score); each mentor passes at most its capacity on.
/// OR-Tools' maximum flow with minimum cost is exactly "most matched, then highest total", and with
/// costs this small its cost scaling needs few phases (profits of <c>M + score</c>, which the dual
/// certificate works with, would need many).
/// </summary>
internal sealed class OrToolsFlowSolver : IAssignmentSolver
{
    public string Name => "OR-Tools max-flow min-cost";

    public IRestrictedAssignment Start(int menteeCount, int[] mentorCapacity, PairProfit profit) => new Restricted(menteeCount, mentorCapacity, profit);

    /// <summary>
    /// Each round solves from scratch and reads the dual prices off the flow (<see cref="DualPrices"/>).
    /// A native solve cannot be interrupted, so a cancellable one runs aside and the caller stops
    /// waiting the moment it is cancelled; the abandoned solve finishes and is dropped.
    /// </summary>
    private sealed class Restricted(int menteeCount, int[] mentorCapacity, PairProfit pairProfit) : IRestrictedAssignment
    {
        public RestrictedSolution Solve(CandidateArcs arcs, CancellationToken cancellationToken)
        {
            var profit = new long[arcs.Count];
            for (var arc = 0; arc < profit.Length; arc++)
            {
                profit[arc] = pairProfit.Of(arcs, arc);
            }

            // Maximum flow first, so the cost needs only the levels below "matched": -(K × kept + score).
            var cost = profit.Select(p => pairProfit.MatchWeight - p).ToArray();
            var chosen = cancellationToken.CanBeCanceled
                ? Task.Run(() => SolveFlow(menteeCount, mentorCapacity, arcs, cost), CancellationToken.None).WaitAsync(cancellationToken).GetAwaiter().GetResult()
                : SolveFlow(menteeCount, mentorCapacity, arcs, cost);

            var potential = DualPrices.Compute(menteeCount, mentorCapacity, arcs, profit, chosen);
            return new RestrictedSolution(chosen, [.. potential[..menteeCount].Select(p => -p)], potential[menteeCount..^1]);
        }
    }

    private static int[] SolveFlow(int menteeCount, int[] mentorCapacity, CandidateArcs arcs, long[] cost)
    {
        // Only mentors on some candidate arc become nodes: at scale most mentors are on none.
        var mentees = arcs.Mentee;
        var mentors = arcs.Mentor;
        var node = new int[mentorCapacity.Length];
        Array.Fill(node, -1);
        var nodeMentors = new List<int>();
        foreach (var mentor in mentors)
        {
            if (node[mentor] < 0)
            {
                node[mentor] = menteeCount + nodeMentors.Count;
                nodeMentors.Add(mentor);
            }
        }

        var sink = menteeCount + nodeMentors.Count;
        using var flow = new MinCostFlow(sink + 1, arcs.Count + nodeMentors.Count);
        for (var i = 0; i < menteeCount; i++)
        {
            flow.SetNodeSupply(i, 1);
        }

        flow.SetNodeSupply(sink, -menteeCount);
        for (var a = 0; a < arcs.Count; a++)
        {
            flow.AddArcWithCapacityAndUnitCost(mentees[a], node[mentors[a]], 1, cost[a]);
        }

        foreach (var mentor in nodeMentors)
        {
            flow.AddArcWithCapacityAndUnitCost(node[mentor], sink, mentorCapacity[mentor], 0);
        }

        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"OR-Tools max-flow min-cost returned {status}.");
        }

        var chosen = new int[menteeCount];
        Array.Fill(chosen, -1);
        for (var a = 0; a < arcs.Count; a++)
        {
            if (flow.Flow(a) > 0)
            {
                chosen[mentees[a]] = a;
            }
        }

        return chosen;
    }
}
