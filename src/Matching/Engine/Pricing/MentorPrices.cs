namespace Mentoring.Matching.Engine;

/// <summary>
/// Each mentor's price, with the cheapest price in each bucket and each profile of the index, so a
/// walk can skip a bucket or a whole profile of popular, fully booked mentors without visiting them.
/// <see cref="Raise"/> keeps both summaries exact as prices rise (the auction raises them bid by bid).
/// </summary>
internal sealed class MentorPrices
{
    private readonly MentorIndex _index;
    private readonly long[] _price;
    private readonly long[] _bucketCheapest;
    private readonly long[] _profileCheapest;

    /// <param name="index">The index whose buckets and profiles to summarise.</param>
    /// <param name="price">Price by mentor index; <see cref="Raise"/> writes into it.</param>
    public MentorPrices(MentorIndex index, long[] price)
    {
        _index = index;
        _price = price;
        _bucketCheapest = new long[index.BucketCount];
        _profileCheapest = new long[index.ProfileCount];
        for (var bucket = 0; bucket < _bucketCheapest.Length; bucket++)
        {
            _bucketCheapest[bucket] = CheapestMember(bucket);
        }

        for (var profile = 0; profile < _profileCheapest.Length; profile++)
        {
            _profileCheapest[profile] = CheapestBucket(profile);
        }
    }

    public long Of(int mentor) => _price[mentor];

    public long CheapestIn(int bucket) => _bucketCheapest[bucket];

    public long CheapestInProfile(int profile) => _profileCheapest[profile];

    /// <summary>Raises a mentor's price, and the cheapest prices of its bucket and profile if it was the cheapest there.</summary>
    public void Raise(int mentor, long price)
    {
        var old = _price[mentor];
        _price[mentor] = price;
        var bucket = _index.BucketOf(mentor);
        if (old != _bucketCheapest[bucket])
        {
            return;
        }

        _bucketCheapest[bucket] = CheapestMember(bucket);
        var profile = _index.ProfileOf(bucket);
        if (old == _profileCheapest[profile])
        {
            _profileCheapest[profile] = CheapestBucket(profile);
        }
    }

    private long CheapestMember(int bucket)
    {
        var cheapest = long.MaxValue;
        for (var member = _index.FirstMember(bucket); member < _index.EndMember(bucket); member++)
        {
            cheapest = Math.Min(cheapest, _price[_index.Members[member]]);
        }

        return cheapest;
    }

    private long CheapestBucket(int profile)
    {
        var cheapest = long.MaxValue;
        for (var bucket = _index.FirstBucket(profile); bucket < _index.EndBucket(profile); bucket++)
        {
            cheapest = Math.Min(cheapest, _bucketCheapest[bucket]);
        }

        return cheapest;
    }
}
