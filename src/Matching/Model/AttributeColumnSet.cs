namespace Mentoring.Matching;

/// <summary>The attribute columns a roster's <see cref="AttributeValues"/> share, found by name case-insensitively.</summary>
internal sealed class AttributeColumnSet
{
    private readonly Dictionary<string, int> _indexByName;

    /// <param name="names">Distinct column names (case-insensitively), in column order.</param>
    public AttributeColumnSet(string[] names)
    {
        Names = names;
        _indexByName = new Dictionary<string, int>(names.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            _indexByName.Add(names[i], i);
        }

        ByName = [.. Enumerable.Range(0, names.Length).OrderBy(i => names[i], StringComparer.OrdinalIgnoreCase)];
    }

    public string[] Names { get; }

    /// <summary>Column positions ordered by name, case-insensitively (ties in column order).</summary>
    public int[] ByName { get; }

    /// <summary>The position of the column called <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _indexByName.TryGetValue(name, out var index) ? index : -1;
}
