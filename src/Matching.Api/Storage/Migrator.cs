using System.Reflection;
using Dapper;

namespace Mentoring.Matching.Api.Storage;

/// <summary>
/// Applies the embedded <c>Storage/Migrations/NNNN_name.sql</c> files in order, each once, each in
/// its own transaction, recording them in <c>schema_migrations</c>.
/// </summary>
internal sealed partial class Migrator(Db db, TimeProvider time, ILogger<Migrator> logger)
{
    private const string ResourcePrefix = "Migrations/";

    /// <summary>Brings the database to the latest schema and turns on write-ahead logging.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT;");
        }

        foreach (var (version, sql) in Migrations())
        {
            var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
            await using (connection)
            await using (transaction)
            {
                var applied = await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM schema_migrations WHERE version = @version", new { version }, transaction);
                if (applied > 0)
                {
                    continue;
                }

                await connection.ExecuteAsync(sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)",
                    new { version, at = time.GetUtcNow().ToString("O") },
                    transaction);
                await transaction.CommitAsync(cancellationToken);
                LogApplied(version);
            }
        }
    }

    /// <summary>How many of the app's migrations the database has not applied (all of them before the first start).</summary>
    public async Task<int> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var applied = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        return Migrations().Count(migration => !applied.Contains(migration.Version));
    }

    private static IEnumerable<(string Version, string Sql)> Migrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name[ResourcePrefix.Length..^".sql".Length], reader.ReadToEnd());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version}")]
    private partial void LogApplied(string version);
}
