namespace Mentoring.Matching;

/// <summary>The whole reporting structure that goes into a match: every person and the attribute columns they carry.</summary>
/// <param name="People">Everyone in the org chart, participants or not, in input order.</param>
/// <param name="AttributeColumns">The diversity attribute columns present in the input.</param>
public sealed record Roster(IReadOnlyList<Person> People, IReadOnlyList<string> AttributeColumns)
{
    /// <summary>Builds a roster whose attribute columns are every attribute key the people carry.</summary>
    public static Roster FromPeople(IReadOnlyList<Person> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var columns = people
            .SelectMany(p => p.Attributes.Keys)
            .Select(Text.Normalize)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new Roster(people, columns);
    }
}
