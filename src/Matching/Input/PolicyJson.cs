using System.Text.Json;

namespace Mentoring.Matching;

/// <summary>
/// Reads and writes the contract's <c>policy.json</c>. Field names are matched case-insensitively;
/// an unknown field is an error rather than silently ignored, since a misspelt rule would otherwise not apply.
/// </summary>
public static class PolicyJson
{
    /// <summary>The name errors give this input.</summary>
    public const string SourceName = "policy.json";

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Reads a policy from a file.</summary>
    /// <exception cref="InvalidInputException">The file is not JSON or a field is invalid; every error found is listed.</exception>
    public static MatchingPolicy Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a policy from a UTF-8 JSON stream; the stream is left open.</summary>
    /// <exception cref="InvalidInputException">The text is not JSON or a field is invalid; every error found is listed.</exception>
    public static MatchingPolicy Read(Stream stream) => FromDocument(() => JsonDocument.Parse(stream, DocumentOptions));

    /// <summary>Reads a policy from JSON text.</summary>
    /// <exception cref="InvalidInputException">The text is not JSON or a field is invalid; every error found is listed.</exception>
    public static MatchingPolicy Parse(string json) => FromDocument(() => JsonDocument.Parse(json, DocumentOptions));

    /// <summary>Reads a policy from a parsed JSON object (as an HTTP API receives it).</summary>
    /// <exception cref="InvalidInputException">A field is missing or invalid; every error found is listed.</exception>
    public static MatchingPolicy Read(JsonElement root)
    {
        var errors = new InputErrorList();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException(new InputError(SourceName, null, null, "the policy must be a JSON object"));
        }

        var policy = new MatchingPolicy { Dimensions = new Dictionary<string, int>() };
        var sawDimensions = false;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            if (!seen.Add(property.Name))
            {
                // JSON lets a name repeat; taking the last one would silently drop the other.
                errors.Add(new InputError(SourceName, null, property.Name, "the field is given twice"));
                continue;
            }

