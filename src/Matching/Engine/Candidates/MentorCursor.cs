using System.Numerics;

namespace Mentoring.Matching.Engine;

/// <summary>
/// Walks one mentee's feasible mentors whose score, less the mentor's price when prices are given,
/// exceeds a threshold (and whose score reaches a floor), best profiles first. The threshold may rise between steps (a top-k search
/// raises it as its list fills), and the walk skips every profile and bucket that cannot beat it,
/// and stops when no profile left can. With ranked set keys a profile's groups (one set value each)
/// come best first by what the shared values add, so the walk stops at the first group that cannot
/// beat the threshold. Within a bucket the walk starts at a point fixed by the mentee, so mentees
/// with equal tastes spread over equal mentors.
/// </summary>
internal struct MentorCursor
{
    private readonly MentorIndex _index;
    private readonly MentorIndex.Ranking _ranking;
    private readonly int _mentee;
    private readonly int _maxMentorGrade;
    private readonly int _menteeSlots;
    private readonly int _slotWeight;
    private readonly int _minShared;
    private readonly int _maxSetScore;
    private readonly bool _scoresSets;
    private readonly MentorPrices? _prices;
    private readonly int _minScore;
    private readonly ulong[]? _bucketSlots;
    private readonly ulong _menteeSlotWord;
    private readonly SetColumns.KeyRanking? _keys;
    private int _rank;
    private int _overlap;
    private int _group;
    private int _endGroup;
    private int _keyRank;
    private bool _sparse;
    private int _groupSetScore;
    private int _dimensionScore;
    private long _profilePrice;
    private int _bucket;
    private int _endBucket;
    private int _bucketScore;
    private long _bucketPrice;
    private int _start;
    private int _count;
    private int _offset;
    private int _visited;

    internal MentorCursor(MentorIndex index, int mentee, MentorIndex.Ranking ranking, MentorPrices? prices, int minScore)
    {
        _index = index;
        _prices = prices;
        _minScore = minScore;
        _ranking = ranking;
        _mentee = mentee;
        var problem = index.Problem;
        _maxMentorGrade = problem.MenteeGrade(mentee) - problem.MinGradeGap;
        _menteeSlots = problem.MenteeSlotCount(mentee);
        _slotWeight = problem.SharedSlotWeight;
        _minShared = problem.MinSharedSlots;
        _keys = index.RanksSetKeys ? problem.Sets.Ranking(mentee) : null;

        // With ranked keys the best set score is the best any mentor key gives (none: no mentor shares a required value).
        _maxSetScore = _keys is null ? problem.MenteeMaxSetScore(mentee) : _keys.Scores.Length > 0 ? _keys.Scores[0] : int.MinValue / 2;
        // Without ranked keys set columns need a look at each bucket only when they can score or must share a value.
        _scoresSets = _keys is null && (_maxSetScore > 0 || problem.HasRequiredSets);
        _bucketSlots = index.BucketSlots;
        _menteeSlotWord = problem.MenteeSlots(mentee)[0];
        _rank = -1;
    }

    /// <summary>The current mentor, after <see cref="MoveNext"/> returned true.</summary>
    public int Mentor { get; private set; }

    /// <summary>The current pair's score.</summary>
    public int Score { get; private set; }

    /// <summary>How many mentors the walk has looked at: a deterministic tie-breaker (earlier wins).</summary>
    public uint Visited { get; private set; }

    /// <summary>Moves to the next feasible mentor whose score less price exceeds <paramref name="threshold"/>.</summary>
    public bool MoveNext(long threshold)
    {
        var problem = _index.Problem;
        var members = _index.Members;
        while (true)
        {
            while (_visited < _count && _bucketScore - _bucketPrice > threshold)
            {
                var mentor = members[_start + ((_offset + _visited) % _count)];
                _visited++;
                Visited++;
                if ((_prices is null || _bucketScore - _prices.Of(mentor) > threshold) && problem.PassesPersonRules(_mentee, mentor))
                {
                    Mentor = mentor;
                    Score = _bucketScore;
                    return true;
                }
            }

            if (!NextBucket(threshold))
            {
                return false;
            }
        }
    }

