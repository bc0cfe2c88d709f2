namespace Mentoring.Matching.Engine;

/// <summary>
/// Each mentor's dual price for one pricing round, with the cheapest price in each bucket of the
/// index, so a walk can skip a bucket of popular, fully booked mentors without visiting them.
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
