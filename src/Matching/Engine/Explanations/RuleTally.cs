using System.Numerics;

namespace Mentoring.Matching.Engine;

/// <summary>
/// How many of a mentee's mentors are feasible and, when none is, how many each rule removes when the rules are
/// applied one at a time in <see cref="PairRule"/> order, without looking at every mentor.
/// <para>
/// A mentor's first broken rule is settled by four things the mentee shares with many others (the mentor's capacity,
/// grade, department and bucket: slots, set values, attributes) and by two that are the mentee's own (forbidden pairs
/// and the reporting line). The first four are counted in bulk: by grade over all mentors and per department, and by
/// bucket only for the buckets that share enough slots, found through the buckets that offer each slot. The mentee's
/// own rules only move their few mentors to an earlier rule (a rule added can only be broken sooner), so those
/// mentors (the exceptions) are corrected one by one. The cost is the exceptions plus the slot-sharing buckets, not
/// the pool; the counts are exactly those of trying every mentor.
/// </para>
/// Built once per explanation pass and read from several threads.
/// </summary>
internal sealed class RuleTally
{
    /// <summary>The rule a bucket's set values settle, checked once slots are shared.</summary>
    private static readonly PairRule[] SetRules = [PairRule.RequireSame];

    /// <summary>The rules a mentor profile's attributes settle, the last ones checked: the same for every bucket of the profile.</summary>
    private static readonly PairRule[] ProfileRules = [PairRule.RequireDifferent, PairRule.MinDifferences];

    /// <summary>Buckets with at most this many mentors are counted member by member (grades rising) rather than by two searches.</summary>
    private const int MembersScanned = 16;

    /// <summary>The barred department when <c>forbidSameDepartment</c> does not apply: equal to no department code (-1 is "empty").</summary>
    private const int NoDepartment = int.MinValue;

    private readonly MentorIndex _index;
    private readonly CompiledProblem _problem;
    private readonly MatchingPolicy _policy;
    private readonly int _indexedMentors;
    private readonly int[] _gradesByRise;
    private readonly int[][] _departmentGradesByRise;
    private readonly Dictionary<long, int[]> _bucketDepartmentGrades;
    private readonly Dictionary<int, int[]> _forbiddenMentors;
    private readonly int[] _mentorOfPerson;
    private readonly int[] _mentorsByEnter;
    private readonly int[] _enterOfMentorsByEnter;
    private readonly int[] _memberDepartment;
    private readonly int[] _gradeByEnter;
    private readonly int[] _departmentByEnter;
    private readonly int[] _bucketByEnter;

    // One per thread, left cleared after each mentee, and grown when a pool has more buckets than the last.
    [ThreadStatic]
    private static BucketScratch? t_scratch;
    private readonly int[][]? _bucketsOfferingSlot;

    /// <param name="index">The mentor index: its members are exactly the mentors with capacity left after pins.</param>
    /// <param name="policy">The policy, for the grade gap, the department rule, the reporting-line rule and the shared slots.</param>
    public RuleTally(MentorIndex index, MatchingPolicy policy)
    {
        _index = index;
        _problem = index.Problem;
        _policy = policy;
        var members = index.Members;
        _indexedMentors = members.Length;
        _gradesByRise = [.. index.MemberGrade.Order()];

        _memberDepartment = [.. members.Select(_problem.MentorDepartment)];
        var byDepartment = members.ToLookup(_problem.MentorDepartment);
        _departmentGradesByRise = [.. Enumerable.Range(0, _problem.DepartmentNames.Count)
            .Select(d => byDepartment[d].Select(_problem.MentorGrade).Order().ToArray())];
        _bucketDepartmentGrades = policy.ForbidSameDepartment
            ? members.GroupBy(m => BucketDepartment(index.BucketOf(m), _problem.MentorDepartment(m)))
                .ToDictionary(g => g.Key, g => g.Select(_problem.MentorGrade).Order().ToArray())
            : [];

        _forbiddenMentors = _problem.ForbiddenPairs
            .Where(pair => index.BucketOf(pair.Mentor) >= 0)
            .GroupBy(pair => pair.Mentee)
            .ToDictionary(g => g.Key, g => g.Select(pair => pair.Mentor).Order().ToArray());

        _mentorOfPerson = new int[_problem.Roster.People.Count];
        Array.Fill(_mentorOfPerson, -1);
        foreach (var mentor in members)
        {
            _mentorOfPerson[_problem.MentorPeople[mentor]] = mentor;
        }

        _mentorsByEnter = [.. members.OrderBy(m => _problem.Chart.Enter(_problem.MentorPeople[m]))];
        _enterOfMentorsByEnter = [.. _mentorsByEnter.Select(m => _problem.Chart.Enter(_problem.MentorPeople[m]))];
        // What a mentee's reporting line below it needs of each mentor, in the order it is read.
        _gradeByEnter = [.. _mentorsByEnter.Select(_problem.MentorGrade)];
        _departmentByEnter = [.. _mentorsByEnter.Select(_problem.MentorDepartment)];
        _bucketByEnter = [.. _mentorsByEnter.Select(index.BucketOf)];

        if (index.BucketSlots is { } bucketSlots && policy.MinSharedSlots > 0)
        {
            _bucketsOfferingSlot = [.. Enumerable.Range(0, _problem.SlotNames.Count)
                .Select(slot => Enumerable.Range(0, index.BucketCount).Where(b => (bucketSlots[b] & (1UL << slot)) != 0).ToArray())];
        }
    }