            switch (property.Name.ToLowerInvariant())
            {
                case "dimensions":
                    sawDimensions = true;
                    policy = policy with { Dimensions = ReadDimensions(value, errors) };
                    break;
                case "mindifferences":
                    policy = policy with { MinDifferences = ReadInteger(value, "minDifferences", errors, minimum: 0) };
                    break;
                case "requiredifferent":
                    policy = policy with { RequireDifferent = ReadStrings(value, "requireDifferent", errors) };
                    break;
                case "minsharedslots":
                    policy = policy with { MinSharedSlots = ReadInteger(value, "minSharedSlots", errors, minimum: 0) };
                    break;
                case "sharedslotweight":
                    policy = policy with { SharedSlotWeight = ReadInteger(value, "sharedSlotWeight", errors, minimum: 0) };
                    break;
                case "mingradegap":
                    policy = policy with { MinGradeGap = ReadInteger(value, "minGradeGap", errors, minimum: null) };
                    break;
                case "linemanagement":
                    policy = policy with { LineManagement = ReadEnum(value, "lineManagement", errors, LineManagementRule.Chain) };
                    break;
                case "forbidsamedepartment":
                    policy = policy with { ForbidSameDepartment = ReadBoolean(value, "forbidSameDepartment", errors) };
                    break;
                case "forbiddenpairs":
                    policy = policy with { ForbiddenPairs = ReadPairs(value, "forbiddenPairs", errors) };
                    break;
                case "pinnedpairs":
                    policy = policy with { PinnedPairs = ReadPairs(value, "pinnedPairs", errors) };
                    break;
                case "objective":
                    policy = policy with { Objective = ReadEnum(value, "objective", errors, MatchingObjective.Total) };
                    break;
                default:
                    errors.Add(new InputError(SourceName, null, property.Name, "unknown policy field"));
                    break;
            }
        }

        if (!sawDimensions)
        {
            errors.Add(new InputError(SourceName, null, "dimensions", "the policy needs its dimensions, e.g. { \"ethnicity\": 3, \"gender\": 2 }"));
        }

        errors.ThrowIfAny();
        return policy;
    }

    /// <summary>Writes a policy in the contract's form, every field spelt out (defaults included).</summary>
    public static void Write(Utf8JsonWriter writer, MatchingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(policy);
        writer.WriteStartObject();
        writer.WriteStartObject("dimensions");
        foreach (var (name, weight) in policy.Dimensions)
        {
            writer.WriteNumber(name, weight);
        }

        writer.WriteEndObject();
        writer.WriteNumber("minDifferences", policy.MinDifferences);
        writer.WriteStartArray("requireDifferent");
        foreach (var dimension in policy.RequireDifferent)
        {
            writer.WriteStringValue(dimension);
        }

        writer.WriteEndArray();
        writer.WriteNumber("minSharedSlots", policy.MinSharedSlots);
        writer.WriteNumber("sharedSlotWeight", policy.SharedSlotWeight);
        writer.WriteNumber("minGradeGap", policy.MinGradeGap);
        writer.WriteString("lineManagement", policy.LineManagement.ToString().ToLowerInvariant());
        writer.WriteBoolean("forbidSameDepartment", policy.ForbidSameDepartment);
        WritePairs(writer, "forbiddenPairs", policy.ForbiddenPairs);
        WritePairs(writer, "pinnedPairs", policy.PinnedPairs);
        writer.WriteString("objective", policy.Objective.ToString().ToLowerInvariant());
        writer.WriteEndObject();
    }

    /// <summary>The policy as compact JSON in the contract's form.</summary>
    public static string ToJson(MatchingPolicy policy)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, policy);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePairs(Utf8JsonWriter writer, string name, IReadOnlyList<PersonPair> pairs)
    {
        writer.WriteStartArray(name);
        foreach (var pair in pairs)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(pair.MenteeId);
            writer.WriteStringValue(pair.MentorId);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static MatchingPolicy FromDocument(Func<JsonDocument> parse)
    {
        try
        {
            using var document = parse();
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw NotJson(e);
        }
    }

    private static InvalidInputException NotJson(JsonException e) =>
        new(new InputError(SourceName, e.LineNumber is { } line ? (int)line + 1 : null, null, "this is not valid JSON: " + FirstSentence(e.Message)));

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static Dictionary<string, int> ReadDimensions(JsonElement value, InputErrorList errors)
    {
        var dimensions = new Dictionary<string, int>(StringComparer.Ordinal);
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(SourceName, null, "dimensions", "must be an object of column names to integer weights"));
            return dimensions;
        }

        foreach (var dimension in value.EnumerateObject())
        {
            var name = Text.Normalize(dimension.Name);
            var weight = ReadInteger(dimension.Value, $"dimensions.{dimension.Name}", errors, minimum: 0);
            if (name.Length == 0)
            {
                errors.Add(new InputError(SourceName, null, "dimensions", "a dimension has an empty name"));
            }
            else if (!dimensions.TryAdd(name, weight))
            {
                errors.Add(new InputError(SourceName, null, $"dimensions.{dimension.Name}", "the dimension is listed twice"));
            }
        }

        return dimensions;
    }

    private static int ReadInteger(JsonElement value, string field, InputErrorList errors, int? minimum)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            errors.Add(new InputError(SourceName, null, field, $"must be an integer, not {Describe(value)}"));
            return 0;
        }

        if (number < minimum)
        {
            errors.Add(new InputError(SourceName, null, field, $"must be at least {minimum}, not {number}"));
        }

        return number;
    }

    private static bool ReadBoolean(JsonElement value, string field, InputErrorList errors)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add(new InputError(SourceName, null, field, $"must be true or false, not {Describe(value)}"));
        return false;
    }

    private static TEnum ReadEnum<TEnum>(JsonElement value, string field, InputErrorList errors, TEnum fallback)
        where TEnum : struct, Enum
    {
        var names = string.Join(", ", Enum.GetNames<TEnum>().Select(n => $"\"{n.ToLowerInvariant()}\""));
        if (value.ValueKind == JsonValueKind.String
            && Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(value.GetString()?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<TEnum>(name);
        }

        errors.Add(new InputError(SourceName, null, field, $"unknown value {Describe(value)}; use one of {names}"));
        return fallback;
    }

    private static string[] ReadStrings(JsonElement value, string field, InputErrorList errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new InputError(SourceName, null, field, $"must be an array of dimension names, not {Describe(value)}"));
            return [];
        }

        var strings = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                strings.Add(Text.Normalize(item.GetString()));
            }
            else
            {
                errors.Add(new InputError(SourceName, null, $"{field}[{index}]", $"must be a non-empty string, not {Describe(item)}"));
            }

            index++;
        }

        return strings.ToArray();
    }

    private static PersonPair[] ReadPairs(JsonElement value, string field, InputErrorList errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new InputError(SourceName, null, field, $"must be an array of [menteeId, mentorId] pairs, not {Describe(value)}"));
            return [];
        }

        var pairs = new List<PersonPair>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Array
                && item.GetArrayLength() == 2
                && item[0].ValueKind == JsonValueKind.String
                && item[1].ValueKind == JsonValueKind.String)
            {
                pairs.Add(new PersonPair(item[0].GetString()!.Trim(), item[1].GetString()!.Trim()));
            }
            else
            {
                errors.Add(new InputError(SourceName, null, $"{field}[{index}]", "must be a [menteeId, mentorId] pair of strings"));
            }

            index++;
        }

        return pairs.ToArray();
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
