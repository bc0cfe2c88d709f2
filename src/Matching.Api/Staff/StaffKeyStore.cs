using Dapper;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Storage;

namespace Mentoring.Matching.Api.Staff;

/// <summary>Staff keys in SQLite, held only as hashes; issuing and revoking each appends to the audit trail in its transaction.</summary>
internal sealed class StaffKeyStore(Db db, AuditTrail audit)
{
    private const string SelectKeys = "SELECT id, name, role, created_at, created_by, revoked_at FROM staff_keys";

    public async Task<IssuedStaffKey> IssueAsync(string name, string role, string createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = StaffKeys.NewKey();
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO staff_keys (name, role, key_hash, created_at, created_by)
                VALUES (@name, @role, @hash, @at, @createdBy)
                RETURNING id
                """,
                new { name, role, hash = Credentials.Hash(key), at = DbText.Write(now), createdBy },
                transaction,
                cancellationToken: cancellationToken));
            await audit.AppendAsync(connection, transaction, AuditActions.StaffKeyIssued, null, StaffKeys.Actor(id), role, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new IssuedStaffKey(new StaffKeyView(id, name, role, now, createdBy, null), key);
        }
    }

    public async Task<IReadOnlyList<StaffKeyView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaffKeyRow>(new CommandDefinition(SelectKeys + " ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToView()).ToArray();
    }

    /// <summary>Revokes a key at once; revoking a revoked key changes nothing. False when there is no such key.</summary>
    public async Task<bool> RevokeAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var live = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT revoked_at IS NULL FROM staff_keys WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
            if (live is null)
            {
                return false;
            }

            if (live == 1)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE staff_keys SET revoked_at = @at WHERE id = @id", new { id, at = DbText.Write(now) }, transaction, cancellationToken: cancellationToken));
                await audit.AppendAsync(connection, transaction, AuditActions.StaffKeyRevoked, null, StaffKeys.Actor(id), "", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            return true;
        }
    }

    /// <summary>The live key with this hash, or null (unknown or revoked).</summary>
    public async Task<StaffIdentity?> FindLiveAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StaffIdentity>(new CommandDefinition(
            "SELECT id, role FROM staff_keys WHERE key_hash = @keyHash AND revoked_at IS NULL", new { keyHash }, cancellationToken: cancellationToken));
    }

    private sealed class StaffKeyRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string Role { get; init; } = "";

        public string CreatedAt { get; init; } = "";

        public string CreatedBy { get; init; } = "";

        public string? RevokedAt { get; init; }

        public StaffKeyView ToView() =>
            new(Id, Name, Role, DbText.ReadTime(CreatedAt), CreatedBy, RevokedAt is null ? null : DbText.ReadTime(RevokedAt));
    }
}
