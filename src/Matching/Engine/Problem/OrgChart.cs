namespace Mentoring.Matching.Engine;

/// <summary>
/// The reporting forest with Euler-tour intervals, so "is A anywhere above B" is two comparisons
/// instead of a walk up the chain.
/// </summary>
internal sealed class OrgChart
{
    private readonly int[] _manager;
    private readonly int[] _enter;
    private readonly int[] _exit;
    private readonly int[] _firstReport;
    private readonly int[] _reports;

    /// <param name="manager">Each person's manager index, or -1 at the top. Must be acyclic.</param>
    public OrgChart(int[] manager)
    {
        _manager = manager;
        var count = manager.Length;
        _enter = new int[count];
        _exit = new int[count];

        var childCount = new int[count + 1];
        foreach (var m in manager)
        {
            if (m >= 0)
            {
                childCount[m + 1]++;
            }
        }

        for (var i = 0; i < count; i++)
        {
            childCount[i + 1] += childCount[i];
        }

        var children = new int[childCount[count]];
        var fill = childCount[..count];
        for (var i = 0; i < count; i++)
        {
            if (manager[i] >= 0)
            {
                children[fill[manager[i]]++] = i;
            }
        }

        (_firstReport, _reports) = (childCount, children);

        var clock = 0;
        var stack = new Stack<(int Node, int NextChild)>();
        for (var root = 0; root < count; root++)
        {
            if (manager[root] >= 0)
            {
                continue;
            }

            _enter[root] = clock++;
            stack.Push((root, childCount[root]));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < childCount[node + 1])
                {
                    stack.Push((node, next + 1));
                    var child = children[next];
                    _enter[child] = clock++;
                    stack.Push((child, childCount[child]));
                }
                else
                {
                    _exit[node] = clock++;
                }
            }
        }
    }

    /// <summary>True when <paramref name="above"/> is <paramref name="below"/> or anywhere above them.</summary>
    public bool IsAtOrAbove(int above, int below) => _enter[above] <= _enter[below] && _exit[below] <= _exit[above];

    /// <summary>True when either person is anywhere in the other's reporting chain.</summary>
    public bool InSameChain(int a, int b) => IsAtOrAbove(a, b) || IsAtOrAbove(b, a);

    /// <summary>The person's manager, or -1 at the top.</summary>
    public int Manager(int person) => _manager[person];

    /// <summary>The people who report directly to the person.</summary>
    public ReadOnlySpan<int> Reports(int person) => _reports.AsSpan(_firstReport[person], _firstReport[person + 1] - _firstReport[person]);

    /// <summary>When the tour enters the person: everyone at or below them entered in [<see cref="Enter"/>, <see cref="Exit"/>].</summary>
    public int Enter(int person) => _enter[person];

    /// <summary>When the tour leaves the person, after everyone below them.</summary>
    public int Exit(int person) => _exit[person];

    /// <summary>True when one person is the other's direct manager.</summary>
    public bool AreDirectlyLinked(int a, int b) => _manager[a] == b || _manager[b] == a;
}
