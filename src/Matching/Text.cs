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
}
