using System.Globalization;
using System.Runtime.CompilerServices;
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
    public static Roster Read(string path) => ReadChecked(path).Roster;

    /// <summary>Reads a roster from a UTF-8 stream; the stream is left open.</summary>
    /// <exception cref="InvalidInputException">Any row or the header is invalid; every error found is listed.</exception>
    public static Roster Read(Stream stream) => ReadChecked(stream).Roster;

    /// <summary>Reads a roster from text.</summary>
    /// <exception cref="InvalidInputException">Any row or the header is invalid; every error found is listed.</exception>
    public static Roster Read(TextReader reader) => ReadChecked(reader).Roster;

    /// <inheritdoc cref="Read(string)"/>
    internal static CheckedRoster ReadChecked(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadChecked(stream);
    }

    private static CheckedRoster ReadChecked(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return ReadChecked(reader);
    }

    private static CheckedRoster ReadChecked(TextReader reader)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CheckedRoster ReadRecords(CsvRecordReader csv)
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
        var row = new RowReader(csv, header, errors);
        while (csv.TryRead(out var line))
        {
            if (csv.FieldCount == 1 && csv.Field(0).IsEmpty)
            {
                continue;
            }

            if (csv.FieldCount != header.Width)
            {
                errors.Add(new InputError(SourceName, line, null, $"the row has {csv.FieldCount} fields but the header has {header.Width}"));
                continue;
            }

            // A row with a bad value still joins the roster checks, so all its errors are named at once.
            people.Add(row.Parse(line));
            lines.Add(line);
        }

        var roster = new Roster(people, header.AttributeColumns);
        var managers = new int[people.Count];
        // A value that did not parse is named once, not again as missing.
        errors.AddRange(RosterChecks.Find(roster, (i, field) => new InputError(SourceName, lines[i], field, string.Empty), managers)
            .Where(e => !errors.Names(e.Row, e.Field)));
        errors.ThrowIfAny();
        return new CheckedRoster(roster, managers);
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
            else if (name.Length > PeopleLimits.MaxColumnNameLength)
            {
                errors.Add(new InputError(SourceName, 1, Text.Shorten(name), $"the column name is longer than {PeopleLimits.MaxColumnNameLength} characters"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new InputError(SourceName, 1, name, "the column appears twice in the header"));
            }
        }

        var attributeCount = columns.Keys.Count(column => !IsBuiltInColumn(column));
        if (attributeCount > PeopleLimits.MaxAttributeColumns)
        {
            errors.Add(new InputError(SourceName, 1, null, $"the header has {attributeCount} attribute columns; at most {PeopleLimits.MaxAttributeColumns} are allowed"));
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

    /// <summary>Turns the reader's current record into a person; repeated values are shared, not copied per row.</summary>
    private sealed class RowReader(CsvRecordReader csv, Header header, InputErrorList errors)
    {
        private readonly StringPool _pool = new();
        private readonly Dictionary<string, AttributeValues> _attributeRows = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<string>> _slotLists = new(StringComparer.Ordinal);
        private readonly int _id = header.Index("id");
        private readonly int _role = header.Index("role");
        private readonly int _grade = header.Index("grade");
        private readonly int _managerId = header.Index("manager_id");
        private readonly int _availability = header.Index("availability");
        private readonly int _name = header.TryIndex("name", out var index) ? index : -1;
        private readonly int _department = header.TryIndex("department", out var index) ? index : -1;
        private readonly int _capacity = header.TryIndex("capacity", out var index) ? index : -1;
        private char[] _attributeKey = new char[256];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Person Parse(int line)
        {
            var role = ParseRole(csv.Field(_role));
            if (role is null)
            {
                errors.Add(new InputError(SourceName, line, "role", $"unknown role {Text.Quote(csv.Field(_role).ToString())}; use mentee, mentor or leave it empty"));
            }

            var grade = ParseInteger(csv.Field(_grade), "grade", line);
            var capacity = _capacity >= 0 ? ParseInteger(csv.Field(_capacity), "capacity", line) : null;
            var managerId = csv.Field(_managerId).Trim();
            return new Person(
                Id: csv.Field(_id).Trim().ToString(),
                Name: _name >= 0 ? csv.Field(_name).Trim().ToString() : string.Empty,
                Role: role ?? ParticipantRole.None,
                Grade: grade,
                Department: _department >= 0 ? _pool.Get(csv.Field(_department).Trim()) : string.Empty,
                ManagerId: managerId.IsEmpty ? null : managerId.ToString(),
                Capacity: role == ParticipantRole.Mentor ? capacity ?? 1 : 0,
                Availability: Slots(csv.Field(_availability)),
                Attributes: Attributes());
        }

        private static ParticipantRole? ParseRole(ReadOnlySpan<char> text)
        {
            Span<char> lower = stackalloc char[8];
            var trimmed = text.Trim();
            if (trimmed.Length > lower.Length)
            {
                return null;
            }

            lower = lower[..trimmed.ToLowerInvariant(lower)];
            return lower switch
            {
                "mentee" => ParticipantRole.Mentee,
                "mentor" => ParticipantRole.Mentor,
                "" => ParticipantRole.None,
                _ => null,
            };
        }

        private int? ParseInteger(ReadOnlySpan<char> text, string column, int line)
        {
            var trimmed = text.Trim();
            if (trimmed.IsEmpty)
            {
                return null;
            }

            if (int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add(new InputError(SourceName, line, column, $"{Text.Quote(trimmed.ToString())} is not an integer"));
            return null;
        }

        /// <summary>The slot list of this availability text; rows with the same text share one list.</summary>
        private IReadOnlyList<string> Slots(ReadOnlySpan<char> availability)
        {
            var lookup = _slotLists.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(availability, out var slots))
            {
                slots = Text.SplitSlots(availability.ToString()).Select(slot => _pool.Get(slot)).ToArray();
                lookup[availability] = slots;
            }

            return slots;
        }

        private IReadOnlyDictionary<string, string> Attributes()
        {
            if (header.AttributeSet is { } set)
            {
                // Rows with the same values share one read-only instance. The key spells each value's
                // length in two characters, then the value, so no two rows of values share a key.
                var length = 0;
                foreach (var (_, index) in header.Attributes)
                {
                    var value = csv.Field(index).Trim();
                    if (length + 2 + value.Length > _attributeKey.Length)
                    {
                        Array.Resize(ref _attributeKey, Math.Max(_attributeKey.Length * 2, length + 2 + value.Length));
                    }

                    _attributeKey[length++] = (char)(value.Length >> 16);
                    _attributeKey[length++] = (char)value.Length;
                    value.CopyTo(_attributeKey.AsSpan(length));
                    length += value.Length;
                }

                var rows = _attributeRows.GetAlternateLookup<ReadOnlySpan<char>>();
                var key = _attributeKey.AsSpan(0, length);
                if (!rows.TryGetValue(key, out var row))
                {
                    var values = new string[header.Attributes.Length];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = _pool.Get(csv.Field(header.Attributes[i].Index).Trim());
                    }

                    row = new AttributeValues(set, values);
                    rows[key] = row;
                }

                return row;
            }

            // Names that differ only in a letter with two lower cases (µ and μ) are one key, as ever.
            var attributes = new Dictionary<string, string>(header.Attributes.Length, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, index) in header.Attributes)
            {
                attributes[name] = _pool.Get(csv.Field(index).Trim());
            }

            return attributes;
        }
    }

    private sealed record Header(Dictionary<string, int> Columns, int Width, (string Name, int Index)[] Attributes)
    {
        public string[] AttributeColumns { get; } = Attributes.Select(a => a.Name).ToArray();

        /// <summary>The columns each row's values share; null when two names are one key case-insensitively.</summary>
        public AttributeColumnSet? AttributeSet { get; } =
            Attributes.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == Attributes.Length
                ? new AttributeColumnSet(Attributes.Select(a => a.Name).ToArray())
                : null;

        public int Index(string column) => Columns[column];

        public bool TryIndex(string column, out int index) => Columns.TryGetValue(column, out index);
    }
}
