namespace Mentoring.Matching.Engine;

/// <summary>
/// The restricted set of (mentee, mentor) pairs a solve works on, as parallel arrays: 12 bytes a pair.
/// Mentee indexes here are the solve's local ones; mentor indexes are the problem's.
/// </summary>
internal sealed class CandidateArcs
{
    private int[] _mentee = new int[1024];
    private int[] _mentor = new int[1024];
    private int[] _score = new int[1024];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Mentee => _mentee.AsSpan(0, Count);

    public ReadOnlySpan<int> Mentor => _mentor.AsSpan(0, Count);

    public ReadOnlySpan<int> Score => _score.AsSpan(0, Count);

    public void Add(int mentee, int mentor, int score)
    {
        if (Count == _mentee.Length)
        {
            var size = _mentee.Length * 2;
            Array.Resize(ref _mentee, size);
            Array.Resize(ref _mentor, size);
            Array.Resize(ref _score, size);
        }

        _mentee[Count] = mentee;
        _mentor[Count] = mentor;
        _score[Count] = score;
        Count++;
    }
}
