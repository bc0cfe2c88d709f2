using System.Numerics;

namespace Mentoring.Matching.Engine;

/// <summary>
/// The problem in the shape the solver needs: participants as dense indexes, attribute values and
/// slots as small integers and bit sets, so checking and scoring a pair touches a few array cells.
/// Mentees and mentors keep their roster order.
/// </summary>
internal sealed class CompiledProblem
{
    private static readonly PairRule[] Rules = Enum.GetValues<PairRule>();

    private readonly int _dimensionCount;
    private readonly int _valueColumns;
    private readonly int[] _weights;
    private readonly bool[] _required;
    private readonly int[] _menteeValues;
    private readonly int[] _mentorValues;
    private readonly int _slotWords;
    private readonly ulong[] _menteeSlots;
    private readonly ulong[] _mentorSlots;
    private readonly int[] _menteeGrade;
    private readonly int[] _mentorGrade;
    private readonly int[] _menteeDepartment;
    private readonly int[] _mentorDepartment;
    private readonly OrgChart _chart;
    private readonly Dictionary<long, string?> _forbidden;
    private readonly MatchingPolicy _policy;
    private readonly SetColumns _sets;
    private readonly Lazy<Dictionary<string, int>> _menteeIndexById;
    private readonly Lazy<Dictionary<string, int>> _mentorIndexById;

    public CompiledProblem(CheckedRoster checkedRoster, MatchingPolicy policy)
    {
        _policy = policy;
        Roster = checkedRoster.Roster;
        var people = Roster.People;
        var mentees = new List<int>();
        var mentors = new List<int>();
        // Bits in order of first appearance in the roster, so explanations list slots as the roster does (mon before tue).
        var slotBits = new TextCodes(_ => false);
        var slotLists = new Dictionary<IReadOnlyList<string>, int[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            if (person.Role == ParticipantRole.None)
            {
                continue;
            }

            (person.Role == ParticipantRole.Mentee ? mentees : mentors).Add(i);
            if (!slotLists.ContainsKey(person.Availability))
            {
                slotLists.Add(person.Availability, person.Availability.Select(slotBits.Of).ToArray());
            }
        }

        MenteePeople = [.. mentees];
        MentorPeople = [.. mentors];
        // Only pins and forbidden pairs look participants up by id.
        _menteeIndexById = new(() => IndexById(people, MenteePeople));
        _mentorIndexById = new(() => IndexById(people, MentorPeople));
        // No mentor can take more mentees than there are, so larger capacities change nothing but the arithmetic.
        MentorCapacity = MentorPeople.Select(p => Math.Clamp(people[p].Capacity, 0, MenteePeople.Length)).ToArray();

        Dimensions = policy.Dimensions.Keys.Select(Text.Normalize).ToArray();
        _dimensionCount = Dimensions.Count;
        _weights = policy.Dimensions.Values.ToArray();
        var required = policy.RequireDifferent.Select(Text.Normalize).ToHashSet(StringComparer.Ordinal);
        _required = Dimensions.Select(required.Contains).ToArray();
        RequiredOutsideDimensions = required.Where(r => !Dimensions.Contains(r)).Order(StringComparer.Ordinal).ToArray();
        _valueColumns = _dimensionCount + RequiredOutsideDimensions.Count;
        SlotNames = slotBits.Names();
        _slotWords = Math.Max(1, (SlotNames.Count + 63) / 64);

        var codes = new ParticipantCodes(new TextCodes(Text.IsUnknownAttribute), slotLists, new TextCodes(department => department.Length == 0));
        (_menteeValues, _menteeSlots, _menteeGrade, _menteeDepartment) = Encode(people, MenteePeople, codes);
        (_mentorValues, _mentorSlots, _mentorGrade, _mentorDepartment) = Encode(people, MentorPeople, codes);

        DepartmentNames = codes.Departments.Names();
        _sets = new SetColumns(policy, people, MenteePeople, MentorPeople);
        _chart = new OrgChart(checkedRoster.Managers);
        _forbidden = [];
        foreach (var pair in policy.ForbiddenPairs)
        {
            if (MenteeIndexById.TryGetValue(pair.MenteeId, out var mentee) && MentorIndexById.TryGetValue(pair.MentorId, out var mentor))
            {
                // The first reason given wins when a pair is listed twice; a listing without one gives none to win.
                var key = PairKey(mentee, mentor);
                if (!_forbidden.TryGetValue(key, out var given) || given is null)
                {
                    _forbidden[key] = pair.Reason;
                }
            }
        }

        MaxPairScore = checked(_weights.Sum() + (policy.SharedSlotWeight * SlotNames.Count) + _sets.MaxScore);
    }

