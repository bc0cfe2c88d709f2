using Google.OrTools.Graph;

namespace Mentoring.Matching.Engine;

/// <summary>
/// The assignment as a min-cost flow in OR-Tools: every mentee supplies one unit, which reaches the
/// sink through a mentor (cost = -profit, capacity 1) or through its own zero-cost "unmatched" arc;
/// each mentor passes at most its capacity on to the sink.
/// </summary>
internal sealed class OrToolsFlowSolver : IAssignmentSolver
{
    public string Name => "OR-Tools min-cost flow";

    public int[] Solve(int menteeCount, int[] mentorCapacity, CandidateArcs arcs, long[] profit)
    {
        var mentorCount = mentorCapacity.Length;
        var sink = menteeCount + mentorCount;
        using var flow = new MinCostFlow(sink + 1, arcs.Count + menteeCount + mentorCount);
        for (var i = 0; i < menteeCount; i++)
        {
            flow.SetNodeSupply(i, 1);
        }

        flow.SetNodeSupply(sink, -menteeCount);

        var mentees = arcs.Mentee;
        var mentors = arcs.Mentor;
        for (var a = 0; a < arcs.Count; a++)
        {
            flow.AddArcWithCapacityAndUnitCost(mentees[a], menteeCount + mentors[a], 1, -profit[a]);
        }

        for (var i = 0; i < menteeCount; i++)
        {
            flow.AddArcWithCapacityAndUnitCost(i, sink, 1, 0);
        }

        for (var j = 0; j < mentorCount; j++)
        {
            if (mentorCapacity[j] > 0)
            {
                flow.AddArcWithCapacityAndUnitCost(menteeCount + j, sink, mentorCapacity[j], 0);
            }
        }

        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            // Every mentee can always stay unmatched, so the flow is feasible by construction.
            throw new InvalidOperationException($"OR-Tools min-cost flow returned {status} on a feasible network.");
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
