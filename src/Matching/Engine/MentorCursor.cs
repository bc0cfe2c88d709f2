namespace Mentoring.Matching.Engine;

/// <summary>
/// Walks one mentee's feasible mentors whose score exceeds a threshold, best profiles first. The
/// threshold may rise between steps (a top-k search raises it as its list fills), and the walk
/// stops as soon as no remaining profile can beat it. Within a profile the walk starts at a point
/// fixed by the mentee, so mentees with equal tastes spread over equal mentors.
/// </summary>
internal struct MentorCursor
{
    private readonly MentorIndex _index;
    private readonly MentorIndex.Ranking _ranking;
    private readonly int _mentee;
    private readonly int _maxMentorGrade;
    private readonly int _menteeSlots;
    private readonly int _slotWeight;
    private int _rank;
    private int _start;
    private int _count;
    private int _offset;
    private int _visited;
    private int _dimensionScore;

    internal MentorCursor(MentorIndex index, int mentee, MentorIndex.Ranking ranking)
    {
        _index = index;
        _ranking = ranking;
        _mentee = mentee;
        var problem = index.Problem;
        _maxMentorGrade = problem.MenteeGrade(mentee) - problem.MinGradeGap;
        _menteeSlots = problem.MenteeSlotCount(mentee);
        _slotWeight = problem.SharedSlotWeight;
        _rank = -1;
    }

    /// <summary>The current mentor, after <see cref="MoveNext"/> returned true.</summary>
    public int Mentor { get; private set; }

    /// <summary>The current pair's score.</summary>
    public int Score { get; private set; }

    /// <summary>How many mentors the walk has looked at: a deterministic tie-breaker (earlier wins).</summary>
    public uint Visited { get; private set; }

    /// <summary>Moves to the next feasible mentor scoring more than <paramref name="threshold"/>.</summary>
    public bool MoveNext(int threshold)
    {
        var problem = _index.Problem;
        var members = _index.Members;
        while (true)
        {
            while (_visited < _count)
            {
                var position = _start + ((_offset + _visited) % _count);
                _visited++;
                Visited++;
                var mentor = members[position];
                var slotScore = problem.SlotScoreIfCompatible(_mentee, mentor);
                if (slotScore >= 0 && _dimensionScore + slotScore > threshold)
                {
                    Mentor = mentor;
                    Score = _dimensionScore + slotScore;
                    return true;
                }
            }

            if (!NextProfile(threshold))
            {
                return false;
            }
        }
    }

    private bool NextProfile(int threshold)
    {
        var profiles = _ranking.Profiles;
        while (++_rank < profiles.Length)
        {
            var dimensionScore = _ranking.DimensionScores[_rank];
            if (dimensionScore + (_slotWeight * _menteeSlots) <= threshold)
            {
                // Profiles come by falling dimension score: none further on can do better.
                _rank = profiles.Length;
                return false;
            }

            var profile = profiles[_rank];
            if (dimensionScore + (_slotWeight * Math.Min(_menteeSlots, _index.ProfileMaxSlots(profile))) <= threshold)
            {
                continue;
            }

            var start = _index.ProfileStart(profile);
            var eligible = CountAtMostGrade(start, _index.ProfileEnd(profile), _maxMentorGrade);
            if (eligible == 0)
            {
                continue;
            }

            _start = start;
            _count = eligible;
            _visited = 0;
            _offset = (int)(CandidateHash.Of(_mentee, profile) % (uint)eligible);
            _dimensionScore = dimensionScore;
            return true;
        }

        return false;
    }

    /// <summary>Members [start, end) are sorted by grade; how many have at most this grade.</summary>
    private readonly int CountAtMostGrade(int start, int end, int grade)
    {
        var grades = _index.MemberGrade;
        int low = start, high = end;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (grades[middle] <= grade)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - start;
    }
}
