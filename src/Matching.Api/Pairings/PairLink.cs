using System.Globalization;
using Dapper;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Storage;

namespace Mentoring.Matching.Api.Pairings;

/// <summary>Where a pair's personal link leads, and which pair a logging credential opens.</summary>
internal static class PairLink
{
    /// <summary>The web app's page for a pair; the link adds <c>#credential</c>.</summary>
    public const string PagePath = "/app/pair";

    /// <summary>The pair a credential belongs to (by its hash), or null when it opens none.</summary>
    public static async Task<long?> FindPairAsync(Db db, string credential, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM pairs WHERE credential_hash = @hash", new { hash = Credentials.Hash(credential) }, cancellationToken: cancellationToken));
    }

    /// <summary>Whether the pair still holds the credential with this hash (not reissued, not ended).</summary>
    public static async Task<bool> HoldsAsync(Db db, long pairId, string credentialHash, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT credential_hash FROM pairs WHERE id = @pairId", new { pairId }, cancellationToken: cancellationToken));
        return stored is not null && Credentials.SameHash(stored, credentialHash);
    }

    /// <summary>The claim value for a pair id.</summary>
    public static string ClaimValue(long pairId) => pairId.ToString(CultureInfo.InvariantCulture);
}