    /// <summary>What the rules leave of a mentee's pool.</summary>
    /// <param name="Feasible">The mentors with capacity that break no rule.</param>
    /// <param name="LastRule">When none is feasible: the latest rule that removes a mentor (<see cref="PairRule.Capacity"/> when there are none).</param>
    /// <param name="Removed">How many mentors <paramref name="LastRule"/> removes.</param>
    /// <param name="Reasons">When <paramref name="LastRule"/> is the forbidden pairs: their reasons, distinct, in mentor order.</param>
    public readonly record struct Result(int Feasible, PairRule LastRule, int Removed, IReadOnlyList<string> Reasons);

    public Result Count(int mentee)
    {
        var removed = new int[CompiledProblem.RulesInOrder.Count];
        var gradeLimit = _problem.MenteeGrade(mentee) - _problem.MinGradeGap;
        var department = _problem.MenteeDepartment(mentee);
        var sameDepartmentBarred = _policy.ForbidSameDepartment && department >= 0;

        removed[(int)PairRule.Capacity] = _problem.MentorCount - _indexedMentors;
        var withinGap = CountAtMost(_gradesByRise, gradeLimit);
        var sameDepartment = sameDepartmentBarred ? CountAtMost(_departmentGradesByRise[department], gradeLimit) : 0;
        removed[(int)PairRule.MinGradeGap] = _indexedMentors - withinGap;
        removed[(int)PairRule.ForbidSameDepartment] = sameDepartment;
        // The mentee's own rules, each mentor once: its forbidden mentors, then its reporting line less those.
        var scratch = t_scratch is { } reused && reused.MovedFrom.Length >= _index.BucketCount ? reused : t_scratch = new BucketScratch(_index.BucketCount);
        var exceptions = new Exceptions(removed, scratch, gradeLimit, sameDepartmentBarred ? department : NoDepartment);
        var reasons = new List<string>();
        var forbiddenMentors = _forbiddenMentors.GetValueOrDefault(mentee, []);
        foreach (var mentor in forbiddenMentors)
        {
            exceptions.Move(forbidden: true, _problem.MentorGrade(mentor), _problem.MentorDepartment(mentor), _index.BucketOf(mentor));
            if (_problem.ForbiddenReason(mentee, mentor) is { } reason && !reasons.Contains(reason))
            {
                reasons.Add(reason);
            }
        }

        var chart = _problem.Chart;
        var person = _problem.MenteePeople[mentee];
        void MoveLineMentor(int linePerson)
        {
            if (_mentorOfPerson[linePerson] is var mentor and >= 0 && Array.BinarySearch(forbiddenMentors, mentor) < 0)
            {
                exceptions.Move(forbidden: false, _problem.MentorGrade(mentor), _problem.MentorDepartment(mentor), _index.BucketOf(mentor));
            }
        }

        switch (_policy.LineManagement)
        {
            case LineManagementRule.Chain:
                for (var above = chart.Manager(person); above >= 0; above = chart.Manager(above))
                {
                    MoveLineMentor(above);
                }

                // Everyone below the person entered the tour after them and before they left it: read in tour order.
                var end = LowerBound(_enterOfMentorsByEnter, chart.Exit(person));
                for (var i = LowerBound(_enterOfMentorsByEnter, chart.Enter(person)); i < end; i++)
                {
                    if (forbiddenMentors.Length == 0 || Array.BinarySearch(forbiddenMentors, _mentorsByEnter[i]) < 0)
                    {
                        exceptions.Move(forbidden: false, _gradeByEnter[i], _departmentByEnter[i], _bucketByEnter[i]);
                    }
                }

                break;
            case LineManagementRule.Direct:
                if (chart.Manager(person) >= 0)
                {
                    MoveLineMentor(chart.Manager(person));
                }

                foreach (var report in chart.Reports(person))
                {
                    MoveLineMentor(report);
                }

                break;
        }

        var bucketRuled = withinGap - sameDepartment - exceptions.MovedFromBuckets;

        // Mentors in a bucket that pass every rule before the bucket's own: within the gap, outside the department, not moved.
        var barredDepartment = sameDepartmentBarred ? department : NoDepartment;
        int Eligible(int bucket)
        {
            int first = _index.FirstMember(bucket), end = _index.EndMember(bucket);
            if (end - first <= MembersScanned)
            {
                var within = 0;
                for (var member = first; member < end && _index.MemberGrade[member] <= gradeLimit; member++)
                {
                    within += _memberDepartment[member] == barredDepartment ? 0 : 1;
                }

                return within - scratch.MovedFrom[bucket];
            }

            var count = _index.CountAtMostGrade(bucket, gradeLimit);
            if (count > 0 && sameDepartmentBarred && _bucketDepartmentGrades.TryGetValue(BucketDepartment(bucket, department), out var sameDepartmentGrades))
            {
                count -= CountAtMost(sameDepartmentGrades, gradeLimit);
            }

            return count - scratch.MovedFrom[bucket];
        }

        var setRules = _problem.HasRequiredSets ? SetRules : [];
        // The attribute rules are settled once a profile: whether each profile's is known yet, and what it is.
        var profileSettled = new bool[_index.ProfileCount];
        var profileRule = new PairRule?[_index.ProfileCount];
        PairRule? ProfileRule(int bucket)
        {
            var profile = _index.ProfileOf(bucket);
            if (!profileSettled[profile])
            {
                (profileSettled[profile], profileRule[profile]) = (true, _problem.FirstBrokenOf(ProfileRules, mentee, _index.Representative(bucket)));
            }

            return profileRule[profile];
        }

        // First the feasible mentors alone: for most unmatched mentees there are some, and then no rule's count is
        // asked for, so buckets whose profile's attributes fail need no counting.
        var feasible = 0;
        foreach (var bucket in BucketsSharingEnoughSlots(mentee, bucket => ProfileRule(bucket) is null))
        {
            if (_problem.FirstBrokenOf(setRules, mentee, _index.Representative(bucket)) is null)
            {
                feasible += Eligible(bucket);
            }
        }

        if (feasible > 0)
        {
            scratch.Clear();
            return new Result(feasible, PairRule.Capacity, 0, []);
        }

        var sharingEnoughSlots = 0;
        foreach (var bucket in BucketsSharingEnoughSlots(mentee))
        {
            var count = Eligible(bucket);
            if (count == 0)
            {
                continue;
            }

            sharingEnoughSlots += count;
            if ((_problem.FirstBrokenOf(setRules, mentee, _index.Representative(bucket)) ?? ProfileRule(bucket)) is { } rule)
            {
                removed[(int)rule] += count;
            }
            else
            {
                throw new InvalidOperationException($"Mentee {mentee} was counted as having no feasible mentor, yet bucket {bucket} breaks no rule.");
            }
        }

        removed[(int)PairRule.MinSharedSlots] += bucketRuled - sharingEnoughSlots;
        scratch.Clear();

        var last = Array.FindLastIndex(removed, count => count > 0);
        return last < 0
            ? new Result(0, PairRule.Capacity, 0, [])
            : new Result(0, (PairRule)last, removed[last], (PairRule)last == PairRule.ForbiddenPairs ? reasons : []);
    }

