using System.Security.Cryptography;
using System.Text;

namespace Mentoring.Matching.Api.Security;

/// <summary>Random bearer tokens and the only form in which they are stored: their SHA-256 hash.</summary>
internal static class Credentials
{
    private const int TokenBytes = 32;

    /// <summary>The length of a token: 32 bytes in base64url without padding.</summary>
    private const int TokenLength = 43;

    /// <summary>A new token: 32 random bytes, base64url without padding.</summary>
    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Whether <paramref name="token"/> has the shape of a token this API issues (43 base64url characters).</summary>
    public static bool HasTokenShape(string token) =>
        token.Length == TokenLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The SHA-256 of the token, as lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
