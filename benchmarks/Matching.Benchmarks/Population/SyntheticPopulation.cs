using System.Globalization;
using System.Text;

namespace Mentoring.Matching.Benchmarks.Population;

/// <summary>
/// A generated roster, held compactly; hands out the library's <see cref="Roster"/> or writes the same people as a
/// contract <c>people.csv</c>, row by row, so that both ways of loading see identical input.
/// </summary>
internal sealed class SyntheticPopulation
{
    private static readonly string[] Header =
        ["id", "name", "role", "grade", "department", "manager_id", "capacity", "availability", .. WorkforceMix.AttributeColumns];

    private readonly PersonDraft[] people;
    private readonly int[] managers;
    private readonly int[] order;
    private readonly int[] positions;
    private readonly string idFormat;
    private readonly PopulationShape shape;
    private readonly Dictionary<uint, string[]> slotLists = [];

    /// <param name="people">The people in the order they were drawn.</param>
    /// <param name="managers">Each person's manager, as an index into <paramref name="people"/>, or -1.</param>
    /// <param name="order">The drawn person at each row; a row's position is its id.</param>
    /// <param name="shape">The shape the people were drawn in: the names of their slots and departments.</param>
    internal SyntheticPopulation(PersonDraft[] people, int[] managers, int[] order, PopulationShape shape)
    {
        this.shape = shape;
        this.people = people;
        this.managers = managers;
        this.order = order;
        positions = new int[order.Length];
        for (var row = 0; row < order.Length; row++)
        {
            positions[order[row]] = row;
        }

        idFormat = "D" + Math.Max(6, (order.Length - 1).ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture);
    }

    public int Count => people.Length;

    public int Mentees => people.Count(p => p.Role == ParticipantRole.Mentee);

    public int Mentors => people.Count(p => p.Role == ParticipantRole.Mentor);

    public Roster ToRoster()
    {
        var roster = new Person[order.Length];
        for (var row = 0; row < roster.Length; row++)
        {
            roster[row] = PersonAt(row);
        }

        return new Roster(roster, WorkforceMix.AttributeColumns);
    }

    /// <summary>Writes <c>people.csv</c> (RFC 4180, UTF-8 without BOM), streaming one row at a time.</summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', Header));
        writer.Write("\r\n");
        for (var row = 0; row < order.Length; row++)
        {
            var person = PersonAt(row);
            WriteField(writer, person.Id);
            writer.Write(',');
            WriteField(writer, person.Name);
            writer.Write(',');
            writer.Write(person.Role switch
            {
                ParticipantRole.Mentee => "mentee",
                ParticipantRole.Mentor => "mentor",
                _ => string.Empty,
            });
            writer.Write(',');
            writer.Write(person.Grade!.Value.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            WriteField(writer, person.Department);
            writer.Write(',');
            writer.Write(person.ManagerId);
            writer.Write(',');
            if (person.Role == ParticipantRole.Mentor)
            {
                writer.Write(person.Capacity.ToString(CultureInfo.InvariantCulture));
            }

            writer.Write(',');
            writer.Write(string.Join(';', person.Availability));
            foreach (var column in WorkforceMix.AttributeColumns)
            {
                writer.Write(',');
                WriteField(writer, person.Attributes[column]);
            }

            writer.Write("\r\n");
        }
    }

    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        WriteCsv(writer);
    }

    private Person PersonAt(int row)
    {
        var index = order[row];
        var draft = people[index];
        var name = WorkforceMix.FirstNames[draft.FirstName] + " " + WorkforceMix.Surnames[draft.Surname] + (draft.Suffix ? ", Jr" : string.Empty);
        var attributes = new Dictionary<string, string>(WorkforceMix.AttributeColumns.Length, StringComparer.OrdinalIgnoreCase)
        {
            ["ethnicity"] = WorkforceMix.Ethnicity[draft.Ethnicity],
            ["gender"] = WorkforceMix.Gender[draft.Gender],
            ["disability"] = WorkforceMix.YesNo[draft.Disability],
            ["lgbtq"] = WorkforceMix.YesNo[draft.Lgbtq],
            ["age_band"] = WorkforceMix.AgeBand[draft.AgeBand],
        };
        return new Person(
            Id: Id(row),
            Name: name,
            Role: draft.Role,
            Grade: draft.Grade,
            Department: draft.Department < shape.Departments.Length ? shape.Departments[draft.Department] : WorkforceMix.ExecutiveOffice,
            ManagerId: managers[index] < 0 ? null : Id(positions[managers[index]]),
            Capacity: draft.Capacity,
            Availability: SlotList(draft.Slots),
            Attributes: attributes);
    }

    private string Id(int row) => "P" + row.ToString(idFormat, CultureInfo.InvariantCulture);

    /// <summary>One shared list per distinct slot set.</summary>
    private string[] SlotList(uint mask)
    {
        if (!slotLists.TryGetValue(mask, out var list))
        {
            list = [.. Enumerable.Range(0, shape.Slots.Length).Where(bit => (mask & (1u << bit)) != 0).Select(bit => shape.Slots[bit])];
            slotLists.Add(mask, list);
        }

        return list;
    }

    private static void WriteField(TextWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
