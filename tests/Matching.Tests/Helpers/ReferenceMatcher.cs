namespace Mentoring.Matching.Tests;

/// <summary>
/// The contract's pair rules, score, current pairs and cohort rules, written again straight from the contract text and kept
/// deliberately naive (string compares, walks up the chain), so it shares no code or shortcut with
/// the engine it checks.
/// </summary>
internal sealed class ReferenceMatcher
{
    private readonly MatchingPolicy _policy;
    private readonly Dictionary<string, Person> _byId;

    public ReferenceMatcher(Roster roster, MatchingPolicy policy)
    {
        _policy = policy;
        Roster = roster;
        _byId = roster.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Mentees = roster.People.Where(p => p.Role == ParticipantRole.Mentee).ToArray();
        Mentors = roster.People.Where(p => p.Role == ParticipantRole.Mentor).ToArray();
    }

    public Roster Roster { get; }

    public IReadOnlyList<Person> Mentees { get; }

    public IReadOnlyList<Person> Mentors { get; }

    public MatchingPolicy Policy => _policy;

    public Person Person(string id) => _byId[id];

    /// <summary>"Comparisons of text ... are trimmed and case-insensitive."</summary>
    public static string Norm(string? text) => (text ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>"An attribute value that is empty, prefer not to say or unknown is unknown."</summary>
    public static bool IsUnknown(string? value) => Norm(value) is "" or "prefer not to say" or "unknown";

    /// <summary>"Two people differ on a dimension when both values are known and they are not equal."</summary>
    public static bool Differ(Person a, Person b, string dimension)
    {
        var x = Value(a, dimension);
        var y = Value(b, dimension);
        return !IsUnknown(x) && !IsUnknown(y) && Norm(x) != Norm(y);
    }

    public static HashSet<string> SlotSet(Person person) =>
        person.Availability.Select(Norm).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);

    public static int SharedSlots(Person mentee, Person mentor) => SlotSet(mentee).Intersect(SlotSet(mentor)).Count();

    /// <summary>
    /// "A value in a similarities or requireSame column is a ;-separated set ... each part is trimmed and
    /// case-insensitive, and unknown parts are dropped."
    /// </summary>
    public static HashSet<string> ValueSet(Person person, string column) =>
        (Value(person, column) ?? string.Empty).Split(';').Where(part => !IsUnknown(part)).Select(Norm).ToHashSet(StringComparer.Ordinal);

    /// <summary>"Two people share the parts in both sets."</summary>
    public static HashSet<string> SharedValues(Person mentee, Person mentor, string column)
    {
        var shared = ValueSet(mentee, column);
        shared.IntersectWith(ValueSet(mentor, column));
        return shared;
    }

    /// <summary>The rules of the contract's policy table the pair breaks (capacity is an assignment matter, not listed).</summary>
    public IReadOnlyList<string> BrokenRules(Person mentee, Person mentor)
    {
        var broken = new List<string>();
        var differences = _policy.Dimensions.Keys.Count(d => Differ(mentee, mentor, d));
        if (differences < _policy.MinDifferences)
        {
            broken.Add("minDifferences");
        }

        if (_policy.RequireDifferent.Any(d => !Differ(mentee, mentor, d)))
        {
            broken.Add("requireDifferent");
        }

        if (_policy.RequireSame.Any(c => SharedValues(mentee, mentor, c).Count == 0))
        {
            broken.Add("requireSame");
        }

        if (SharedSlots(mentee, mentor) < _policy.MinSharedSlots)
        {
            broken.Add("minSharedSlots");
        }

        if (mentee.Grade!.Value - mentor.Grade!.Value < _policy.MinGradeGap)
        {
            broken.Add("minGradeGap");
        }

        var barredByLine = _policy.LineManagement switch
        {
            LineManagementRule.Chain => IsAbove(mentor, mentee) || IsAbove(mentee, mentor),
            LineManagementRule.Direct => mentee.ManagerId == mentor.Id || mentor.ManagerId == mentee.Id,
            _ => false,
        };
        if (barredByLine)
        {
            broken.Add("lineManagement");
        }

        if (_policy.ForbidSameDepartment && Norm(mentee.Department).Length > 0 && Norm(mentee.Department) == Norm(mentor.Department))
        {
            broken.Add("forbidSameDepartment");
        }

        // By ids alone: a v2 entry may carry a reason, which does not change the pair it names.
        if (_policy.ForbiddenPairs.Any(f => f.MenteeId == mentee.Id && f.MentorId == mentor.Id))
        {
            broken.Add("forbiddenPairs");
        }

        return broken;
    }

    public bool Feasible(Person mentee, Person mentor) => BrokenRules(mentee, mentor).Count == 0;

    /// <summary>
    /// "Σ weight(d) over the dimensions they differ on + Σ weight(s) × (values shared in s) over
    /// similarities + sharedSlotWeight × shared slots."
    /// </summary>
    public int Score(Person mentee, Person mentor) =>
        _policy.Dimensions.Where(d => Differ(mentee, mentor, d.Key)).Sum(d => d.Value)
        + _policy.Similarities.Sum(s => s.Value * SharedValues(mentee, mentor, s.Key).Count)
        + (_policy.SharedSlotWeight * SharedSlots(mentee, mentor));

    /// <summary>The pair's score when it passes every rule, else null.</summary>
    public int? ScoreIfFeasible(Person mentee, Person mentor) => Feasible(mentee, mentor) ? Score(mentee, mentor) : null;

    /// <summary>"A current pair is kept when the assignment pairs that mentee with that mentor."</summary>
    public bool IsCurrent(Person mentee, Person mentor) =>
        _policy.CurrentPairs.Any(c => c.MenteeId == mentee.Id && c.MentorId == mentor.Id);

    /// <summary>
    /// The cohort rules a whole assignment (pins included) breaks: a <c>minCoverage</c> entry with too
    /// few pairs differing on its dimension, or <c>maxPairsPerMentorDepartment</c> exceeded in some
    /// non-empty mentor department.
    /// </summary>
    public IReadOnlyList<string> BrokenCohortRules(IReadOnlyCollection<(Person Mentee, Person Mentor)> pairs)
    {
        var broken = new List<string>();
        foreach (var (dimension, minimum) in _policy.MinCoverage)
        {
            if (pairs.Count(p => Differ(p.Mentee, p.Mentor, dimension)) < minimum)
            {
                broken.Add($"minCoverage.{dimension}");
            }
        }

        if (_policy.MaxPairsPerMentorDepartment is { } most
            && pairs.Where(p => Norm(p.Mentor.Department).Length > 0).GroupBy(p => Norm(p.Mentor.Department)).Any(g => g.Count() > most))
        {
            broken.Add("maxPairsPerMentorDepartment");
        }

        return broken;
    }

    /// <summary>True when <paramref name="upper"/> is somewhere above <paramref name="lower"/> in the reporting chain.</summary>
    private bool IsAbove(Person upper, Person lower)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var manager = lower.ManagerId; manager is not null && seen.Add(manager); manager = _byId[manager].ManagerId)
        {
            if (manager == upper.Id)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Value(Person person, string dimension) =>
        person.Attributes.FirstOrDefault(a => Norm(a.Key) == Norm(dimension)).Value;
}
