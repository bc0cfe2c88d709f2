namespace Mentoring.Matching.Engine;

/// <summary>
/// The candidate pairs indexed both ways (compressed rows): the arcs out of each mentee and the arcs
/// into each mentor, as indexes into <see cref="CandidateArcs"/>. 8 bytes a pair on top of the arcs.
/// </summary>
internal sealed class CandidateGraph
{
    private readonly int[] _menteeStart;
    private readonly int[] _menteeArcs;
    private readonly int[] _mentorStart;
    private readonly int[] _mentorArcs;

    public CandidateGraph(CandidateArcs arcs, int menteeCount, int mentorCount)
    {
        Arcs = arcs;
        (_menteeStart, _menteeArcs) = Group(arcs.Mentee, menteeCount);
        (_mentorStart, _mentorArcs) = Group(arcs.Mentor, mentorCount);
    }

    /// <summary>No arcs at all: the graph before the first solve.</summary>
    public static CandidateGraph Empty { get; } = new(new CandidateArcs(), 0, 0);

    public CandidateArcs Arcs { get; }

    public int ArcCount => _menteeArcs.Length;

    public ReadOnlySpan<int> ArcsOfMentee(int mentee) => _menteeArcs.AsSpan(_menteeStart[mentee], _menteeStart[mentee + 1] - _menteeStart[mentee]);

    public ReadOnlySpan<int> ArcsOfMentor(int mentor) => _mentorArcs.AsSpan(_mentorStart[mentor], _mentorStart[mentor + 1] - _mentorStart[mentor]);

    /// <summary>Arc indexes grouped by their end in <paramref name="ends"/> (a counting sort, arcs in order within a group).</summary>
    private static (int[] Start, int[] Arcs) Group(ReadOnlySpan<int> ends, int endCount)
    {
        var start = new int[endCount + 1];
        foreach (var end in ends)
        {
            start[end + 1]++;
        }

        for (var end = 0; end < endCount; end++)
        {
            start[end + 1] += start[end];
        }

        var grouped = new int[ends.Length];
        var fill = start[..endCount];
        for (var arc = 0; arc < ends.Length; arc++)
        {
            grouped[fill[ends[arc]]++] = arc;
        }

        return (start, grouped);
    }
}
