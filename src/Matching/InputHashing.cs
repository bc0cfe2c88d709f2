using System.Security.Cryptography;
using System.Text;

namespace Mentoring.Matching;

/// <summary>
/// The SHA-256 behind <see cref="MatchingProblem.InputHash"/>: every field as UTF-8 followed by 0x1F,
/// every person closed by 0x1E, then the policy's JSON. Fields are encoded into one buffer that is
/// hashed a block at a time, so a large roster costs no string per field, and a row of attribute
/// values that people share is encoded once.
/// </summary>
internal sealed class InputHashing : IDisposable
{
    private const byte FieldEnd = 0x1F;
    private const byte PersonEnd = 0x1E;

    private const int FlushSize = 64 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Dictionary<AttributeValues, byte[]> _encodedRows = new(ReferenceEqualityComparer.Instance);
    private byte[] _buffer = new byte[2 * FlushSize];
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
            Field(RoleName(person.Role));
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
            if (person.Attributes is AttributeValues row)
            {
                Bytes(EncodedAttributes(row));
            }
            else
            {
                Attributes(person.Attributes.OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase));
            }

            End(PersonEnd);
            FlushIfFull();
        }

        Field(PolicyJson.ToJson(policy));
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <summary>The role's name, as <see cref="Enum.ToString()"/> spells it, without making a string for each person.</summary>
    private static string RoleName(ParticipantRole role) => role switch
    {
        ParticipantRole.None => nameof(ParticipantRole.None),
        ParticipantRole.Mentee => nameof(ParticipantRole.Mentee),
        ParticipantRole.Mentor => nameof(ParticipantRole.Mentor),
        _ => role.ToString(),
    };

    /// <summary>Attributes in the order given: names normalized, each name then its value.</summary>
    private void Attributes(IEnumerable<KeyValuePair<string, string>> attributes)
    {
        foreach (var (name, value) in attributes)
        {
            Field(Text.Normalize(name));
            Field(value);
        }
    }

    /// <summary>
    /// The bytes <see cref="Attributes"/> appends for a row of values ordered by name (ties keep
    /// their order), made once for all the people who share the row.
    /// </summary>
    private byte[] EncodedAttributes(AttributeValues row)
    {
        if (!_encodedRows.TryGetValue(row, out var bytes))
        {
            var start = _used;
            Attributes(row.Columns.ByName.Select(column => new KeyValuePair<string, string>(row.Columns.Names[column], row.ValueAt(column))));
            bytes = _buffer[start.._used];
            _used = start;
            _encodedRows.Add(row, bytes);
        }

        return bytes;
    }

    private void Bytes(byte[] bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _used += bytes.Length;
    }

    private void Field(ReadOnlySpan<char> text)
    {
        Append(text);
        End(FieldEnd);
    }

    private void Append(ReadOnlySpan<char> text) =>
        _used += Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetMaxByteCount(text.Length)));

    private void End(byte marker)
    {
        Reserve(1)[0] = marker;
        _used++;
    }

    /// <summary>Room for <paramref name="count"/> more bytes; the buffer grows rather than flushing part of a person.</summary>
    private Span<byte> Reserve(int count)
    {
        if (count > _buffer.Length - _used)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _used + count));
        }

        return _buffer.AsSpan(_used);
    }

    /// <summary>Hashes what the buffer holds once it is full enough to be worth a call.</summary>
    private void FlushIfFull()
    {
        if (_used >= FlushSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
