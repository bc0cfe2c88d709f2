namespace Mentoring.Matching.Tests;

/// <summary>
/// The contract's pair rules and score, written again straight from the contract text and kept
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
        _byId = roster.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Mentees = roster.People.Where(p => p.Role == ParticipantRole.Mentee).ToArray();
        Mentors = roster.People.Where(p => p.Role == ParticipantRole.Mentor).ToArray();
    }

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

        if (_policy.ForbiddenPairs.Contains(new PersonPair(mentee.Id, mentor.Id)))
        {
            broken.Add("forbiddenPairs");
        }

        return broken;
    }

    public bool Feasible(Person mentee, Person mentor) => BrokenRules(mentee, mentor).Count == 0;

    /// <summary>"Σ weight(d) over the dimensions they differ on + sharedSlotWeight × shared slots."</summary>
    public int Score(Person mentee, Person mentor) =>
        _policy.Dimensions.Where(d => Differ(mentee, mentor, d.Key)).Sum(d => d.Value) + (_policy.SharedSlotWeight * SharedSlots(mentee, mentor));

    /// <summary>The pair's score when it passes every rule, else null.</summary>
    public int? ScoreIfFeasible(Person mentee, Person mentor) => Feasible(mentee, mentor) ? Score(mentee, mentor) : null;

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