    public Roster Roster { get; }

    /// <summary>Roster index of each mentee, in roster order.</summary>
    public int[] MenteePeople { get; }

    /// <summary>Roster index of each mentor, in roster order.</summary>
    public int[] MentorPeople { get; }

    public Dictionary<string, int> MenteeIndexById => _menteeIndexById.Value;

    public Dictionary<string, int> MentorIndexById => _mentorIndexById.Value;

    /// <summary>Each mentor's capacity as given (pins not yet taken off), at most the number of mentees.</summary>
    public int[] MentorCapacity { get; }

    /// <summary>The policy's dimensions (normalized names) in policy order.</summary>
    public IReadOnlyList<string> Dimensions { get; }

    /// <summary><c>requireDifferent</c> names that carry no weight in <c>dimensions</c>; checked, never scored.</summary>
    public IReadOnlyList<string> RequiredOutsideDimensions { get; }

    /// <summary>Every slot token any participant offers, in roster order; a slot's bit is its index here.</summary>
    public IReadOnlyList<string> SlotNames { get; }

    /// <summary>No pair can score more than this.</summary>
    public int MaxPairScore { get; }

    public int MenteeCount => MenteePeople.Length;

    public int MentorCount => MentorPeople.Length;

    /// <summary>The rules in the order explanations apply them.</summary>
    public static IReadOnlyList<PairRule> RulesInOrder => Rules;

    public static long PairKey(int mentee, int mentor) => ((long)mentee << 32) | (uint)mentor;

    public int MinGradeGap => _policy.MinGradeGap;

    public int SharedSlotWeight => _policy.SharedSlotWeight;

    public int MenteeGrade(int mentee) => _menteeGrade[mentee];

    public int MentorGrade(int mentor) => _mentorGrade[mentor];

    public int MenteeSlotCount(int mentee) => SlotCount(_menteeSlots, mentee);

    public int MentorSlotCount(int mentor) => SlotCount(_mentorSlots, mentor);

    /// <summary>The mentee's attribute codes: equal spans mean equal scores and rules on every dimension.</summary>
    public ReadOnlySpan<int> MenteeProfile(int mentee) => _menteeValues.AsSpan(mentee * _valueColumns, _valueColumns);

    /// <summary>The mentor's attribute codes, comparable with <see cref="MenteeProfile"/>.</summary>
    public ReadOnlySpan<int> MentorProfile(int mentor) => _mentorValues.AsSpan(mentor * _valueColumns, _valueColumns);

    public int MinSharedSlots => _policy.MinSharedSlots;

    /// <summary>The pair's score when every rule holds, else -1.</summary>
    public int ScoreIfFeasible(int mentee, int mentor)
    {
        if (_menteeGrade[mentee] - _mentorGrade[mentor] < _policy.MinGradeGap)
        {
            return -1;
        }

        var dimensionScore = DimensionScoreIfDifferentEnough(mentee, mentor);
        if (dimensionScore < 0)
        {
            return -1;
        }

        var slotScore = SlotScoreIfCompatible(mentee, mentor);
        if (slotScore < 0)
        {
            return -1;
        }

        var setScore = _sets.ScoreIfShared(mentee, mentor);
        return setScore < 0 ? -1 : dimensionScore + slotScore + setScore;
    }

    /// <summary>
    /// The weight of the dimensions the two differ on, or -1 when they fail <c>minDifferences</c> or
    /// <c>requireDifferent</c>. Depends only on the two attribute profiles.
    /// </summary>
    public int DimensionScoreIfDifferentEnough(int mentee, int mentor)
    {
        var differences = 0;
        var score = 0;
        var menteeBase = mentee * _valueColumns;
        var mentorBase = mentor * _valueColumns;
        for (var d = 0; d < _dimensionCount; d++)
        {
            if (Differ(menteeBase + d, mentorBase + d))
            {
                differences++;
                score += _weights[d];
            }
            else if (_required[d])
            {
                return -1;
            }
        }

        return differences < _policy.MinDifferences || !DiffersOnRequiredOutsideDimensions(menteeBase, mentorBase) ? -1 : score;
    }

    /// <summary>
    /// <c>sharedSlotWeight × shared slots</c> when the pair shares enough slots and passes
    /// <see cref="PassesPersonRules"/>, else -1. The grade gap is left to the caller, which can
    /// often rule out whole ranges of grades at once.
    /// </summary>
    public int SlotScoreIfCompatible(int mentee, int mentor)
    {
        var shared = SharedSlotCount(mentee, mentor);
        return shared >= _policy.MinSharedSlots && PassesPersonRules(mentee, mentor) ? _policy.SharedSlotWeight * shared : -1;
    }

