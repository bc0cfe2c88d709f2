namespace Mentoring.Matching.Engine;

/// <summary>
/// Each mentor's price, with the cheapest price in each bucket of the index as it was when built,
/// so a walk can skip a bucket of popular, fully booked mentors without visiting them. Prices may
/// rise afterwards (the auction raises them as it goes): the summary then stays a lower bound, and
/// a walk skips less but never wrongly.
/// </summary>
internal sealed class MentorPrices
{
    private readonly long[] _price;
    private readonly long[] _cheapest;

    /// <param name="index">The index whose buckets to summarise.</param>
    /// <param name="price">Price by mentor index.</param>
    public MentorPrices(MentorIndex index, long[] price)
    {
        _price = price;
        _cheapest = new long[index.BucketCount];
        for (var bucket = 0; bucket < _cheapest.Length; bucket++)
        {
            var cheapest = long.MaxValue;
            for (var member = index.FirstMember(bucket); member < index.EndMember(bucket); member++)
            {
                cheapest = Math.Min(cheapest, price[index.Members[member]]);
            }

            _cheapest[bucket] = cheapest;
        }
    }

    public long Of(int mentor) => _price[mentor];

    public long CheapestIn(int bucket) => _cheapest[bucket];
}
