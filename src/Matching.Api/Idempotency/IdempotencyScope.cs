using System.Security.Cryptography;
using System.Text;
using Mentoring.Matching.Api.Security;

namespace Mentoring.Matching.Api.Idempotency;

/// <summary>
/// One caller's Idempotency-Key: the hash it is stored under (the caller's token hash and the key, so callers never
/// share keys) and the secret its answer is encrypted with, derived from the token and the key. Neither the token
/// nor the key is stored, so the database alone opens no stored answer.
/// </summary>
internal sealed class IdempotencyScope
{
    private const int KeyBytes = 32;

    private const int NonceBytes = 12;

    private const int TagBytes = 16;

    private static readonly byte[] Salt = Encoding.UTF8.GetBytes("Mentoring Idempotency-Key answer");

    private readonly byte[] secret;

    public IdempotencyScope(string token, string idempotencyKey)
    {
        KeyHash = Credentials.Hash($"{Credentials.Hash(token)}\n{idempotencyKey}");
        secret = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(token), KeyBytes, Salt, Encoding.UTF8.GetBytes(idempotencyKey));
    }

    /// <summary>What the key is stored under.</summary>
    public string KeyHash { get; }

    /// <summary>The answer sealed with AES-GCM: nonce, tag, ciphertext.</summary>
    public byte[] Seal(byte[] plain)
    {
        var sealedAnswer = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedAnswer.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(secret, TagBytes);
        aes.Encrypt(nonce, plain, sealedAnswer.AsSpan(NonceBytes + TagBytes), sealedAnswer.AsSpan(NonceBytes, TagBytes));
        return sealedAnswer;
    }

    /// <summary>The answer <see cref="Seal"/> sealed.</summary>
    /// <exception cref="AuthenticationTagMismatchException">It was not sealed in this scope, or was altered.</exception>
    public byte[] Open(byte[] sealedAnswer)
    {
        var plain = new byte[sealedAnswer.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(secret, TagBytes);
        aes.Decrypt(sealedAnswer.AsSpan(0, NonceBytes), sealedAnswer.AsSpan(NonceBytes + TagBytes), sealedAnswer.AsSpan(NonceBytes, TagBytes), plain);
        return plain;
    }
}
