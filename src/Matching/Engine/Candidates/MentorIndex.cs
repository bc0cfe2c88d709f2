using System.Numerics;

namespace Mentoring.Matching.Engine;

/// <summary>
/// Mentors grouped so that a mentee's candidates can be found best-first without looking at every
/// mentor.
/// <list type="bullet">
/// <item>By attribute profile: two people with the same attribute codes score the same on every
/// dimension against anyone, so the dimension rules and weights are settled once per pair of
/// profiles instead of once per pair of people.</item>
/// <item>Within a profile, by availability and set values (a bucket): everyone in a bucket shares the
/// same slots and the same <c>similarities</c>/<c>requireSame</c> values with a given mentee, so one
/// count scores the whole bucket.</item>
/// <item>Within a bucket, by grade: the grade gap cuts a bucket to a prefix.</item>
/// </list>
/// With v2 set columns whose mentee and mentor keys are few enough to rank (<see cref="SetColumns.RanksKeys"/>),
/// a profile's buckets are also grouped by set values (a group: one mentor set key), so a mentee visits a
/// profile's groups best first by what the shared values add and stops at the first that cannot beat its
/// threshold; otherwise a profile is one group and every bucket bounds its set score by the mentee's best.
/// With few distinct slots (the usual weekday half-days), each profile also keeps, for every
/// possible availability of a mentee, the most slots any of its mentors shares with it: an exact
/// bound that skips whole profiles.
/// </summary>
internal sealed class MentorIndex
{
    /// <summary>Up to this many distinct slots, profiles keep an exact overlap table (2^slots bytes each).</summary>
    private const int MaxTableSlots = 12;

    /// <summary>A profile with at most this many groups per ranked mentor key is walked group by group rather than by the mentee's ranking.</summary>
    private const int SparseGroupRatio = 4;

    private readonly int[] _bucketStart;
    private readonly int[] _groupStart;
    private readonly int[] _groupKey;
    private readonly int[] _groupFirstBucket;
    private readonly int[] _memberStart;
    private readonly int[] _representative;
    private readonly int[] _bucketOfMentor;
    private readonly int[] _profileOfBucket;
    private readonly int[] _profileMaxSlots;
    private readonly byte[]? _overlapTable;
    private readonly int _tableSize;
    private readonly int[] _menteeProfile;
    private readonly List<Ranking> _rankings;

