using System.Text.Json;

namespace Mentoring.Matching.Api.Errors;

/// <summary>
/// Checks that every name and text of a parsed JSON body is valid UTF-8. The framework checks the text of typed
/// fields as it reads them, but a <see cref="JsonElement"/> keeps the raw bytes until someone asks for a string,
/// which then throws deep inside a reader; this check runs first, where the body is read, and names the place.
/// </summary>
internal static class Utf8Check
{
    /// <summary>Throws naming the first invalid name or text in <paramref name="element"/>, found at <paramref name="path"/> (e.g. <c>$.policy</c>).</summary>
    /// <exception cref="InvalidUtf8Exception">A name or text inside is not valid UTF-8.</exception>
    public static void Require(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Read(() => property.Name)
                        ?? throw new InvalidUtf8Exception($"A field name inside {path} is not valid UTF-8; send the body as UTF-8.", path);
                    Require(property.Value, $"{path}.{Echo.Shorten(name)}");
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Require(item, $"{path}[{index++}]");
                }

                break;
            case JsonValueKind.String when Read(element.GetString) is null:
                throw new InvalidUtf8Exception($"The text at {path} is not valid UTF-8; send the body as UTF-8.", path);
        }
    }

    /// <summary>The string, or null when its bytes are not valid UTF-8 (or escape a lone surrogate).</summary>
    private static string? Read(Func<string?> text)
    {
        try
        {
            return text() ?? "";
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
