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
        // Mentors whose first broken rule, the exceptions apart, is one their bucket settles.
        var bucketRuled = withinGap - sameDepartment;

        var reasons = new List<string>();
        Dictionary<int, int>? exceptionsInBucket = null;
        foreach (var mentor in Exceptions(mentee))
        {
            var forbidden = _problem.IsForbidden(mentee, mentor);
            var outsideGap = _problem.MentorGrade(mentor) > gradeLimit;
            if (forbidden)
            {
                removed[(int)PairRule.ForbiddenPairs]++;
                if (_problem.ForbiddenReason(mentee, mentor) is { } reason && !reasons.Contains(reason))
                {
                    reasons.Add(reason);
                }
            }
            else if (outsideGap)
            {
                continue; // the grade gap comes before the reporting line: nothing moves
            }
            else
            {
                removed[(int)PairRule.LineManagement]++;
            }

            // Take the mentor off the rule it would have broken first without its exception.
            if (outsideGap)
            {
                removed[(int)PairRule.MinGradeGap]--;
            }
            else if (sameDepartmentBarred && _problem.MentorDepartment(mentor) == department)
            {
                removed[(int)PairRule.ForbidSameDepartment]--;
            }
            else
            {
                bucketRuled--;
                exceptionsInBucket ??= [];
                var bucket = _index.BucketOf(mentor);
                exceptionsInBucket[bucket] = exceptionsInBucket.GetValueOrDefault(bucket) + 1;
            }
        }

        var sharingEnoughSlots = 0;
        var feasible = 0;
        var setRules = _problem.HasRequiredSets ? SetRules : [];
        // The attribute rules are settled once a profile: whether each profile's is known yet, and what it is.
        var profileSettled = new bool[_index.ProfileCount];
        var profileRule = new PairRule?[_index.ProfileCount];
        foreach (var bucket in BucketsSharingEnoughSlots(mentee))
        {
            var count = _index.CountAtMostGrade(bucket, gradeLimit);
            if (count > 0 && sameDepartmentBarred && _bucketDepartmentGrades.TryGetValue(BucketDepartment(bucket, department), out var sameDepartmentGrades))
            {
                count -= CountAtMost(sameDepartmentGrades, gradeLimit);
            }

            count -= exceptionsInBucket?.GetValueOrDefault(bucket) ?? 0;
            if (count == 0)
            {
                continue;
            }

            sharingEnoughSlots += count;
            var representative = _index.Representative(bucket);
            var profile = _index.ProfileOf(bucket);
            if (!profileSettled[profile])
            {
                (profileSettled[profile], profileRule[profile]) = (true, _problem.FirstBrokenOf(ProfileRules, mentee, representative));
            }

            if ((_problem.FirstBrokenOf(setRules, mentee, representative) ?? profileRule[profile]) is { } rule)
            {
                removed[(int)rule] += count;
            }
            else
            {
                feasible += count;
            }
        }

        removed[(int)PairRule.MinSharedSlots] += bucketRuled - sharingEnoughSlots;

        var last = Array.FindLastIndex(removed, count => count > 0);
        return feasible > 0 || last < 0
            ? new Result(feasible, PairRule.Capacity, 0, [])
            : new Result(0, (PairRule)last, removed[last], (PairRule)last == PairRule.ForbiddenPairs ? reasons : []);
    }

    /// <summary>The mentors with capacity that the mentee's own rules bar (forbidden pairs, reporting line), distinct, in mentor order.</summary>
    private List<int> Exceptions(int mentee)
    {
        var exceptions = new List<int>(_forbiddenMentors.GetValueOrDefault(mentee, []));
        var chart = _problem.Chart;
        var person = _problem.MenteePeople[mentee];
        switch (_policy.LineManagement)
        {
            case LineManagementRule.Chain:
                for (var above = chart.Manager(person); above >= 0; above = chart.Manager(above))
                {
                    AddMentor(exceptions, above);
                }

                // Everyone below the person entered the tour after them and before they left it.
                var first = LowerBound(_enterOfMentorsByEnter, chart.Enter(person));
                var end = LowerBound(_enterOfMentorsByEnter, chart.Exit(person));
                exceptions.AddRange(_mentorsByEnter.AsSpan(first, end - first));
                break;
            case LineManagementRule.Direct:
                if (chart.Manager(person) >= 0)
                {
                    AddMentor(exceptions, chart.Manager(person));
                }

                foreach (var report in chart.Reports(person))
                {
                    AddMentor(exceptions, report);
                }

                break;
        }

        exceptions.Sort();
        var distinct = 0;
        for (var i = 0; i < exceptions.Count; i++)
        {
            if (i == 0 || exceptions[i] != exceptions[i - 1])
            {
                exceptions[distinct++] = exceptions[i];
            }
        }

        exceptions.RemoveRange(distinct, exceptions.Count - distinct);
        return exceptions;
    }

    private void AddMentor(List<int> mentors, int person)
    {
        if (_mentorOfPerson[person] is var mentor and >= 0)
        {
            mentors.Add(mentor);
        }
    }

    /// <summary>
    /// The buckets that share at least <c>minSharedSlots</c> slots with the mentee. With the slots in one word, only the
    /// buckets offering one of the mentee's <c>s - k + 1</c> least offered slots are looked at (a bucket sharing k of
    /// the mentee's s slots offers at least one of any s - k + 1 of them), each once: under the first of them it offers.
    /// </summary>
    private IEnumerable<int> BucketsSharingEnoughSlots(int mentee)
    {
        var needed = _policy.MinSharedSlots;
        if (_bucketsOfferingSlot is null)
        {
            for (var bucket = 0; bucket < _index.BucketCount; bucket++)
            {
                if (_problem.SharedSlotCount(mentee, _index.Representative(bucket)) >= needed)
                {
                    yield return bucket;
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
            foreach (var bucket in _bucketsOfferingSlot[slot])
            {
                if ((bucketSlots[bucket] & earlier) == 0 && BitOperations.PopCount(bucketSlots[bucket] & menteeSlots) >= needed)
                {
                    yield return bucket;
                }
            }

            earlier |= 1UL << slot;
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
