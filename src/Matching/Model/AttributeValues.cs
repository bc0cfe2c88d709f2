using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Mentoring.Matching;

/// <summary>
/// One person's attribute values, read as a case-insensitive dictionary over columns shared by
/// the whole roster: a row costs one array instead of a hash table of its own.
/// Enumerates in column order.
/// </summary>
internal sealed class AttributeValues : IReadOnlyDictionary<string, string>
{
    private readonly string[] _values;

    /// <param name="columns">The roster's columns.</param>
    /// <param name="values">One value a column, in column order; owned by this instance from now on.</param>
    public AttributeValues(AttributeColumnSet columns, string[] values)
    {
        Columns = columns;
        _values = values;
    }

    /// <summary>The columns these values belong to.</summary>
    public AttributeColumnSet Columns { get; }

    public int Count => _values.Length;

    public IEnumerable<string> Keys => Array.AsReadOnly(Columns.Names);

    public IEnumerable<string> Values => Array.AsReadOnly(_values);

    public string this[string key] => TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");

    /// <summary>The value in column <paramref name="column"/> of <see cref="Columns"/>.</summary>
    public string ValueAt(int column) => _values[column];

    public bool ContainsKey(string key) => Columns.IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var column = Columns.IndexOf(key);
        value = column >= 0 ? _values[column] : null;
        return column >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return new(Columns.Names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
