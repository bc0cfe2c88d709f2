namespace Mentoring.Matching.Api.Errors;

/// <summary>
/// How an error repeats what a client sent: a short prefix and the length, never the whole value, so a huge
/// value cannot make a huge answer. The same rule as the library's own errors (40 characters).
/// </summary>
internal static class Echo
{
    /// <summary>The most characters of a sent value an error repeats.</summary>
    public const int Limit = 40;

    /// <summary>The longest field or message a 422 lists: a backstop over texts that already echo short values.</summary>
    public const int MaxErrorText = 1_000;

    /// <summary>A value for an error message: in full when short, else its first <see cref="Limit"/> characters and its length.</summary>
    public static string Shorten(string value) => Cap(value, Limit);

    /// <summary>A value in single quotes for an error message, <see cref="Shorten"/>ed.</summary>
    public static string Quote(string value) => $"'{Shorten(value)}'";

    /// <summary>The text in full when it has at most <paramref name="most"/> characters, else its start and its length.</summary>
    public static string Cap(string value, int most) =>
        value.Length <= most ? value : $"{value[..most]}… ({value.Length} characters)";
}
