using Dapper;
using Mentoring.Matching.Api.Storage;

namespace Mentoring.Matching.Api.Protection;

/// <summary>
/// Seals personal data that a version before encryption wrote in clear. Runs at every start, after the
/// migrations, in one transaction: a value is plaintext when it is not empty and lacks <see cref="PersonalData.Prefix"/>,
/// so the pass finds nothing on a database that is already sealed, and also seals a restored old backup. Reads
/// open legacy plaintext as it is, so nothing depends on this pass having run.
/// </summary>
internal sealed partial class PlaintextSealing(Db db, PersonalData personalData, ILogger<PlaintextSealing> logger)
{
    /// <summary>Every sealed column: its table, the column, and the kind it is sealed as. Table and column names are fixed here, never input.</summary>
    private static readonly (string Table, string Column, PersonalDataKind Kind)[] SealedColumns =
    [
        ("people", "name", PersonalDataKind.Name),
        ("people", "department", PersonalDataKind.Department),
        ("people", "attributes_json", PersonalDataKind.Attributes),
        ("pairs", "end_note", PersonalDataKind.EndNote),
        ("sessions", "other_topic", PersonalDataKind.SessionTopic),
        ("runs", "result_json", PersonalDataKind.RunResult),
    ];

    /// <summary>Seals every plaintext value left in a sealed column; returns how many were sealed.</summary>
    public async Task<int> SealAsync(CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            // The plaintext a value replaces is zeroed rather than left in the file's free space.
            await connection.ExecuteAsync("PRAGMA secure_delete = ON", transaction: transaction);
            var total = 0;
            foreach (var (table, column, kind) in SealedColumns)
            {
                var plain = await connection.QueryAsync<(long RowId, string Value)>(
                    $"SELECT rowid, {column} FROM {table} WHERE {column} <> '' AND substr({column}, 1, @length) <> @prefix",
                    new { length = PersonalData.Prefix.Length, prefix = PersonalData.Prefix },
                    transaction);
                var updated = await connection.ExecuteAsync(
                    $"UPDATE {table} SET {column} = @Value WHERE rowid = @RowId",
                    plain.Select(row => new { row.RowId, Value = personalData.Seal(kind, row.Value) }).ToArray(),
                    transaction);
                total += updated;
            }

            await transaction.CommitAsync(cancellationToken);
            if (total > 0)
            {
                // Copies the sealed pages into the database file and empties the WAL, which still held the old ones.
                await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
                LogSealed(total);
            }

            return total;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealed {Count} personal data values written in clear before encryption at rest")]
    private partial void LogSealed(int count);
}
