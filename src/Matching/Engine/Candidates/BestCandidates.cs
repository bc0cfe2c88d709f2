namespace Mentoring.Matching.Engine;

/// <summary>The best <c>keep</c> mentors offered, by key (higher first), then by order of offer (earlier first).</summary>
internal sealed class BestCandidates(int keep)
{
    private readonly int[] _mentor = new int[keep];
    private readonly int[] _score = new int[keep];
    private readonly long[] _key = new long[keep];
    private readonly uint[] _order = new uint[keep];

    public int Count { get; private set; }

    public bool IsFull => Count == keep;

    /// <summary>The strongest key kept; only meaningful when <see cref="Count"/> &gt; 0.</summary>
    public long StrongestKey => _key[0];

    /// <summary>The weakest key kept; only meaningful when <see cref="IsFull"/>.</summary>
    public long WeakestKey => _key[Count - 1];

    public void Clear() => Count = 0;

    /// <summary>Offers a mentor ranked by <paramref name="key"/>, remembering its <paramref name="score"/>.</summary>
    public void Offer(int mentor, int score, long key, uint order)
    {
        if (IsFull && !Beats(key, order, Count - 1))
        {
            return;
        }

        var position = IsFull ? keep - 1 : Count++;
        while (position > 0 && Beats(key, order, position - 1))
        {
            _mentor[position] = _mentor[position - 1];
            _score[position] = _score[position - 1];
            _key[position] = _key[position - 1];
            _order[position] = _order[position - 1];
            position--;
        }

        _mentor[position] = mentor;
        _score[position] = score;
        _key[position] = key;
        _order[position] = order;
    }

    public (int Mentor, int Score)[] ToArray()
    {
        var result = new (int, int)[Count];
        for (var i = 0; i < Count; i++)
        {
            result[i] = (_mentor[i], _score[i]);
        }

        return result;
    }

    private bool Beats(long key, uint order, int index) => key > _key[index] || (key == _key[index] && order < _order[index]);
}
