using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.DataProtection;

namespace Mentoring.Matching.Api.Protection;

/// <summary>
/// Seals personal data before it is written to SQLite and opens it after it is read, with ASP.NET Core Data
/// Protection (authenticated encryption, keys in the key ring). A sealed value is <see cref="Prefix"/> and the
/// protected payload; a stored value without the prefix is plaintext written before encryption and is read as it
/// is (start-up seals such values, see <see cref="PlaintextSealing"/>). Empty text stays empty: erasure blanks
/// values, and an empty value says nothing about anyone.
/// </summary>
internal sealed class PersonalData(IDataProtectionProvider provider)
{
    /// <summary>Marks a sealed value and its format's version.</summary>
    public const string Prefix = "dp1:";

    private readonly Dictionary<PersonalDataKind, IDataProtector> protectors = Enum.GetValues<PersonalDataKind>()
        .ToDictionary(kind => kind, kind => provider.CreateProtector(Purpose(kind)));

    /// <summary>The Data Protection purpose of a kind; versioned so a future format can sit beside this one.</summary>
    public static string Purpose(PersonalDataKind kind) => $"Mentoring.PersonalData.{kind}.v1";

    /// <summary>Whether a stored value is sealed (rather than legacy plaintext or empty).</summary>
    public static bool IsSealed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The value as it is to be stored: sealed, or unchanged when null or empty.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Seal(PersonalDataKind kind, string? value) =>
        string.IsNullOrEmpty(value) ? value : Prefix + protectors[kind].Protect(value);

    /// <summary>The stored value in clear: opened when sealed, as it is when legacy plaintext, null or empty.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key ring lacks the key that sealed it, or it was altered.</exception>
    [return: NotNullIfNotNull(nameof(stored))]
    public string? Open(PersonalDataKind kind, string? stored) =>
        stored is not null && IsSealed(stored) ? protectors[kind].Unprotect(stored[Prefix.Length..]) : stored;
}