    private bool NextBucket(long threshold)
    {
        var slotCounts = _index.BucketSlotCount;
        while (true)
        {
            while (_bucket < _endBucket)
            {
                // Buckets come by falling slot count: once one cannot share enough, none after it can.
                var bucket = _bucket++;
                var reachable = Math.Min(slotCounts[bucket], _menteeSlots);
                if (reachable < _minShared || _dimensionScore + (_slotWeight * reachable) + _groupSetScore - _profilePrice <= threshold)
                {
                    _bucket = _endBucket;
                    break;
                }

                var shared = _bucketSlots is null
                    ? _index.Problem.SharedSlotCount(_mentee, _index.Representative(bucket))
                    : BitOperations.PopCount(_menteeSlotWord & _bucketSlots[bucket]);
                var setScore = _keys is not null ? _groupSetScore
                    : _scoresSets ? _index.Problem.SetScoreIfShared(_mentee, _index.Representative(bucket)) : 0;
                if (setScore < 0)
                {
                    continue;
                }

                var score = _dimensionScore + (_slotWeight * shared) + setScore;
                var cheapest = _prices?.CheapestIn(bucket) ?? 0;
                if (shared < _minShared || score < _minScore || score - cheapest <= threshold)
                {
                    continue;
                }

                var start = _index.FirstMember(bucket);
                var eligible = _index.CountAtMostGrade(bucket, _maxMentorGrade);
                if (eligible == 0)
                {
                    continue;
                }

                _start = start;
                _count = eligible;
                _visited = 0;
                _offset = (int)(CandidateHash.Of(_mentee, bucket) % (uint)eligible);
                _bucketScore = score;
                _bucketPrice = cheapest;
                return true;
            }

            if (!NextGroup(threshold) && !NextProfile(threshold))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Moves to the profile's next group that can beat the threshold. Without ranked keys a profile is
    /// one group, bounded by the mentee's best set score. With them, a profile with few groups is walked
    /// group by group, each scored exactly; otherwise the mentee's ranked keys are followed, best first,
    /// until one cannot beat the threshold.
    /// </summary>
    private bool NextGroup(long threshold)
    {
        if (_rank < 0 || _rank >= _ranking.Profiles.Length)
        {
            return false;
        }

        if (_keys is null)
        {
            if (_group >= _endGroup)
            {
                return false;
            }

            _bucket = _index.GroupFirstBucket(_group);
            _endBucket = _index.GroupEndBucket(_group);
            _group = _endGroup;
            _groupSetScore = _maxSetScore;
            return true;
        }

        var profile = _ranking.Profiles[_rank];
        var ceiling = _dimensionScore + (_slotWeight * _overlap) - _profilePrice;
        if (_sparse)
        {
            while (_group < _endGroup)
            {
                var group = _group++;
                var score = _keys.ScoreByKey[_index.GroupKey(group)];
                if (score >= 0 && ceiling + score > threshold && _dimensionScore + (_slotWeight * _overlap) + score >= _minScore)
                {
                    return Enter(group, score);
                }
            }

            return false;
        }

        while (_keyRank < _keys.Keys.Length)
        {
            var score = _keys.Scores[_keyRank];
            if (ceiling + score <= threshold || _dimensionScore + (_slotWeight * _overlap) + score < _minScore)
            {
                // Keys come by falling score: none further on can do better here.
                _keyRank = _keys.Keys.Length;
                return false;
            }

            var group = _index.GroupWithKey(profile, _keys.Keys[_keyRank++]);
            if (group >= 0)
            {
                return Enter(group, score);
            }
        }

        return false;
    }

    private bool Enter(int group, int setScore)
    {
        _bucket = _index.GroupFirstBucket(group);
        _endBucket = _index.GroupEndBucket(group);
        _groupSetScore = setScore;
        return true;
    }

    private bool NextProfile(long threshold)
    {
        var profiles = _ranking.Profiles;
        while (++_rank < profiles.Length)
        {
            var dimensionScore = _ranking.DimensionScores[_rank];
            var best = dimensionScore + (_slotWeight * _menteeSlots) + _maxSetScore;
            if (best <= threshold || best < _minScore)
            {
                // Profiles come by falling dimension score: none further on can do better.
                _rank = profiles.Length;
                return false;
            }

            var profile = profiles[_rank];
            var overlap = _index.MaxOverlap(profile, _mentee, _menteeSlots);
            var bestHere = dimensionScore + (_slotWeight * overlap) + _maxSetScore;
            var profilePrice = _prices?.CheapestInProfile(profile) ?? 0;
            if (overlap < _minShared || bestHere - profilePrice <= threshold || bestHere < _minScore)
            {
                continue;
            }

            _dimensionScore = dimensionScore;
            _profilePrice = profilePrice;
            _overlap = overlap;
            _group = _index.FirstGroup(profile);
            _endGroup = _index.EndGroup(profile);
            _keyRank = 0;
            _sparse = _keys is not null && _index.IsSparse(profile, _keys.Keys.Length);
            _bucket = 0;
            _endBucket = 0;
            return true;
        }

        return false;
    }
}