    /// <summary>
    /// The buckets that share at least <c>minSharedSlots</c> slots with the mentee. With the slots in one word, only the
    /// buckets offering one of the mentee's <c>s - k + 1</c> least offered slots are looked at (a bucket sharing k of
    /// the mentee's s slots offers at least one of any s - k + 1 of them), each once: under the first of them it offers.
    /// </summary>
    /// <param name="mentee">The mentee.</param>
    /// <param name="profilePasses">When given, the buckets of profiles it refuses are skipped whole (lists hold buckets profile by profile).</param>
    private IEnumerable<int> BucketsSharingEnoughSlots(int mentee, Func<int, bool>? profilePasses = null)
    {
        var needed = _policy.MinSharedSlots;
        if (_bucketsOfferingSlot is null)
        {
            for (var profile = 0; profile < _index.ProfileCount; profile++)
            {
                if (profilePasses is not null && !profilePasses(_index.FirstBucket(profile)))
                {
                    continue;
                }

                for (var bucket = _index.FirstBucket(profile); bucket < _index.EndBucket(profile); bucket++)
                {
                    if (_problem.SharedSlotCount(mentee, _index.Representative(bucket)) >= needed)
                    {
                        yield return bucket;
                    }
                }
            }

            yield break;
        }

        var menteeSlots = _problem.MenteeSlots(mentee)[0];
        var slotCount = BitOperations.PopCount(menteeSlots);
        if (slotCount < needed)
        {
            yield break;
        }

        var slots = Enumerable.Range(0, _problem.SlotNames.Count)
            .Where(slot => (menteeSlots & (1UL << slot)) != 0)
            .OrderBy(slot => _bucketsOfferingSlot[slot].Length)
            .Take(slotCount - needed + 1)
            .ToArray();
        var bucketSlots = _index.BucketSlots!;
        var earlier = 0UL;
        foreach (var slot in slots)
        {
            var offering = _bucketsOfferingSlot[slot];
            for (var i = 0; i < offering.Length; i++)
            {
                var bucket = offering[i];
                if (profilePasses is not null && !profilePasses(bucket))
                {
                    i = LowerBound(offering, _index.EndBucket(_index.ProfileOf(bucket))) - 1;
                    continue;
                }

                if ((bucketSlots[bucket] & earlier) == 0 && BitOperations.PopCount(bucketSlots[bucket] & menteeSlots) >= needed)
                {
                    yield return bucket;
                }
            }

            earlier |= 1UL << slot;
        }
    }

