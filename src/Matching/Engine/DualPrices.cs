namespace Mentoring.Matching.Engine;

/// <summary>
/// Node potentials that certify an optimal restricted flow: each node's shortest distance to the
/// sink in the residual network (Bellman-Ford, queue-based). Every residual arc then has a
/// non-negative reduced cost, so a pair left out of the restricted set can improve the flow only if
/// its own reduced cost <c>-profit + D(mentor) - D(mentee)</c> is negative: the pricing test.
/// <para>
/// Distances to the sink are the tightest such prices for pricing: a mentor with spare capacity is
/// worth 0, and each mentee's value <c>-D(mentee)</c> is as high as the flow allows, so few excluded
/// pairs look attractive. (Distances from a virtual root would price every unlisted mentor at 0
/// against mentees priced near <c>-M</c>, and every excluded pair would look improving.)
/// </para>
/// </summary>
internal static class DualPrices
{
    /// <returns>Potentials: local mentees 0..n-1, mentors n..n+m-1, the sink last.</returns>
    public static long[] Compute(int menteeCount, int[] mentorCapacity, CandidateArcs arcs, long[] profit, int[] chosen)
    {
        var mentorCount = mentorCapacity.Length;
        var nodeCount = menteeCount + mentorCount + 1;
        var sink = nodeCount - 1;
        var used = new int[mentorCount];
        var mentors = arcs.Mentor;
        foreach (var arc in chosen)
        {
            if (arc >= 0)
            {
                used[mentors[arc]]++;
            }
        }

        var residual = new ResidualGraph(nodeCount, arcs.Count + menteeCount + (2 * mentorCount));
        var mentees = arcs.Mentee;
        for (var a = 0; a < arcs.Count; a++)
        {
            var mentorNode = menteeCount + mentors[a];
            if (chosen[mentees[a]] == a)
            {
                residual.Add(mentorNode, mentees[a], profit[a]);
            }
            else
            {
                residual.Add(mentees[a], mentorNode, -profit[a]);
            }
        }

        for (var i = 0; i < menteeCount; i++)
        {
            if (chosen[i] >= 0)
            {
                residual.Add(i, sink, 0);
            }
            else
            {
                residual.Add(sink, i, 0);
            }
        }

        for (var j = 0; j < mentorCount; j++)
        {
            if (used[j] < mentorCapacity[j])
            {
                residual.Add(menteeCount + j, sink, 0);
            }

            if (used[j] > 0)
            {
                residual.Add(sink, menteeCount + j, 0);
            }
        }

        return residual.DistancesTo(sink);
    }

    /// <summary>A compact adjacency (CSR) built once from an arc list.</summary>
    private sealed class ResidualGraph(int nodeCount, int capacity)
    {
        private const long Unreached = long.MaxValue;

        private readonly int[] _from = new int[capacity];
        private readonly int[] _to = new int[capacity];
        private readonly long[] _cost = new long[capacity];
        private int _count;

        public void Add(int from, int to, long cost)
        {
            _from[_count] = from;
            _to[_count] = to;
            _cost[_count] = cost;
            _count++;
        }

        /// <summary>
        /// Each node's shortest distance to <paramref name="target"/>, found on the reversed arcs.
        /// A node that cannot reach it (a mentee with no candidate) gets 0, which keeps every arc
        /// into it non-negative: its only one is the sink's zero-cost arc back to it.
        /// </summary>
        public long[] DistancesTo(int target)
        {
            var start = new int[nodeCount + 1];
            for (var a = 0; a < _count; a++)
            {
                start[_to[a] + 1]++;
            }

            for (var v = 0; v < nodeCount; v++)
            {
                start[v + 1] += start[v];
            }

            var head = new int[_count];
            var cost = new long[_count];
            var fill = start[..nodeCount];
            for (var a = 0; a < _count; a++)
            {
                var slot = fill[_to[a]]++;
                head[slot] = _from[a];
                cost[slot] = _cost[a];
            }

            var distance = new long[nodeCount];
            Array.Fill(distance, Unreached);
            distance[target] = 0;
            var queued = new bool[nodeCount];
            var queue = new Queue<int>(nodeCount);
            queue.Enqueue(target);
            queued[target] = true;

            // Relaxations are bounded: an optimal flow has no negative residual cycle.
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                queued[v] = false;
                var dv = distance[v];
                for (var a = start[v]; a < start[v + 1]; a++)
                {
                    var w = head[a];
                    var candidate = dv + cost[a]; // arc w → v: D(w) ≤ cost + D(v)
                    if (candidate < distance[w])
                    {
                        distance[w] = candidate;
                        if (!queued[w])
                        {
                            queued[w] = true;
                            queue.Enqueue(w);
                        }
                    }
                }
            }

            for (var v = 0; v < nodeCount; v++)
            {
                if (distance[v] == Unreached)
                {
                    distance[v] = 0;
                }
            }

            return distance;
        }
    }
}
