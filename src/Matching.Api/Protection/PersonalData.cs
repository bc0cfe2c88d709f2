using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Mentoring.Matching.Api.Protection;

/// <summary>
/// Seals personal data before it is written to SQLite and opens it after it is read. Each value is encrypted with
/// AES-256-GCM under the database's data key, with its kind as associated data (a name pasted into a note's column
/// does not open); the data key itself is kept in <c>settings</c> sealed by ASP.NET Core Data Protection, so without
/// the key ring nothing opens (see <see cref="KeyRingCheck"/>). Envelope encryption, because a Data Protection call
/// per value (a fresh derived key each time) made a 100k-row upload take tens of seconds. A sealed value is
/// <see cref="Prefix"/> and base64 of nonce, ciphertext and tag; a stored value without the prefix is plaintext
/// written before encryption and is read as it is (start-up seals such values, see <see cref="PlaintextSealing"/>).
/// Empty text stays empty: erasure blanks values, and an empty value says nothing about anyone.
/// </summary>
internal sealed class PersonalData
{
    /// <summary>Marks a sealed value and its format's version.</summary>
    public const string Prefix = "ae1:";

    /// <summary>The data key's length: AES-256.</summary>
    public const int KeyBytes = 32;

    private const int NonceBytes = 12;

    private const int TagBytes = 16;

    /// <summary>Each kind's associated data, made once: sealing and opening are on every read and write of personal data.</summary>
    private static readonly byte[][] AssociatedData = [.. Enum.GetValues<PersonalDataKind>().Select(kind => Encoding.UTF8.GetBytes(Purpose(kind)))];

    private byte[]? dataKey;

    /// <summary>The associated data of a kind; versioned so a future format can sit beside this one.</summary>
    public static string Purpose(PersonalDataKind kind) => $"Mentoring.PersonalData.{kind}.v1";

    /// <summary>Whether a stored value is sealed (rather than legacy plaintext or empty).</summary>
    public static bool IsSealed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Takes the database's data key, opened at start-up by <see cref="KeyRingCheck"/>.</summary>
    public void Use(byte[] key) => dataKey = key.Length == KeyBytes ? key : throw new ArgumentException($"a data key has {KeyBytes} bytes", nameof(key));

    /// <summary>The value as it is to be stored: sealed, or unchanged when null or empty.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Seal(PersonalDataKind kind, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var plain = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), AssociatedData[(int)kind]);
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The stored value in clear: opened when sealed, as it is when legacy plaintext, null or empty.</summary>
    /// <exception cref="CryptographicException">It was sealed under another data key, or altered.</exception>
    [return: NotNullIfNotNull(nameof(stored))]
    public string? Open(PersonalDataKind kind, string? stored)
    {
        if (stored is null || !IsSealed(stored))
        {
            return stored;
        }

        var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("A sealed value is too short.");
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(Key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain, AssociatedData[(int)kind]);
        return Encoding.UTF8.GetString(plain);
    }

    private byte[] Key => dataKey ?? throw new InvalidOperationException("The data key is opened at start-up, before any personal data is read or written.");
}
