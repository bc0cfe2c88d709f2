using System.Text;
using System.Text.Json;

namespace Mentoring.Matching.Api.Participants;

/// <summary>
/// Reads a JSON array of people by writing it as the contract's CSV and letting the library's reader
/// check it, so both formats obey exactly the same rules; errors are then named by array index.
/// </summary>
internal static class PeopleJson
{
    /// <summary>The name errors give this input.</summary>
    public const string SourceName = "people";

    private static readonly string[] StandardFields = ["id", "name", "role", "grade", "department", "managerId", "capacity", "availability"];

    /// <summary>Reads the roster from a parsed JSON body.</summary>
    /// <exception cref="InvalidInputException">Any person or field is invalid; every error found is listed.</exception>
    /// <exception cref="Errors.InvalidUtf8Exception">A name or text in the body is not valid UTF-8.</exception>
    public static Roster Read(JsonElement root)
    {
        Errors.Utf8Check.Require(root, "$");
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException(new InputError(SourceName, null, null, "the body must be a JSON array of people"));
        }

        var errors = new List<InputError>();
        var rows = new List<Dictionary<string, string>>();
        var attributeColumns = new List<string>();
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            rows.Add(ReadPerson(item, index++, attributeColumns, errors));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var csv = new StringBuilder();
        var header = StandardFields.Select(CsvColumn).Concat(attributeColumns).ToArray();
        AppendRow(csv, header);
        foreach (var row in rows)
        {
            AppendRow(csv, header.Select(c => row.GetValueOrDefault(c, "")));
        }

        try
        {
            return PeopleCsv.Read(new StringReader(csv.ToString()));
        }
        catch (InvalidInputException invalid)
        {
            throw new InvalidInputException(invalid.Errors.Select(ToJsonError).ToArray());
        }
    }

    private static Dictionary<string, string> ReadPerson(JsonElement item, int index, List<string> attributeColumns, List<InputError> errors)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = $"people[{index}]";
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(SourceName, null, at, "each person must be a JSON object"));
            return row;
        }

        foreach (var property in item.EnumerateObject())
        {
            var field = StandardFields.FirstOrDefault(f => f.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            var path = $"{at}.{field ?? Errors.Echo.Shorten(property.Name)}";
            if (field is null && property.Name.Equals("attributes", StringComparison.OrdinalIgnoreCase))
            {
                ReadAttributes(property.Value, path, row, attributeColumns, errors);
            }
            else if (field is null)
            {
                errors.Add(new InputError(SourceName, null, path, "unknown field; use id, name, role, grade, department, managerId, capacity, availability, attributes"));
            }
            else if (field == "availability" && property.Value.ValueKind == JsonValueKind.Array)
            {
                var slots = property.Value.EnumerateArray().Select((slot, i) => Scalar(slot, $"{path}[{i}]", errors)).ToArray();
                row[CsvColumn(field)] = string.Join(';', slots);
            }
            else
            {
                var text = Scalar(property.Value, path, errors);

                // JSON can say "none" where the CSV leaves the role empty.
                row[CsvColumn(field)] = field == "role" && text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? "" : text;
            }
        }

        return row;
    }

    private static void ReadAttributes(JsonElement value, string path, Dictionary<string, string> row, List<string> attributeColumns, List<InputError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(SourceName, null, path, "must be an object of attribute names to values"));
            return;
        }

        foreach (var attribute in value.EnumerateObject())
        {
            var column = attribute.Name.Trim().ToLowerInvariant();
            var attributePath = $"{path}.{Errors.Echo.Shorten(attribute.Name)}";
            if (column.Length == 0 || StandardFields.Any(f => CsvColumn(f) == column) || column == "attributes")
            {
                errors.Add(new InputError(SourceName, null, attributePath, "an attribute needs a name other than the standard fields"));
                continue;
            }

            if (!attributeColumns.Contains(column))
            {
                // Checked here, not only by the CSV header: a list of columns never grows past the limit.
                if (attributeColumns.Count == PeopleLimits.MaxAttributeColumns)
                {
                    errors.Add(new InputError(SourceName, null, attributePath, $"the people have more than {PeopleLimits.MaxAttributeColumns} attributes between them; at most {PeopleLimits.MaxAttributeColumns} are allowed"));
                    return;
                }

                attributeColumns.Add(column);
            }

            row[column] = Scalar(attribute.Value, attributePath, errors);
        }
    }

    /// <summary>A string, number or null as CSV text; line breaks are refused so each person stays on one CSV line.</summary>
    private static string Scalar(JsonElement value, string path, List<InputError> errors)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => "",
            _ => null,
        };
        if (text is null)
        {
            errors.Add(new InputError(SourceName, null, path, $"must be a string, a number or null, not {(value.ValueKind == JsonValueKind.Array ? "an array" : value.ValueKind.ToString().ToLowerInvariant())}"));
            return "";
        }

        if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            errors.Add(new InputError(SourceName, null, path, "must not contain line breaks"));
            return "";
        }

        return text;
    }

    private static string CsvColumn(string field) => field == "managerId" ? "manager_id" : field;

    private static string JsonField(string column) =>
        column == "manager_id" ? "managerId"
        : StandardFields.Contains(column) ? column
        : $"attributes.{column}";

    /// <summary>Names a CSV reader's error by the person's index (line 2 is person 0) and JSON field name.</summary>
    private static InputError ToJsonError(InputError error) =>
        error.Row is { } line and > 1
            ? new InputError(SourceName, null, error.Field is { } field ? $"people[{line - 2}].{JsonField(field)}" : $"people[{line - 2}]", error.Message)
            : error with { Source = SourceName, Row = null };

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(f => $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")).Append('\n');
    }
}