    /// <param name="problem">The problem.</param>
    /// <param name="mentorCapacity">Capacity by mentor; mentors with none are left out.</param>
    /// <param name="mentees">The mentees that will ask for candidates.</param>
    public MentorIndex(CompiledProblem problem, int[] mentorCapacity, IEnumerable<int> mentees)
    {
        Problem = problem;
        RanksSetKeys = problem.Sets.RanksKeys;
        var profiles = GroupMentors(problem, mentorCapacity, RanksSetKeys);

        _bucketStart = new int[profiles.Count + 1];
        _profileMaxSlots = new int[profiles.Count];
        var bucketCount = profiles.Sum(p => p.Count);
        _memberStart = new int[bucketCount + 1];
        _representative = new int[bucketCount];
        _profileOfBucket = new int[bucketCount];
        _bucketOfMentor = new int[problem.MentorCount];
        Array.Fill(_bucketOfMentor, -1);
        Members = new int[profiles.Sum(p => p.Sum(b => b.Count))];
        MemberGrade = new int[Members.Length];
        var bucket = 0;
        var member = 0;
        for (var profile = 0; profile < profiles.Count; profile++)
        {
            _bucketStart[profile] = bucket;
            foreach (var mentors in profiles[profile])
            {
                _memberStart[bucket] = member;
                _representative[bucket] = mentors[0];
                _profileOfBucket[bucket] = profile;
                _profileMaxSlots[profile] = Math.Max(_profileMaxSlots[profile], problem.MentorSlotCount(mentors[0]));
                foreach (var mentor in mentors)
                {
                    Members[member] = mentor;
                    MemberGrade[member] = problem.MentorGrade(mentor);
                    _bucketOfMentor[mentor] = bucket;
                    member++;
                }

                bucket++;
            }
        }

        _bucketStart[profiles.Count] = bucket;
        _memberStart[bucket] = member;
        (_groupStart, _groupKey, _groupFirstBucket) = Groups(problem, profiles.Count, RanksSetKeys);
        if (problem.SlotNames.Count <= 64)
        {
            BucketSlots = [.. _representative.Select(mentor => problem.MentorSlots(mentor)[0])];
        }

        BucketSlotCount = [.. _representative.Select(problem.MentorSlotCount)];

        if (problem.SlotNames.Count <= MaxTableSlots)
        {
            _tableSize = 1 << problem.SlotNames.Count;
            _overlapTable = new byte[profiles.Count * _tableSize];
            for (var profile = 0; profile < profiles.Count; profile++)
            {
                FillOverlapTable(profile);
            }
        }

        var representatives = profiles.Select(p => p[0][0]).ToArray();
        _menteeProfile = new int[problem.MenteeCount];
        Array.Fill(_menteeProfile, -1);
        _rankings = [];
        var menteeProfileIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mentee in mentees)
        {
            var key = ProfileKey(problem.MenteeProfile(mentee));
            if (!menteeProfileIds.TryGetValue(key, out var profile))
            {
                menteeProfileIds[key] = profile = _rankings.Count;
                _rankings.Add(RankProfiles(problem, mentee, representatives));
            }

            _menteeProfile[mentee] = profile;
        }
    }

    public CompiledProblem Problem { get; }

    /// <summary>True when a profile's buckets are grouped by mentor set key, each group's set score exact for a mentee.</summary>
    internal bool RanksSetKeys { get; }

    /// <summary>Mentors, profile by profile, bucket by bucket, by rising grade within a bucket.</summary>
    internal int[] Members { get; }

    /// <summary>The grade of each entry of <see cref="Members"/>.</summary>
    internal int[] MemberGrade { get; }

    /// <summary>Each bucket's availability as one word, when there are at most 64 distinct slots (else null): a bucket's shared slots with a mentee are then one AND and a bit count.</summary>
    internal ulong[]? BucketSlots { get; }

    /// <summary>How many slots each bucket's mentors offer: buckets come by falling count within a profile.</summary>
    internal int[] BucketSlotCount { get; }

    /// <summary>The number of buckets.</summary>
    internal int BucketCount => _representative.Length;

    /// <summary>The number of mentor profiles.</summary>
    internal int ProfileCount => _profileMaxSlots.Length;

    /// <summary>The bucket of an indexed mentor.</summary>
    internal int BucketOf(int mentor) => _bucketOfMentor[mentor];

    /// <summary>The profile a bucket belongs to.</summary>
    internal int ProfileOf(int bucket) => _profileOfBucket[bucket];

    /// <summary>A cursor over the mentee's feasible mentors scoring at least <paramref name="minScore"/>, best profiles first, optionally net of prices.</summary>
    public MentorCursor Cursor(int mentee, int minScore = 0, MentorPrices? prices = null) =>
        new(this, mentee, _rankings[_menteeProfile[mentee]], prices, minScore);

    internal int FirstBucket(int profile) => _bucketStart[profile];

    internal int FirstGroup(int profile) => _groupStart[profile];

    internal int EndGroup(int profile) => _groupStart[profile + 1];

    /// <summary>The mentor set key of a group (-1 when groups are not by set key).</summary>
    internal int GroupKey(int group) => _groupKey[group];

    internal int GroupFirstBucket(int group) => _groupFirstBucket[group];

    internal int GroupEndBucket(int group) => _groupFirstBucket[group + 1];

    /// <summary>True when the mentee should walk the profile group by group: it has few groups for the keys the mentee ranks.</summary>
    internal bool IsSparse(int profile, int rankedKeys) => (EndGroup(profile) - FirstGroup(profile)) * SparseGroupRatio <= rankedKeys;

    /// <summary>The profile's group with this mentor set key, or -1 (groups are sorted by key within a profile).</summary>
    internal int GroupWithKey(int profile, int key)
    {
        var index = Array.BinarySearch(_groupKey, _groupStart[profile], _groupStart[profile + 1] - _groupStart[profile], key);
        return index >= 0 ? index : -1;
    }

    internal int EndBucket(int profile) => _bucketStart[profile + 1];

    internal int FirstMember(int bucket) => _memberStart[bucket];

    internal int EndMember(int bucket) => _memberStart[bucket + 1];

    internal int Representative(int bucket) => _representative[bucket];

    /// <summary>How many of a bucket's members (sorted by grade) have at most this grade.</summary>
    internal int CountAtMostGrade(int bucket, int grade)
    {
        int low = _memberStart[bucket], high = _memberStart[bucket + 1];
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (MemberGrade[middle] <= grade)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - _memberStart[bucket];
    }

    /// <summary>The most slots any mentor of the profile shares with this mentee.</summary>
    internal int MaxOverlap(int profile, int mentee, int menteeSlots) =>
        _overlapTable is null
            ? Math.Min(menteeSlots, _profileMaxSlots[profile])
            : _overlapTable[(profile * _tableSize) + (int)Problem.MenteeSlots(mentee)[0]];

    /// <summary>
    /// Mentors with capacity, as profiles of buckets of mentors. Profiles in order of first mentor;
    /// buckets by falling slot count (likelier high scores first), by set key first when set keys are
    /// ranked; mentors by grade, then index.
    /// </summary>
    private static List<List<List<int>>> GroupMentors(CompiledProblem problem, int[] mentorCapacity, bool bySetKey)
    {
        var profileIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var profiles = new List<Dictionary<string, List<int>>>();
        for (var mentor = 0; mentor < problem.MentorCount; mentor++)
        {
            if (mentorCapacity[mentor] <= 0)
            {
                continue;
            }

            var key = ProfileKey(problem.MentorProfile(mentor));
            if (!profileIds.TryGetValue(key, out var profile))
            {
                profileIds[key] = profile = profiles.Count;
                profiles.Add(new Dictionary<string, List<int>>(StringComparer.Ordinal));
            }

            // A bucket's mentors share their slots and their set values, so one representative scores them all.
            var slots = string.Join(',', problem.MentorSlots(mentor).ToArray()) + "|" + problem.MentorSetKey(mentor);
            if (!profiles[profile].TryGetValue(slots, out var bucket))
            {
                profiles[profile][slots] = bucket = [];
            }

            bucket.Add(mentor);
        }

        return profiles
            .Select(buckets => buckets.Values
                .OrderBy(b => bySetKey ? problem.MentorSetKey(b[0]) : 0)
                .ThenByDescending(b => problem.MentorSlotCount(b[0]))
                .ThenBy(b => b[0])
                .Select(b => b.OrderBy(problem.MentorGrade).ThenBy(m => m).ToList())
                .ToList())
            .ToList();
    }

    /// <summary>
    /// The groups of each profile's buckets: by mentor set key when <paramref name="bySetKey"/>, else one
    /// group a profile. Returns each profile's first group, each group's key, and each group's first
    /// bucket (with one more entry closing the last).
    /// </summary>
    private (int[] GroupStart, int[] GroupKey, int[] GroupFirstBucket) Groups(CompiledProblem problem, int profileCount, bool bySetKey)
    {
        var groupStart = new int[profileCount + 1];
        var keys = new List<int>();
        var firsts = new List<int>();
        for (var profile = 0; profile < profileCount; profile++)
        {
            groupStart[profile] = keys.Count;
            for (var bucket = _bucketStart[profile]; bucket < _bucketStart[profile + 1]; bucket++)
            {
                var key = bySetKey ? problem.MentorSetKey(_representative[bucket]) : -1;
                if (bucket == _bucketStart[profile] || key != keys[^1])
                {
                    keys.Add(key);
                    firsts.Add(bucket);
                }
            }
        }

        groupStart[profileCount] = keys.Count;
        firsts.Add(_bucketStart[profileCount]);
        return (groupStart, [.. keys], [.. firsts]);
    }

    /// <summary>
    /// For every availability a mentee could have, the most slots it shares with one of the
    /// profile's buckets: mark every subset of every bucket's slots, then take the largest marked
    /// subset of each availability (two passes over the 2^slots sets).
    /// </summary>
    private void FillOverlapTable(int profile)
    {
        var coverable = new bool[_tableSize];
        for (var bucket = _bucketStart[profile]; bucket < _bucketStart[profile + 1]; bucket++)
        {
            coverable[(int)Problem.MentorSlots(_representative[bucket])[0]] = true;
        }

        for (var bit = 1; bit < _tableSize; bit <<= 1)
        {
            for (var set = 0; set < _tableSize; set++)
            {
                if ((set & bit) != 0 && coverable[set])
                {
                    coverable[set ^ bit] = true;
                }
            }
        }

        var table = _overlapTable.AsSpan(profile * _tableSize, _tableSize);
        for (var set = 0; set < _tableSize; set++)
        {
            var best = coverable[set] ? BitOperations.PopCount((uint)set) : 0;
            for (var rest = set; rest != 0 && best < BitOperations.PopCount((uint)set); rest &= rest - 1)
            {
                best = Math.Max(best, table[set ^ (rest & -rest)]);
            }

            table[set] = (byte)best;
        }
    }

    /// <summary>The mentor profiles that pass the dimension rules against this mentee's, by falling dimension score.</summary>
    private static Ranking RankProfiles(CompiledProblem problem, int mentee, int[] representatives)
    {
        var ranked = new List<(int Profile, int Score)>();
        for (var profile = 0; profile < representatives.Length; profile++)
        {
            var score = problem.DimensionScoreIfDifferentEnough(mentee, representatives[profile]);
            if (score >= 0)
            {
                ranked.Add((profile, score));
            }
        }

        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Profile.CompareTo(b.Profile));
        return new Ranking(ranked.Select(r => r.Profile).ToArray(), ranked.Select(r => r.Score).ToArray());
    }

    private static string ProfileKey(ReadOnlySpan<int> codes) => string.Join(',', codes.ToArray());

    /// <summary>Mentor profiles in the order one mentee profile should visit them.</summary>
    internal sealed record Ranking(int[] Profiles, int[] DimensionScores);
}
