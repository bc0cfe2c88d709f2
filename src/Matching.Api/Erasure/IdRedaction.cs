using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mentoring.Matching.Api.Erasure;

/// <summary>Replaces a person's id with a pseudonym everywhere in a stored JSON document, explanations included.</summary>
internal sealed class IdRedaction(string id, string pseudonym)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // An id inside a sentence counts only as a whole token, so erasing "P1" leaves "P10" alone.
    private readonly Regex token = new($@"(?<![\p{{L}}\p{{N}}_-]){Regex.Escape(id)}(?![\p{{L}}\p{{N}}_-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The document with the id replaced, or null when it does not mention the id.</summary>
    public string? Apply(string json)
    {
        if (!json.Contains(id, StringComparison.Ordinal))
        {
            return null;
        }

        var root = JsonNode.Parse(json);
        return Replace(root) ? root!.ToJsonString(Indented) : null;
    }

    private bool Replace(JsonNode? node)
    {
        var changed = false;
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToArray())
            {
                changed |= Visit(child, text => obj[name] = text);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var index = i;
                changed |= Visit(array[i], text => array[index] = text);
            }
        }

        return changed;
    }

    private bool Visit(JsonNode? child, Action<string> set)
    {
        if (child is JsonValue value && Rewrite(value) is { } text)
        {
            set(text);
            return true;
        }

        return Replace(child);
    }

    private string? Rewrite(JsonValue value)
    {
        if (!value.TryGetValue<string>(out var text))
        {
            return null;
        }

        var replaced = text == id ? pseudonym : token.Replace(text, pseudonym);
        return replaced == text ? null : replaced;
    }
}
