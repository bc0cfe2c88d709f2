namespace Mentoring.Matching;

/// <summary>The contract compares text trimmed and case-insensitively; this is the one place that says how.</summary>
internal static class Text
{
    public static string Normalize(string? value) => (value ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>Empty, "prefer not to say" and "unknown" carry no information.</summary>
    public static bool IsUnknownAttribute(string normalized) =>
        normalized.Length == 0 || normalized == "prefer not to say" || normalized == "unknown";

    public static IReadOnlyList<string> SplitSlots(string? availability) =>
        (availability ?? string.Empty)
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The most characters of a bad value an error message echoes.</summary>
    public const int EchoLimit = 40;

    /// <summary>A value for an error message: in full when short, else its first <see cref="EchoLimit"/> characters and its length.</summary>
    public static string Shorten(string value) =>
        value.Length <= EchoLimit ? value : $"{value[..EchoLimit]}… ({value.Length} characters)";

    /// <summary>A value in single quotes for an error message, <see cref="Shorten"/>ed.</summary>
    public static string Quote(string value) => $"'{Shorten(value)}'";

    /// <summary>The known parts of a set-valued attribute (<c>racism;disability</c>), normalized, distinct, in order.</summary>
    public static IEnumerable<string> SplitSet(string? value) =>
        (value ?? string.Empty)
            .Split(';')
            .Select(Normalize)
            .Where(part => !IsUnknownAttribute(part))
            .Distinct(StringComparer.Ordinal);
}
