namespace Mentoring.Matching.Engine;

/// <summary>
/// A candidate pair's profit in the flow: <c>M + K × kept + score</c>. <c>K</c> exceeds any total
/// score and <c>M</c> exceeds any number of kept current pairs times <c>K</c> plus any total, so
/// the most profitable assignment is the contract's order exactly: most matched, then most current
/// pairs kept, then the highest total. Without current pairs <c>K</c> is 0 and nothing changes.
/// </summary>
internal sealed class PairProfit
{
    private readonly int[] _currentMentor;

    private PairProfit(long matchWeight, long keepWeight, int[] currentMentor)
    {
        MatchWeight = matchWeight;
        KeepWeight = keepWeight;
        _currentMentor = currentMentor;
    }

    /// <summary><c>M</c>: what one more match is worth.</summary>
    public long MatchWeight { get; }

    /// <summary><c>K</c>: what keeping one more current pair is worth (0 without current pairs).</summary>
    public long KeepWeight { get; }

    /// <summary>Profits with no current pairs: <c>M + score</c>.</summary>
    public static PairProfit MatchOnly(long matchWeight) => new(matchWeight, 0, []);

    /// <param name="menteeCount">The local mentees.</param>
    /// <param name="maxPairScore">No pair scores more.</param>
    /// <param name="currentMentor">Each local mentee's current mentor, or -1 (empty for none at all).</param>
    /// <exception cref="OverflowException">The levels do not fit 64-bit profits summed over every mentee.</exception>
    public static PairProfit For(int menteeCount, int maxPairScore, int[] currentMentor)
    {
        var totalWeight = checked(((long)menteeCount * Math.Max(1, maxPairScore)) + 1);
        var current = currentMentor.Count(m => m >= 0);
        if (current == 0)
        {
            return MatchOnly(totalWeight);
        }

        var matchWeight = checked((current + 1) * totalWeight);
        // Every sum the solvers form (all mentees' profits, plus dual prices) must fit as well.
        _ = checked((menteeCount + 1L) * (matchWeight + totalWeight) * 2);
        return new PairProfit(matchWeight, totalWeight, currentMentor);
    }

    /// <summary>True when the local mentee's current mentor is this one.</summary>
    public bool IsCurrent(int mentee, int mentor) => _currentMentor.Length > 0 && _currentMentor[mentee] == mentor;

    /// <summary>The profit of the pair, in the solve's local mentee index.</summary>
    public long Of(int mentee, int mentor, int score) => MatchWeight + Gain(mentee, mentor, score);

    /// <summary>The profit of a candidate arc.</summary>
    public long Of(CandidateArcs arcs, int arc) => Of(arcs.Mentee[arc], arcs.Mentor[arc], arcs.Score[arc]);

    /// <summary>The profit less <c>M</c>: what the pair adds once it is matched.</summary>
    public long Gain(int mentee, int mentor, int score) => score + (IsCurrent(mentee, mentor) ? KeepWeight : 0);
}