    /// <summary>The rules that concern the two people rather than their profiles or slots: department, reporting line, forbidden pairs.</summary>
    public bool PassesPersonRules(int mentee, int mentor) =>
        !(_policy.ForbidSameDepartment && _menteeDepartment[mentee] >= 0 && _menteeDepartment[mentee] == _mentorDepartment[mentor])
        && !BarredByLineManagement(mentee, mentor)
        && (_forbidden.Count == 0 || !_forbidden.ContainsKey(PairKey(mentee, mentor)));

    /// <summary>The reason the policy gives for barring a forbidden pair; null when it gives none or the pair is not forbidden.</summary>
    public string? ForbiddenReason(int mentee, int mentor) => _forbidden.GetValueOrDefault(PairKey(mentee, mentor));

    /// <summary>v2: what the shared values add to the pair's score, or -1 when a <c>requireSame</c> column shares none.</summary>
    public int SetScoreIfShared(int mentee, int mentor) => _sets.ScoreIfShared(mentee, mentor);

    /// <summary>v2: the most the mentee's shared values can add with any mentor (every value of its own shared).</summary>
    public int MenteeMaxSetScore(int mentee) => _sets.MenteeMaxScore(mentee);

    /// <summary>The mentor's department code, or -1 when the department is empty.</summary>
    public int MentorDepartment(int mentor) => _mentorDepartment[mentor];

    /// <summary>The mentee's department code, or -1 when the department is empty.</summary>
    public int MenteeDepartment(int mentee) => _menteeDepartment[mentee];

    /// <summary>The reporting forest over the roster's people (<see cref="MenteePeople"/>, <see cref="MentorPeople"/> index it).</summary>
    public OrgChart Chart => _chart;

    /// <summary>Every pair the policy forbids that names a mentee and a mentor of this roster.</summary>
    public IEnumerable<(int Mentee, int Mentor)> ForbiddenPairs => _forbidden.Keys.Select(key => ((int)(key >> 32), (int)(uint)key));

    /// <summary>True when the policy forbids the pair.</summary>
    public bool IsForbidden(int mentee, int mentor) => _forbidden.Count > 0 && _forbidden.ContainsKey(PairKey(mentee, mentor));

