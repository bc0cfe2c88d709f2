using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mentoring.Matching.Api.Web.Cohorts;

/// <summary>
/// The contract's policy.json as form fields: text a coordinator can type (one "name = weight" per line, one pair per
/// line), turned into the JSON the API's own handler checks. Only shapes are read here; every rule is the library's.
/// v2 fields are sent only when filled, so a v1 policy stays byte-for-byte v1.
/// </summary>
internal sealed class PolicyForm
{
    public string Dimensions { get; set; } = "";

    public string MinDifferences { get; set; } = "1";

    public string RequireDifferent { get; set; } = "";

    public string Similarities { get; set; } = "";

    public string RequireSame { get; set; } = "";

    public string MinSharedSlots { get; set; } = "1";

    public string SharedSlotWeight { get; set; } = "1";

    public string MinGradeGap { get; set; } = "1";

    public string LineManagement { get; set; } = "chain";

    public bool ForbidSameDepartment { get; set; }

    public string ForbiddenPairs { get; set; } = "";

    public string PinnedPairs { get; set; } = "";

    public string CurrentPairs { get; set; } = "";

    public string MinCoverage { get; set; } = "";

    public string MaxPairsPerMentorDepartment { get; set; } = "";

    public string Objective { get; set; } = "total";

    /// <summary>The form showing a stored policy.</summary>
    public static PolicyForm From(JsonElement policy)
    {
        var form = new PolicyForm();
        foreach (var property in policy.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "dimensions": form.Dimensions = Weights(value); break;
                case "minDifferences": form.MinDifferences = value.GetRawText(); break;
                case "requireDifferent": form.RequireDifferent = Names(value); break;
                case "similarities": form.Similarities = Weights(value); break;
                case "requireSame": form.RequireSame = Names(value); break;
                case "minSharedSlots": form.MinSharedSlots = value.GetRawText(); break;
                case "sharedSlotWeight": form.SharedSlotWeight = value.GetRawText(); break;
                case "minGradeGap": form.MinGradeGap = value.GetRawText(); break;
                case "lineManagement": form.LineManagement = value.GetString() ?? "chain"; break;
                case "forbidSameDepartment": form.ForbidSameDepartment = value.ValueKind == JsonValueKind.True; break;
                case "forbiddenPairs": form.ForbiddenPairs = Pairs(value); break;
                case "pinnedPairs": form.PinnedPairs = Pairs(value); break;
                case "currentPairs": form.CurrentPairs = Pairs(value); break;
                case "minCoverage": form.MinCoverage = Weights(value); break;
                case "maxPairsPerMentorDepartment": form.MaxPairsPerMentorDepartment = value.ValueKind == JsonValueKind.Null ? "" : value.GetRawText(); break;
                case "objective": form.Objective = value.GetString() ?? "total"; break;
            }
        }

        return form;
    }

    /// <summary>The policy.json the form describes; errors in its shape (a line that is not "name = number") are added.</summary>
    public JsonElement ToJson(Action<string, string> error)
    {
        var policy = new JsonObject
        {
            ["dimensions"] = ReadWeights(Dimensions, nameof(Dimensions), error),
            ["minDifferences"] = ReadInteger(MinDifferences, nameof(MinDifferences), error),
            ["requireDifferent"] = ReadNames(RequireDifferent),
            ["minSharedSlots"] = ReadInteger(MinSharedSlots, nameof(MinSharedSlots), error),
            ["sharedSlotWeight"] = ReadInteger(SharedSlotWeight, nameof(SharedSlotWeight), error),
            ["minGradeGap"] = ReadInteger(MinGradeGap, nameof(MinGradeGap), error),
            ["lineManagement"] = LineManagement,
            ["forbidSameDepartment"] = ForbidSameDepartment,
            ["forbiddenPairs"] = ReadPairs(ForbiddenPairs, nameof(ForbiddenPairs), allowReason: true, error),
            ["pinnedPairs"] = ReadPairs(PinnedPairs, nameof(PinnedPairs), allowReason: false, error),
            ["objective"] = Objective,
        };
        AddIfFilled(policy, "similarities", Similarities, () => ReadWeights(Similarities, nameof(Similarities), error));
        AddIfFilled(policy, "requireSame", RequireSame, () => ReadNames(RequireSame));
        AddIfFilled(policy, "currentPairs", CurrentPairs, () => ReadPairs(CurrentPairs, nameof(CurrentPairs), allowReason: false, error));
        AddIfFilled(policy, "minCoverage", MinCoverage, () => ReadWeights(MinCoverage, nameof(MinCoverage), error));
        AddIfFilled(policy, "maxPairsPerMentorDepartment", MaxPairsPerMentorDepartment, () => ReadInteger(MaxPairsPerMentorDepartment, nameof(MaxPairsPerMentorDepartment), error));
        return JsonSerializer.SerializeToElement(policy);
    }

    /// <summary>The form field an error of the policy names (<c>dimensions.gender</c> → Dimensions), or null.</summary>
    public static string? FieldOf(string? policyField)
    {
        if (policyField is null)
        {
            return null;
        }

        var head = policyField.Split('.', '[')[0];
        var field = typeof(PolicyForm).GetProperties().FirstOrDefault(p => p.Name.Equals(head, StringComparison.OrdinalIgnoreCase));
        return field is null ? null : $"Policy.{field.Name}";
    }

    private static void AddIfFilled(JsonObject policy, string name, string text, Func<JsonNode?> read)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            policy[name] = read();
        }
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static JsonObject ReadWeights(string text, string field, Action<string, string> error)
    {
        var weights = new JsonObject();
        foreach (var line in Lines(text))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var weight))
            {
                error(field, $"“{Prefix(line)}” is not “name = whole number”.");
            }
            else if (!weights.TryAdd(parts[0], weight))
            {
                error(field, $"“{parts[0]}” is listed twice.");
            }
        }

        return weights;
    }

    private static JsonNode? ReadInteger(string text, string field, Action<string, string> error)
    {
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        error(field, text.Trim().Length == 0 ? "Enter a whole number." : $"“{Prefix(text)}” is not a whole number.");
        return 0;
    }

    private static JsonArray ReadNames(string text) =>
        new(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => (JsonNode)n).ToArray());

    private static JsonArray ReadPairs(string text, string field, bool allowReason, Action<string, string> error)
    {
        var pairs = new JsonArray();
        foreach (var line in Lines(text))
        {
            var parts = line.Split(',', allowReason ? 3 : 2, StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0 || parts.Skip(2).Any(p => p.Length == 0))
            {
                error(field, $"“{Prefix(line)}” is not “mentee id, mentor id{(allowReason ? "[, reason]" : "")}”.");
                continue;
            }

            pairs.Add(new JsonArray(parts.Select(p => (JsonNode)p).ToArray()));
        }

        return pairs;
    }

    private static string Weights(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? string.Join('\n', value.EnumerateObject().Select(p => $"{p.Name} = {p.Value.GetRawText()}")) : "";

    private static string Names(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Join(", ", value.EnumerateArray().Select(v => v.GetString())) : "";

    private static string Pairs(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Join('\n', value.EnumerateArray().Select(p => string.Join(", ", p.EnumerateArray().Select(v => v.GetString())))) : "";

    /// <summary>At most a short prefix of a bad value is echoed.</summary>
    private static string Prefix(string text) => text.Length <= 40 ? text.Trim() : text[..40].Trim() + "…";
}
