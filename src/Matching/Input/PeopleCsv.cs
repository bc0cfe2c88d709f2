using System.Globalization;
using System.Text;

namespace Mentoring.Matching;

/// <summary>Reads the contract's <c>people.csv</c>: UTF-8 (BOM allowed), RFC 4180, header row, columns in any order.</summary>
public static class PeopleCsv
{
    /// <summary>The name errors give this input.</summary>
    public const string SourceName = "people.csv";

    private static readonly string[] RequiredColumns = ["id", "role", "grade", "manager_id", "availability"];
    private static readonly string[] OptionalColumns = ["name", "department", "capacity"];

    /// <summary>True for the contract's own columns, which are never diversity attributes.</summary>
    internal static bool IsBuiltInColumn(string name) => RequiredColumns.Contains(name) || OptionalColumns.Contains(name);

    /// <summary>Reads a roster from a file.</summary>
    /// <exception cref="InvalidInputException">Any row or the header is invalid; every error found is listed.</exception>
    public static Roster Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a roster from a UTF-8 stream; the stream is left open.</summary>
    /// <exception cref="InvalidInputException">Any row or the header is invalid; every error found is listed.</exception>
    public static Roster Read(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Read(reader);
    }

    /// <summary>Reads a roster from text.</summary>
    /// <exception cref="InvalidInputException">Any row or the header is invalid; every error found is listed.</exception>
    public static Roster Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            return ReadRecords(new CsvRecordReader(reader, SourceName));
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidInputException(new InputError(SourceName, null, null, "this is not a UTF-8 text file"));
        }
    }

    private static Roster ReadRecords(CsvRecordReader csv)
    {
        var fields = new List<string>();
        if (!csv.TryRead(fields, out _))
        {
            throw new InvalidInputException(new InputError(SourceName, null, null, "the file is empty; it needs a header row"));
        }

        var header = ReadHeader(fields);
        var errors = new InputErrorList();
        var people = new List<Person>();
        var lines = new List<int>();
        while (csv.TryRead(fields, out var line))
        {
            if (fields is [""])
            {
                continue;
            }

            if (fields.Count != header.Width)
            {
                errors.Add(new InputError(SourceName, line, null, $"the row has {fields.Count} fields but the header has {header.Width}"));
                continue;
            }

            // A row with a bad value still joins the roster checks, so all its errors are named at once.
            people.Add(ParsePerson(fields, header, line, errors));
            lines.Add(line);
        }

        var roster = new Roster(people, header.AttributeColumns);
        // A value that did not parse is named once, not again as missing.
        errors.AddRange(RosterChecks.Find(roster, (i, field) => new InputError(SourceName, lines[i], field, string.Empty))
            .Where(e => !errors.Names(e.Row, e.Field)));
        errors.ThrowIfAny();
        return roster;
    }

    private static Header ReadHeader(List<string> names)
    {
        var errors = new InputErrorList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = Text.Normalize(names[i]);
            if (name.Length == 0)
            {
                errors.Add(new InputError(SourceName, 1, null, $"column {i + 1} of the header has no name"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new InputError(SourceName, 1, name, "the column appears twice in the header"));
            }
        }

        foreach (var required in RequiredColumns.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new InputError(SourceName, 1, required, "the header lacks this required column"));
        }

        errors.ThrowIfAny();
        var attributes = columns
            .Where(c => !RequiredColumns.Contains(c.Key) && !OptionalColumns.Contains(c.Key))
            .OrderBy(c => c.Value)
            .Select(c => (c.Key, c.Value))
            .ToArray();
        return new Header(columns, names.Count, attributes);
    }

    private static Person ParsePerson(List<string> fields, Header header, int line, InputErrorList errors)
    {
        var roleText = Text.Normalize(fields[header.Index("role")]);
        var role = roleText switch
        {
            "mentee" => ParticipantRole.Mentee,
            "mentor" => ParticipantRole.Mentor,
            "" => ParticipantRole.None,
            _ => (ParticipantRole?)null,
        };
        if (role is null)
        {
            errors.Add(new InputError(SourceName, line, "role", $"unknown role '{fields[header.Index("role")]}'; use mentee, mentor or leave it empty"));
        }

        var grade = ParseInteger(fields[header.Index("grade")], "grade", line, errors);
        var capacity = header.TryIndex("capacity", out var capacityColumn)
            ? ParseInteger(fields[capacityColumn], "capacity", line, errors)
            : null;
        var attributes = new Dictionary<string, string>(header.AttributeColumns.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, index) in header.Attributes)
        {
            attributes[name] = fields[index].Trim();
        }

        var managerId = fields[header.Index("manager_id")].Trim();
        return new Person(
            Id: fields[header.Index("id")].Trim(),
            Name: header.TryIndex("name", out var nameColumn) ? fields[nameColumn].Trim() : string.Empty,
            Role: role ?? ParticipantRole.None,
            Grade: grade,
            Department: header.TryIndex("department", out var departmentColumn) ? fields[departmentColumn].Trim() : string.Empty,
            ManagerId: managerId.Length == 0 ? null : managerId,
            Capacity: role == ParticipantRole.Mentor ? capacity ?? 1 : 0,
            Availability: Text.SplitSlots(fields[header.Index("availability")]),
            Attributes: attributes);
    }

    private static int? ParseInteger(string text, string column, int line, InputErrorList errors)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new InputError(SourceName, line, column, $"'{trimmed}' is not an integer"));
        return null;
    }

    private sealed record Header(Dictionary<string, int> Columns, int Width, (string Name, int Index)[] Attributes)
    {
        public string[] AttributeColumns { get; } = Attributes.Select(a => a.Name).ToArray();

        public int Index(string column) => Columns[column];

        public bool TryIndex(string column, out int index) => Columns.TryGetValue(column, out index);
    }
}