    /// <summary>The first of <paramref name="rules"/> that bars the pair (capacity as given); null when none does.</summary>
    public PairRule? FirstBrokenOf(ReadOnlySpan<PairRule> rules, int mentee, int mentor)
    {
        foreach (var rule in rules)
        {
            if (Breaks(rule, mentee, mentor, MentorCapacity))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>Department names by code (normalized).</summary>
    public IReadOnlyList<string> DepartmentNames { get; private set; } = [];

    /// <summary>True when the two differ on dimension <paramref name="dimension"/> (an index into <see cref="Dimensions"/>): both known, unequal.</summary>
    public bool DifferOn(int mentee, int mentor, int dimension) => Differ((mentee * _valueColumns) + dimension, (mentor * _valueColumns) + dimension);

    /// <summary>v2: true when the policy has <c>requireSame</c> columns.</summary>
    public bool HasRequiredSets => _policy.RequireSame.Count > 0;

    /// <summary>v2: equal keys mean equal set values in every similarity and requireSame column.</summary>
    public int MentorSetKey(int mentor) => _sets.MentorKey(mentor);

    /// <summary>v2: the set-valued columns, for walks that visit a profile's set values best first.</summary>
    public SetColumns Sets => _sets;

    /// <summary>The mentee's availability as a bit set over <see cref="SlotNames"/>.</summary>
    public ReadOnlySpan<ulong> MenteeSlots(int mentee) => _menteeSlots.AsSpan(mentee * _slotWords, _slotWords);

    /// <summary>The mentor's availability as a bit set over <see cref="SlotNames"/>.</summary>
    public ReadOnlySpan<ulong> MentorSlots(int mentor) => _mentorSlots.AsSpan(mentor * _slotWords, _slotWords);

    /// <summary>
    /// The first rule, in <see cref="PairRule"/> order, that bars the pair; null when it is feasible.
    /// <paramref name="capacity"/> says which capacity counts: as given, or what the pins left.
    /// </summary>
    public PairRule? FirstBrokenRule(int mentee, int mentor, int[] capacity)
    {
        foreach (var rule in Rules)
        {
            if (Breaks(rule, mentee, mentor, capacity))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>True when the pair breaks this one rule.</summary>
    private bool Breaks(PairRule rule, int mentee, int mentor, int[] capacity)
    {
        var menteeBase = mentee * _valueColumns;
        var mentorBase = mentor * _valueColumns;
        return rule switch
        {
            PairRule.Capacity => capacity[mentor] == 0,
            PairRule.ForbiddenPairs => _forbidden.ContainsKey(PairKey(mentee, mentor)),
            PairRule.MinGradeGap => _menteeGrade[mentee] - _mentorGrade[mentor] < _policy.MinGradeGap,
            PairRule.LineManagement => BarredByLineManagement(mentee, mentor),
            PairRule.ForbidSameDepartment => _policy.ForbidSameDepartment && _menteeDepartment[mentee] >= 0 && _menteeDepartment[mentee] == _mentorDepartment[mentor],
            PairRule.MinSharedSlots => SharedSlotCount(mentee, mentor) < _policy.MinSharedSlots,
            PairRule.RequireSame => _sets.ScoreIfShared(mentee, mentor) < 0,
            PairRule.RequireDifferent => !DiffersOnRequiredDimensions(menteeBase, mentorBase) || !DiffersOnRequiredOutsideDimensions(menteeBase, mentorBase),
            PairRule.MinDifferences => DifferenceCount(menteeBase, mentorBase) < _policy.MinDifferences,
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    /// <summary>Why the pair scores what it does.</summary>
    public PairExplanation Explain(int mentee, int mentor)
    {
        var menteeBase = mentee * _valueColumns;
        var mentorBase = mentor * _valueColumns;
        var differences = Enumerable.Range(0, _dimensionCount)
            .Where(d => Differ(menteeBase + d, mentorBase + d))
            .Select(d => new DimensionDifference(Dimensions[d], _weights[d]))
            .ToArray();
        var shared = new List<string>();
        for (var bit = 0; bit < SlotNames.Count; bit++)
        {
            var word = bit >> 6;
            var mask = 1UL << (bit & 63);
            if ((_menteeSlots[(mentee * _slotWords) + word] & _mentorSlots[(mentor * _slotWords) + word] & mask) != 0)
            {
                shared.Add(SlotNames[bit]);
            }
        }

        return new PairExplanation(differences, shared, _policy.SharedSlotWeight * shared.Count) { Similarities = _sets.Explain(mentee, mentor) };
    }

    private bool Differ(int menteeCell, int mentorCell)
    {
        var a = _menteeValues[menteeCell];
        var b = _mentorValues[mentorCell];
        return a >= 0 && b >= 0 && a != b;
    }

    private bool DiffersOnRequiredDimensions(int menteeBase, int mentorBase)
    {
        for (var d = 0; d < _dimensionCount; d++)
        {
            if (_required[d] && !Differ(menteeBase + d, mentorBase + d))
            {
                return false;
            }
        }

        return true;
    }

    private int DifferenceCount(int menteeBase, int mentorBase)
    {
        var count = 0;
        for (var d = 0; d < _dimensionCount; d++)
        {
            count += Differ(menteeBase + d, mentorBase + d) ? 1 : 0;
        }

        return count;
    }

    private bool DiffersOnRequiredOutsideDimensions(int menteeBase, int mentorBase)
    {
        for (var d = _dimensionCount; d < _valueColumns; d++)
        {
            if (!Differ(menteeBase + d, mentorBase + d))
            {
                return false;
            }
        }

        return true;
    }

    private int SlotCount(ulong[] slots, int person)
    {
        var count = 0;
        for (var w = 0; w < _slotWords; w++)
        {
            count += BitOperations.PopCount(slots[(person * _slotWords) + w]);
        }

        return count;
    }

    public int SharedSlotCount(int mentee, int mentor)
    {
        var shared = 0;
        var a = mentee * _slotWords;
        var b = mentor * _slotWords;
        for (var w = 0; w < _slotWords; w++)
        {
            shared += BitOperations.PopCount(_menteeSlots[a + w] & _mentorSlots[b + w]);
        }

        return shared;
    }

    private bool BarredByLineManagement(int mentee, int mentor) => _policy.LineManagement switch
    {
        LineManagementRule.Chain => _chart.InSameChain(MenteePeople[mentee], MentorPeople[mentor]),
        LineManagementRule.Direct => _chart.AreDirectlyLinked(MenteePeople[mentee], MentorPeople[mentor]),
        _ => false,
    };

    private static Dictionary<string, int> IndexById(IReadOnlyList<Person> people, int[] participants)
    {
        var index = new Dictionary<string, int>(participants.Length, StringComparer.Ordinal);
        for (var k = 0; k < participants.Length; k++)
        {
            index.TryAdd(people[participants[k]].Id, k);
        }

        return index;
    }

    /// <summary>
    /// One pass over a group of participants: attribute codes (the dimensions, then required-only
    /// columns; -1 is unknown), slot bit sets, grades and department codes (-1 is none).
    /// </summary>
    private (int[] Values, ulong[] Slots, int[] Grades, int[] Departments) Encode(IReadOnlyList<Person> people, int[] participants, ParticipantCodes codes)
    {
        var columns = Dimensions.Concat(RequiredOutsideDimensions).ToArray();
        var values = new int[participants.Length * columns.Length];
        var slots = new ulong[participants.Length * _slotWords];
        var grades = new int[participants.Length];
        var departments = new int[participants.Length];
        AttributeColumnSet? positionsOf = null;
        var positions = new int[columns.Length];
        for (var k = 0; k < participants.Length; k++)
        {
            var person = people[participants[k]];
            grades[k] = person.Grade ?? 0;
            departments[k] = codes.Departments.Of(person.Department);
            foreach (var bit in codes.SlotLists[person.Availability])
            {
                slots[(k * _slotWords) + (bit >> 6)] |= 1UL << (bit & 63);
            }

            var attributes = person.Attributes;
            if (attributes is AttributeValues row)
            {
                // People read from one file share the instance when they share every value.
                if (codes.Profiles.TryGetValue(row, out var profile))
                {
                    profile.CopyTo(values, k * columns.Length);
                    continue;
                }

                // Rows read from one file share their columns: find each dimension's position once.
                if (!ReferenceEquals(row.Columns, positionsOf))
                {
                    positionsOf = row.Columns;
                    for (var d = 0; d < columns.Length; d++)
                    {
                        positions[d] = row.Columns.IndexOf(columns[d]);
                    }
                }

                for (var d = 0; d < columns.Length; d++)
                {
                    values[(k * columns.Length) + d] = codes.Values.Of(positions[d] >= 0 ? row.ValueAt(positions[d]) : FindValue(attributes, columns[d]));
                }

                codes.Profiles.Add(row, values[(k * columns.Length)..((k + 1) * columns.Length)]);
                continue;
            }

            for (var d = 0; d < columns.Length; d++)
            {
                values[(k * columns.Length) + d] = codes.Values.Of(attributes.TryGetValue(columns[d], out var raw) ? raw : FindValue(attributes, columns[d]));
            }
        }

        return (values, slots, grades, departments);
    }

    /// <summary>The value under a key that only normalizing makes equal to <paramref name="column"/>, such as " Gender ".</summary>
    private static string? FindValue(IReadOnlyDictionary<string, string> attributes, string column) =>
        attributes.FirstOrDefault(a => Text.Normalize(a.Key) == column).Value;

    /// <summary>
    /// The codes mentees and mentors share: attribute values, slot lists (by list), departments, and
    /// the value codes of each shared set of attributes (by instance).
    /// </summary>
    private sealed record ParticipantCodes(TextCodes Values, Dictionary<IReadOnlyList<string>, int[]> SlotLists, TextCodes Departments)
    {
        public Dictionary<AttributeValues, int[]> Profiles { get; } = new(ReferenceEqualityComparer.Instance);
    }

    /// <summary>
    /// Small integer codes for text compared normalized, numbered in order of first appearance; -1 for
    /// text that carries no information. Remembers each raw spelling, so a repeated value is normalized once.
    /// </summary>
    private sealed class TextCodes(Func<string, bool> isUnknown)
    {
        private readonly Dictionary<string, int> _byNormalized = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _byRaw = new(StringComparer.Ordinal);

        public int Of(string? raw)
        {
            if (raw is null)
            {
                return isUnknown(string.Empty) ? -1 : OfNormalized(string.Empty);
            }

            if (!_byRaw.TryGetValue(raw, out var code))
            {
                var normalized = Text.Normalize(raw);
                code = isUnknown(normalized) ? -1 : OfNormalized(normalized);
                _byRaw.Add(raw, code);
            }

            return code;
        }

        /// <summary>The normalized texts with a code, in code order.</summary>
        public string[] Names() => [.. _byNormalized.OrderBy(entry => entry.Value).Select(entry => entry.Key)];

        private int OfNormalized(string normalized)
        {
            if (!_byNormalized.TryGetValue(normalized, out var code))
            {
                code = _byNormalized.Count;
                _byNormalized.Add(normalized, code);
            }

            return code;
        }
    }
}
