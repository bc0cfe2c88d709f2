namespace Mentoring.Matching.Engine;

/// <summary>
/// Dual prices that certify an optimal restricted flow and make pricing as selective as it can be.
/// <para>
/// In assignment terms a mentee has a value <c>u ≥ 0</c> and a mentor a price <c>v ≥ 0</c>, with
/// <c>u + v ≥ profit</c> on every candidate pair, equality on every chosen pair, <c>u = 0</c> for an
/// unmatched mentee and <c>v = 0</c> for a mentor with room (complementary slackness). Such prices
/// exist exactly when the flow is optimal, and then an excluded pair can improve it only if
/// <c>profit &gt; u + v</c>. Of all such prices these are the lowest mentor prices and so the highest
/// mentee values: a mentee wants an excluded mentor only if that pair beats what it already holds.
/// </para>
/// <para>
/// Every condition is a difference constraint between two nodes, so the prices are shortest
/// distances from the sink (Bellman-Ford, queue-based): potential <c>π = -distance</c>, with
/// <c>u = -π(mentee)</c> and <c>v = π(mentor)</c>.
/// </para>
/// </summary>
internal static class DualPrices
{
    /// <returns>Potentials: local mentees 0..n-1, mentors n..n+m-1, the sink last (always 0).</returns>
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

        // An arc a → b of cost c says π(a) ≤ c + π(b).
        var constraints = new DifferenceConstraints(nodeCount, (2 * arcs.Count) + (2 * menteeCount) + (2 * mentorCount));
        var mentees = arcs.Mentee;
        for (var a = 0; a < arcs.Count; a++)
        {
            var mentorNode = menteeCount + mentors[a];
            constraints.Add(mentees[a], mentorNode, -profit[a]); // u + v ≥ profit
            if (chosen[mentees[a]] == a)
            {
                constraints.Add(mentorNode, mentees[a], profit[a]); // u + v ≤ profit on a chosen pair
            }
        }

        for (var i = 0; i < menteeCount; i++)
        {
            constraints.Add(i, sink, 0); // u ≥ 0
            if (chosen[i] < 0)
            {
                constraints.Add(sink, i, 0); // u ≤ 0 when unmatched
            }
        }

        for (var j = 0; j < mentorCount; j++)
        {
            if (mentorCapacity[j] <= 0)
            {
                continue;
            }

            constraints.Add(sink, menteeCount + j, 0); // v ≥ 0
            if (used[j] < mentorCapacity[j])
            {
                constraints.Add(menteeCount + j, sink, 0); // v ≤ 0 when there is room
            }
        }

        var distance = constraints.DistancesFrom(sink);
        for (var v = 0; v < nodeCount; v++)
        {
            distance[v] = -distance[v];
        }

        return distance;
    }

    /// <summary>A system of difference constraints as a compact graph (CSR), solved by shortest paths.</summary>
    private sealed class DifferenceConstraints(int nodeCount, int capacity)
    {
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
        /// Shortest distances from <paramref name="source"/> along the arcs. The sink reaches every
        /// mentor with capacity and every mentee; a mentor without capacity has no constraint and gets 0.
        /// </summary>
        public long[] DistancesFrom(int source)
        {
            var start = new int[nodeCount + 1];
            for (var a = 0; a < _count; a++)
            {
                start[_from[a] + 1]++;
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
                var slot = fill[_from[a]]++;
                head[slot] = _to[a];
                cost[slot] = _cost[a];
            }

            var distance = new long[nodeCount];
            Array.Fill(distance, long.MaxValue);
            distance[source] = 0;
            var queued = new bool[nodeCount];
            var queue = new Queue<int>(nodeCount);
            queue.Enqueue(source);
            queued[source] = true;

            // The constraints are consistent (no negative cycle) exactly when the flow is optimal; then
            // no node is queued more than nodeCount times, and a node that is has a negative cycle behind it.
            var timesQueued = new int[nodeCount];
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                queued[v] = false;
                var dv = distance[v];
                for (var a = start[v]; a < start[v + 1]; a++)
                {
                    var w = head[a];
                    var candidate = dv + cost[a];
                    if (candidate < distance[w])
                    {
                        distance[w] = candidate;
                        if (!queued[w])
                        {
                            if (++timesQueued[w] > nodeCount)
                            {
                                throw new InvalidOperationException("The restricted flow is not optimal: its dual constraints have a negative cycle.");
                            }

                            queued[w] = true;
                            queue.Enqueue(w);
                        }
                    }
                }
            }

            for (var v = 0; v < nodeCount; v++)
            {
                if (distance[v] == long.MaxValue)
                {
                    distance[v] = 0;
                }
            }

            return distance;
        }
    }
}
