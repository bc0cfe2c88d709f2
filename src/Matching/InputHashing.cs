using System.Security.Cryptography;
using System.Text;

namespace Mentoring.Matching;

/// <summary>
/// The SHA-256 behind <see cref="MatchingProblem.InputHash"/>: every field as UTF-8 followed by 0x1F,
/// every person closed by 0x1E, then the policy's JSON. Fields are encoded into one buffer that is
/// hashed a block at a time, so a large roster costs no string per field.
/// </summary>
internal sealed class InputHashing : IDisposable
{
    private const byte FieldEnd = 0x1F;
    private const byte PersonEnd = 0x1E;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;

    private InputHashing()
    {
    }

    /// <summary>SHA-256 (hex) of the normalized roster and policy.</summary>
    public static string Hash(Roster roster, MatchingPolicy policy)
    {
        using var hashing = new InputHashing();
        return hashing.Of(roster, policy);
    }

    public void Dispose() => _hash.Dispose();

    private string Of(Roster roster, MatchingPolicy policy)
    {
        foreach (var column in roster.AttributeColumns)
        {
            Field(Text.Normalize(column));
        }

        Span<char> number = stackalloc char[16];
        foreach (var person in roster.People)
        {
            Field(person.Id);
            Field(person.Name);
            Field(person.Role.ToString());
            Field(person.Grade is { } grade && grade.TryFormat(number, out var length) ? number[..length] : default);
            Field(person.Department);
            Field(person.ManagerId);
            Field(person.Capacity.TryFormat(number, out length) ? number[..length] : default);
            // In the given order: it decides the order of slots in explanations.
            for (var i = 0; i < person.Availability.Count; i++)
            {
                if (i > 0)
                {
                    Append(";");
                }

                Append(Text.Normalize(person.Availability[i]));
            }

            End(FieldEnd);
            foreach (var (name, value) in AttributesByName(person.Attributes))
            {
                Field(Text.Normalize(name));
                Field(value);
            }

            End(PersonEnd);
        }

        Field(PolicyJson.ToJson(policy));
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <summary>The attributes ordered by name, case-insensitively; ties keep their order.</summary>
    private static IEnumerable<KeyValuePair<string, string>> AttributesByName(IReadOnlyDictionary<string, string> attributes) =>
        attributes is AttributeValues row
            ? row.Columns.ByName.Select(column => new KeyValuePair<string, string>(row.Columns.Names[column], row.ValueAt(column)))
            : attributes.OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase);

    private void Field(ReadOnlySpan<char> text)
    {
        Append(text);
        End(FieldEnd);
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (Encoding.UTF8.GetMaxByteCount(text.Length) > _buffer.Length - _used)
        {
            Flush();
            if (Encoding.UTF8.GetMaxByteCount(text.Length) > _buffer.Length)
            {
                _hash.AppendData(Encoding.UTF8.GetBytes(text.ToArray()));
                return;
            }
        }

        _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void End(byte marker)
    {
        if (_used == _buffer.Length)
        {
            Flush();
        }

        _buffer[_used++] = marker;
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
