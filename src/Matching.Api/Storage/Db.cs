using System.Data;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Storage;

/// <summary>Opens connections to the API's SQLite database, each with foreign keys on and a busy timeout.</summary>
internal sealed class Db(string connectionString)
{
    /// <summary>The configuration key holding the connection string.</summary>
    public const string ConfigurationKey = "Mentoring:Database";

    /// <summary>Opens a connection ready for use.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragmas = connection.CreateCommand();

        // Foreign keys are per connection in SQLite; the busy timeout lets concurrent writers queue rather than fail.
        pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Opens a connection and starts a write transaction that takes the write lock at once.</summary>
    public async Task<(SqliteConnection Connection, SqliteTransaction Transaction)> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        return (connection, transaction);
    }
}
