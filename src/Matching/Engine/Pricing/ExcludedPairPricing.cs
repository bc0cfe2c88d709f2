namespace Mentoring.Matching.Engine;

/// <summary>
/// Finds, round after round, the excluded pairs whose profit beats the dual prices
/// (<c>M + score &gt; u + v</c>), pricing again only what the prices changed. A pair that did not beat
/// the prices it was last priced at can beat new ones only if its mentee's value or its mentor's
/// price fell, so: mentees whose value fell walk the index again; mentors whose price fell are, while
/// few, checked against every other mentee directly; when many fell, every mentee walks the index.
/// When a round finds nothing, no excluded pair in the whole pool beats the prices.
/// </summary>
internal sealed class ExcludedPairPricing
{
    /// <summary>Pairs kept per mentee walk: the best gains first.</summary>
    internal const int PairsPerMentee = 12;

    /// <summary>Up to this many mentors whose price fell are checked pair by pair; more, and every mentee walks the index.</summary>
    private const int MostFallenPricesChecked = 32;

    private readonly MentorIndex _index;
    private readonly int[] _mentees;
    private readonly int _scoreFloor;
    private readonly long _matchWeight;
    private readonly long[] _pricedValue;
    private readonly long[] _pricedPrice;

    /// <param name="index">The mentor index.</param>
    /// <param name="mentees">The problem's mentee indexes, by local index.</param>
    /// <param name="scoreFloor">Pairs scoring below this are left out; 0 for none.</param>
    /// <param name="matchWeight"><c>M</c> in each pair's profit <c>M + score</c>.</param>
    public ExcludedPairPricing(MentorIndex index, int[] mentees, int scoreFloor, long matchWeight)
    {
        _index = index;
        _mentees = mentees;
        _scoreFloor = scoreFloor;
        _matchWeight = matchWeight;

        // Never priced: every mentee walks the index in the first round, and no price has fallen yet.
        _pricedValue = new long[mentees.Length];
        Array.Fill(_pricedValue, long.MaxValue);
        _pricedPrice = new long[index.Problem.MentorCount];
        Array.Fill(_pricedPrice, long.MinValue);
    }

    /// <param name="Added">The pairs that beat the prices: each mentee's best few.</param>
    /// <param name="BestGains">The sum over mentees of each one's best gain over every excluded pair (0 when none gains).</param>
    public sealed record Result(List<(int Mentee, int Mentor, int Score)> Added, long BestGains);

    /// <param name="value">Each local mentee's value.</param>
    /// <param name="price">Each mentor's price.</param>
    /// <param name="cancellationToken">Checked while pricing.</param>
    public Result Price(long[] value, long[] price, CancellationToken cancellationToken)
    {
        var fallen = Enumerable.Range(0, price.Length).Where(j => price[j] < _pricedPrice[j]).ToArray();
        var everyone = fallen.Length > MostFallenPricesChecked;
        var problem = _index.Problem;
        var maxScore = problem.MaxPairScore;
        var prices = new MentorPrices(_index, price);
        var found = new (int Mentor, int Score)[_mentees.Length][];
        var bestGain = new long[_mentees.Length];
        var listFull = new bool[_mentees.Length];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, _mentees.Length, options, () => new BestCandidates(PairsPerMentee), (k, _, best) =>
        {
            best.Clear();

            // The pair (k, j) gains M + score - u - v: it beats the prices when score - v > u - M.
            var limit = value[k] - _matchWeight;
            if (everyone || value[k] < _pricedValue[k])
            {
                if (limit < maxScore)
                {
                    var cursor = _index.Cursor(_mentees[k], _scoreFloor, prices);

                    // A candidate pair never gains when the prices are valid duals (checked before any claim rests
                    // on them), so the strict walk does not return one; if it did, a pair would only be added twice.
                    while (cursor.MoveNext(best.IsFull ? limit + best.WeakestKey : limit))
                    {
                        best.Offer(cursor.Mentor, cursor.Score, cursor.Score - price[cursor.Mentor] - limit, cursor.Visited);
                    }
                }
            }
            else
            {
                var offered = 0u;
                foreach (var mentor in fallen)
                {
                    if (_index.BucketOf(mentor) < 0)
                    {
                        continue; // no capacity left: never a candidate, whatever its price
                    }

                    var score = problem.ScoreIfFeasible(_mentees[k], mentor);
                    if (score >= _scoreFloor && score - price[mentor] > limit)
                    {
                        best.Offer(mentor, score, score - price[mentor] - limit, offered++);
                    }
                }
            }

            listFull[k] = best.IsFull;
            bestGain[k] = best.Count > 0 ? best.StrongestKey : 0;
            found[k] = best.ToArray();
            return best;
        }, _ => { });

        var added = new List<(int, int, int)>();
        for (var k = 0; k < _mentees.Length; k++)
        {
            added.AddRange(found[k].Select(f => (k, f.Mentor, f.Score)));

            // A full list may have left better-than-price pairs out: walk that mentee again next round.
            _pricedValue[k] = listFull[k] ? long.MaxValue : value[k];
        }

        Array.Copy(price, _pricedPrice, price.Length);
        return new Result(added, bestGain.Sum());
    }
}
