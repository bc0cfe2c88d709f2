using Dapper;
using Mentoring.Matching.Api.Hosting;
using Mentoring.Matching.Api.Storage;
using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.Idempotency;

/// <summary>What claiming a key came to.</summary>
internal enum IdempotencyClaim
{
    /// <summary>The key is new: this request runs and its answer is kept.</summary>
    Claimed,

    /// <summary>The key's first request finished: its answer is replayed.</summary>
    Answered,

    /// <summary>The key's first request is still running, or was cut off by a crash before it answered.</summary>
    InProgress,

    /// <summary>The key was used for a different request (endpoint or body).</summary>
    Mismatch,
}

/// <summary>Idempotency keys in SQLite, kept <see cref="MentoringSettings.IdempotencyHours"/> after their first use.</summary>
internal sealed class IdempotencyStore(Db db, IOptions<MentoringSettings> settings)
{
    /// <summary>
    /// Claims the key for this request, in one write transaction so concurrent retries see one owner; expired keys
    /// are dropped first. A stored answer comes back sealed.
    /// </summary>
    public async Task<(IdempotencyClaim Claim, byte[]? SealedAnswer)> ClaimAsync(string keyHash, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var cutoff = DbText.Write(now.AddHours(-settings.Value.IdempotencyHours));
            await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE created_at < @cutoff", new { cutoff }, transaction);
            var stored = await connection.QuerySingleOrDefaultAsync<StoredKey>(
                "SELECT request_hash, status, answer FROM idempotency_keys WHERE key_hash = @keyHash", new { keyHash }, transaction);
            if (stored is null)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO idempotency_keys (key_hash, request_hash, created_at) VALUES (@keyHash, @requestHash, @at)",
                    new { keyHash, requestHash, at = DbText.Write(now) },
                    transaction);
                await transaction.CommitAsync(cancellationToken);
                return (IdempotencyClaim.Claimed, null);
            }

            await transaction.CommitAsync(cancellationToken);
            return stored.RequestHash != requestHash ? (IdempotencyClaim.Mismatch, null)
                : stored.Status is null ? (IdempotencyClaim.InProgress, null)
                : (IdempotencyClaim.Answered, stored.Answer);
        }
    }

    /// <summary>Keeps the claimed key's answer for its retries.</summary>
    public async Task CompleteAsync(string keyHash, int status, byte[] sealedAnswer, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE idempotency_keys SET status = @status, answer = @sealedAnswer WHERE key_hash = @keyHash",
            new { keyHash, status, sealedAnswer },
            cancellationToken: cancellationToken));
    }

    /// <summary>Frees a claimed key whose request stored nothing (it failed), so a retry runs afresh.</summary>
    public async Task ReleaseAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE key_hash = @keyHash AND status IS NULL", new { keyHash }, cancellationToken: cancellationToken));
    }

    private sealed class StoredKey
    {
        public string RequestHash { get; init; } = "";

        public long? Status { get; init; }

        public byte[]? Answer { get; init; }
    }
}
