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

    /// <summary>The longest reason a forbidden pair gives, in characters.</summary>
    private const int MaxReasonLength = 200;

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
                errors.Add(new InputError(SourceName, null, Text.Shorten(property.Name), "the field is given twice"));
                continue;
            }

            switch (property.Name.ToLowerInvariant())
            {
                case "dimensions":
                    sawDimensions = true;
                    policy = policy with { Dimensions = ReadWeights(value, "dimensions", "column names to integer weights", errors) };
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
                    policy = policy with { ForbiddenPairs = ReadPairs(value, "forbiddenPairs", errors, reasonAllowed: true) };
                    break;
                case "pinnedpairs":
                    policy = policy with { PinnedPairs = ReadPairs(value, "pinnedPairs", errors, reasonAllowed: false) };
                    break;
                case "currentpairs":
                    policy = policy with { CurrentPairs = ReadPairs(value, "currentPairs", errors, reasonAllowed: false) };
                    break;
                case "similarities":
                    policy = policy with { Similarities = ReadWeights(value, "similarities", "column names to integer weights", errors) };
                    break;
                case "requiresame":
                    policy = policy with { RequireSame = ReadStrings(value, "requireSame", errors) };
                    break;
                case "mincoverage":
                    policy = policy with { MinCoverage = ReadWeights(value, "minCoverage", "dimension names to integer minimums", errors) };
                    break;
                case "maxpairspermentordepartment":
                    policy = policy with { MaxPairsPerMentorDepartment = value.ValueKind == JsonValueKind.Null ? null : ReadInteger(value, "maxPairsPerMentorDepartment", errors, minimum: 0) };
                    break;
                case "objective":
                    policy = policy with { Objective = ReadEnum(value, "objective", errors, MatchingObjective.Total) };
                    break;
                default:
                    errors.Add(new InputError(SourceName, null, Text.Shorten(property.Name), "unknown policy field"));
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
        WriteWeights(writer, "dimensions", policy.Dimensions);
        writer.WriteNumber("minDifferences", policy.MinDifferences);
        WriteStrings(writer, "requireDifferent", policy.RequireDifferent);
        writer.WriteNumber("minSharedSlots", policy.MinSharedSlots);
        writer.WriteNumber("sharedSlotWeight", policy.SharedSlotWeight);
        writer.WriteNumber("minGradeGap", policy.MinGradeGap);
        writer.WriteString("lineManagement", policy.LineManagement.ToString().ToLowerInvariant());
        writer.WriteBoolean("forbidSameDepartment", policy.ForbidSameDepartment);
        WritePairs(writer, "forbiddenPairs", policy.ForbiddenPairs);
        WritePairs(writer, "pinnedPairs", policy.PinnedPairs);
        writer.WriteString("objective", policy.Objective.ToString().ToLowerInvariant());
        // v2 fields only when used, so a v1 policy writes exactly as it did.
        foreach (var field in V2Fields.Where(f => IsSet(policy, f)))
        {
            WriteField(writer, policy, field);
        }

        writer.WriteEndObject();
    }

    private static readonly string[] V2Fields = ["similarities", "requireSame", "currentPairs", "minCoverage", "maxPairsPerMentorDepartment"];

    private static bool IsSet(MatchingPolicy policy, string field) => field switch
    {
        "similarities" => policy.Similarities.Count > 0,
        "requireSame" => policy.RequireSame.Count > 0,
        "currentPairs" => policy.CurrentPairs.Count > 0,
        "minCoverage" => policy.MinCoverage.Count > 0,
        "maxPairsPerMentorDepartment" => policy.MaxPairsPerMentorDepartment is not null,
        _ => true,
    };

    /// <summary>
    /// Writes one policy field (named as the contract spells it) with its value: what a what-if
    /// answer shows as its <c>change</c>.
    /// </summary>
    public static void WriteField(Utf8JsonWriter writer, MatchingPolicy policy, string field)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(policy);
        switch (field)
        {
            case "minDifferences":
                writer.WriteNumber(field, policy.MinDifferences);
                break;
            case "requireDifferent":
                WriteStrings(writer, field, policy.RequireDifferent);
                break;
            case "requireSame":
                WriteStrings(writer, field, policy.RequireSame);
                break;
            case "minSharedSlots":
                writer.WriteNumber(field, policy.MinSharedSlots);
                break;
            case "minGradeGap":
                writer.WriteNumber(field, policy.MinGradeGap);
                break;
            case "lineManagement":
                writer.WriteString(field, policy.LineManagement.ToString().ToLowerInvariant());
                break;
            case "forbidSameDepartment":
                writer.WriteBoolean(field, policy.ForbidSameDepartment);
                break;
            case "similarities":
                WriteWeights(writer, field, policy.Similarities);
                break;
            case "minCoverage":
                WriteWeights(writer, field, policy.MinCoverage);
                break;
            case "currentPairs":
                WritePairs(writer, field, policy.CurrentPairs);
                break;
            case "maxPairsPerMentorDepartment":
                if (policy.MaxPairsPerMentorDepartment is { } most)
                {
                    writer.WriteNumber(field, most);
                }
                else
                {
                    writer.WriteNull(field);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, "not a policy field a relaxation changes");
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteWeights(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, int> weights)
    {
        writer.WriteStartObject(name);
        foreach (var (key, weight) in weights)
        {
            writer.WriteNumber(key, weight);
        }

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
            if (pair.Reason is { } reason)
            {
                writer.WriteStringValue(reason);
            }

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

    /// <summary>An object of column names to non-negative integers: <c>dimensions</c>, <c>similarities</c>, <c>minCoverage</c>.</summary>
    private static Dictionary<string, int> ReadWeights(JsonElement value, string field, string shape, InputErrorList errors)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(SourceName, null, field, $"must be an object of {shape}"));
            return weights;
        }

        foreach (var entry in value.EnumerateObject())
        {
            var name = Text.Normalize(entry.Name);
            var weight = ReadInteger(entry.Value, $"{field}.{Text.Shorten(entry.Name)}", errors, minimum: 0);
            if (name.Length == 0)
            {
                errors.Add(new InputError(SourceName, null, field, "a column has an empty name"));
            }
            else if (name.Length > PeopleLimits.MaxColumnNameLength)
            {
                errors.Add(new InputError(SourceName, null, $"{field}.{Text.Shorten(entry.Name)}", ColumnNameTooLong(entry.Name)));
            }
            else if (!weights.TryAdd(name, weight))
            {
                errors.Add(new InputError(SourceName, null, $"{field}.{Text.Shorten(entry.Name)}", "the column is listed twice"));
            }
        }

        return weights;
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
            if (item.ValueKind == JsonValueKind.String && Text.Normalize(item.GetString()).Length > PeopleLimits.MaxColumnNameLength)
            {
                errors.Add(new InputError(SourceName, null, $"{field}[{index}]", ColumnNameTooLong(item.GetString()!)));
            }
            else if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
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

    private static PersonPair[] ReadPairs(JsonElement value, string field, InputErrorList errors, bool reasonAllowed)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new InputError(SourceName, null, field, $"must be an array of [menteeId, mentorId] pairs, not {Describe(value)}"));
            return [];
        }

        var pairs = new List<PersonPair>();
        var index = 0;
        var shape = reasonAllowed ? "a [menteeId, mentorId] or [menteeId, mentorId, reason] array of strings" : "a [menteeId, mentorId] pair of strings";
        foreach (var item in value.EnumerateArray())
        {
            var length = item.ValueKind == JsonValueKind.Array ? item.GetArrayLength() : 0;
            if ((length == 2 || (reasonAllowed && length == 3))
                && item[0].ValueKind == JsonValueKind.String
                && item[1].ValueKind == JsonValueKind.String)
            {
                var pair = new PersonPair(item[0].GetString()!.Trim(), item[1].GetString()!.Trim());
                if (new[] { pair.MenteeId, pair.MentorId }.FirstOrDefault(id => id.Length > PeopleLimits.MaxIdLength) is { } longId)
                {
                    errors.Add(new InputError(SourceName, null, $"{field}[{index}]", $"{Text.Quote(longId)} is longer than any id can be ({PeopleLimits.MaxIdLength} characters)"));
                }

                if (length == 3 && item[2].ValueKind != JsonValueKind.String)
                {
                    errors.Add(new InputError(SourceName, null, $"{field}[{index}]", $"the reason must be a string, not {Describe(item[2])}"));
                }
                else if (length == 3 && item[2].GetString()!.Trim().Length > MaxReasonLength)
                {
                    errors.Add(new InputError(SourceName, null, $"{field}[{index}]", $"the reason is longer than {MaxReasonLength} characters"));
                }
                else if (length == 3)
                {
                    pair = pair with { Reason = item[2].GetString()!.Trim() };
                }

                pairs.Add(pair);
            }
            else
            {
                errors.Add(new InputError(SourceName, null, $"{field}[{index}]", $"must be {shape}"));
            }

            index++;
        }

        return pairs.ToArray();
    }

    private static string ColumnNameTooLong(string name) =>
        $"{Text.Quote(name)} is longer than any column name can be ({PeopleLimits.MaxColumnNameLength} characters)";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{Text.Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