    /// <summary>Moves each mentor the mentee's own rules bar from the rule it would break first without them to the one it does.</summary>
    private sealed class Exceptions(int[] removed, BucketScratch scratch, int gradeLimit, int barredDepartment)
    {
        /// <summary>How many moved mentors would otherwise have broken a rule their bucket settles.</summary>
        public int MovedFromBuckets { get; private set; }

        public void Move(bool forbidden, int grade, int department, int bucket)
        {
            var outsideGap = grade > gradeLimit;
            if (forbidden)
            {
                removed[(int)PairRule.ForbiddenPairs]++;
            }
            else if (outsideGap)
            {
                return; // the grade gap comes before the reporting line: nothing moves
            }
            else
            {
                removed[(int)PairRule.LineManagement]++;
            }

            if (outsideGap)
            {
                removed[(int)PairRule.MinGradeGap]--;
            }
            else if (department == barredDepartment)
            {
                removed[(int)PairRule.ForbidSameDepartment]--;
            }
            else
            {
                MovedFromBuckets++;
                scratch.Add(bucket);
            }
        }
    }

    /// <summary>Per thread: how many moved mentors each bucket lost, cleared after each mentee by the buckets it touched.</summary>
    private sealed class BucketScratch(int bucketCount)
    {
        private readonly List<int> _touched = [];

        public int[] MovedFrom { get; } = new int[bucketCount];

        public void Add(int bucket)
        {
            if (MovedFrom[bucket]++ == 0)
            {
                _touched.Add(bucket);
            }
        }

        public void Clear()
        {
            foreach (var bucket in _touched)
            {
                MovedFrom[bucket] = 0;
            }

            _touched.Clear();
        }
    }

    private static long BucketDepartment(int bucket, int department) => ((long)bucket << 32) | (uint)department;

    private static int CountAtMost(int[] gradesByRise, int grade) => UpperBound(gradesByRise, grade);

    /// <summary>The number of entries at most <paramref name="value"/> in an ascending array.</summary>
    private static int UpperBound(int[] ascending, int value)
    {
        int low = 0, high = ascending.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ascending[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static int LowerBound(int[] ascending, int value) => UpperBound(ascending, value - 1);
}
