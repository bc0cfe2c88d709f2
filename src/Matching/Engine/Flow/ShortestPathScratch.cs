namespace Mentoring.Matching.Engine;

/// <summary>
/// The working memory of one Dijkstra search, reused search after search: only the nodes a search
/// touched are reset, so a search that settles ten nodes costs ten nodes, not the whole graph.
/// </summary>
internal sealed class ShortestPathScratch
{
    private readonly long[] _distance;
    private readonly int[] _previous;
    private readonly int[] _via;
    private readonly bool[] _settled;
    private readonly List<int> _touched = [];
    private readonly List<int> _settledNodes = [];
    private readonly PriorityQueue<int, long> _queue = new();

    public ShortestPathScratch(int nodeCount)
    {
        _distance = new long[nodeCount];
        _previous = new int[nodeCount];
        _via = new int[nodeCount];
        _settled = new bool[nodeCount];
        Array.Fill(_distance, long.MaxValue);
    }

    /// <summary>The nodes settled so far, in order.</summary>
    public IReadOnlyList<int> Settled => _settledNodes;

    /// <summary>The tentative distance of a node; <see cref="long.MaxValue"/> when not reached.</summary>
    public long Distance(int node) => _distance[node];

    /// <summary>The node a node was reached from.</summary>
    public int Previous(int node) => _previous[node];

    /// <summary>The arc a node was reached by, where the caller gave one.</summary>
    public int Via(int node) => _via[node];

    /// <summary>Forgets the last search and starts one from <paramref name="source"/>.</summary>
    public void Start(int source)
    {
        foreach (var node in _touched)
        {
            _distance[node] = long.MaxValue;
            _settled[node] = false;
        }

        _touched.Clear();
        _settledNodes.Clear();
        _queue.Clear();
        Reach(source, 0, -1, -1);
    }

    /// <summary>Settles the nearest unsettled node reached so far.</summary>
    public bool TryPop(out int node, out long distance)
    {
        while (_queue.TryDequeue(out node, out distance))
        {
            if (!_settled[node] && distance == _distance[node])
            {
                _settled[node] = true;
                _settledNodes.Add(node);
                return true;
            }
        }

        return false;
    }

    /// <summary>Offers <paramref name="node"/> a path of length <paramref name="distance"/> from <paramref name="from"/>.</summary>
    public void Relax(int node, long distance, int from, int via)
    {
        if (distance < _distance[node] && !_settled[node])
        {
            Reach(node, distance, from, via);
        }
    }

    private void Reach(int node, long distance, int from, int via)
    {
        if (_distance[node] == long.MaxValue)
        {
            _touched.Add(node);
        }

        _distance[node] = distance;
        _previous[node] = from;
        _via[node] = via;
        _queue.Enqueue(node, distance);
    }
}
