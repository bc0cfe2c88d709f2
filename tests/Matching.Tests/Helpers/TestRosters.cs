namespace Mentoring.Matching.Tests;

/// <summary>Small rosters and policies built in code, so each rule test shows exactly the people it needs.</summary>
internal static class TestRosters
{
    /// <summary>A mentee; attributes are written <c>gender=f;ethnicity=a</c>.</summary>
    public static Person Mentee(string id, int grade = 5, string slots = "mon-am", string attributes = "", string? manager = null, string department = "") =>
        new(id, id, ParticipantRole.Mentee, grade, department, manager, 0, Slots(slots), Attributes(attributes));

    /// <summary>A mentor; attributes are written <c>gender=f;ethnicity=a</c>.</summary>
    public static Person Mentor(string id, int grade = 1, string slots = "mon-am", string attributes = "", string? manager = null, string department = "", int capacity = 1) =>
        new(id, id, ParticipantRole.Mentor, grade, department, manager, capacity, Slots(slots), Attributes(attributes));

    /// <summary>Someone only in the org chart.</summary>
    public static Person Staff(string id, string? manager = null, string department = "") =>
        new(id, id, ParticipantRole.None, null, department, manager, 0, [], Attributes(string.Empty));

    /// <summary>A roster whose attribute columns are <c>gender</c> (so <see cref="Open"/> always applies) and every attribute key the people carry.</summary>
    public static Roster Roster(params Person[] people)
    {
        var columns = Matching.Roster.FromPeople(people).AttributeColumns;
        return new Roster(people, columns.Contains("gender") ? columns : ["gender", .. columns]);
    }

    /// <summary>
    /// A policy that bars nothing by default (no minimum differences or shared slots, line management
    /// off, grade gap 1 which the default grades satisfy), so a test switches on just the rule it tests.
    /// Dimensions are written <c>gender=2;ethnicity=3</c>.
    /// </summary>
    public static MatchingPolicy Open(string dimensions = "gender=1") => new()
    {
        Dimensions = Weights(dimensions),
        MinDifferences = 0,
        MinSharedSlots = 0,
        LineManagement = LineManagementRule.Off,
    };

    public static Dictionary<string, int> Weights(string dimensions) =>
        dimensions.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split('='))
            .ToDictionary(d => d[0], d => int.Parse(d[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    public static PersonPair[] Pairs(params (string Mentee, string Mentor)[] pairs) =>
        pairs.Select(p => new PersonPair(p.Mentee, p.Mentor)).ToArray();

    public static MatchingResult Solve(Roster roster, MatchingPolicy policy) =>
        Matcher.Solve(MatchingProblem.Create(roster, policy));

    /// <summary>The mentor each mentee got, by mentee id.</summary>
    public static Dictionary<string, string> MentorOf(MatchingResult result) =>
        result.Pairs.ToDictionary(p => p.MenteeId, p => p.MentorId, StringComparer.Ordinal);

    private static string[] Slots(string slots) => slots.Split(';', StringSplitOptions.RemoveEmptyEntries);

    private static Dictionary<string, string> Attributes(string attributes)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in attributes.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', 2);
            values[parts[0]] = parts[1];
        }

        return values;
    }
}
