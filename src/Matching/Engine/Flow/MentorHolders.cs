namespace Mentoring.Matching.Engine;

/// <summary>The mentees each mentor holds, as linked lists through the mentees (each is on one mentor at most).</summary>
internal sealed class MentorHolders
{
    private readonly int[] _first;
    private readonly int[] _next;
    private readonly int[] _previous;

    public MentorHolders(int menteeCount, int mentorCount)
    {
        _first = new int[mentorCount];
        _next = new int[menteeCount];
        _previous = new int[menteeCount];
        Array.Fill(_first, -1);
    }

    /// <summary>The first mentee <paramref name="mentor"/> holds, or -1.</summary>
    public int First(int mentor) => _first[mentor];

    /// <summary>The mentee after <paramref name="mentee"/> on its mentor, or -1.</summary>
    public int Next(int mentee) => _next[mentee];

    public void Add(int mentee, int mentor)
    {
        _previous[mentee] = -1;
        _next[mentee] = _first[mentor];
        if (_first[mentor] >= 0)
        {
            _previous[_first[mentor]] = mentee;
        }

        _first[mentor] = mentee;
    }

    public void Remove(int mentee, int mentor)
    {
        if (_previous[mentee] >= 0)
        {
            _next[_previous[mentee]] = _next[mentee];
        }
        else
        {
            _first[mentor] = _next[mentee];
        }

        if (_next[mentee] >= 0)
        {
            _previous[_next[mentee]] = _previous[mentee];
        }
    }
}
