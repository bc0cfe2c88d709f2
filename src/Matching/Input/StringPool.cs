namespace Mentoring.Matching;

/// <summary>
/// One string per distinct text: a roster repeats few values (departments, attribute values, slot
/// lists) across many rows, so each is made once and shared, and looking one up makes no string.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to <paramref name="text"/>.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (!_lookup.TryGetValue(text, out var pooled))
        {
            pooled = text.ToString();
            _strings.Add(pooled, pooled);
        }

        return pooled;
    }
}
