using System.Data;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Storage;

/// <summary>Opens connections to the API's SQLite database, each with foreign keys on and a busy timeout.</summary>
internal sealed class Db(string connectionString)
{
    /// <summary>The configuration key holding the connection string.</summary>
    public const string ConfigurationKey = "Mentoring:Database";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the database file readable and writable by its owner only (0600), or narrows an existing one;
    /// SQLite gives its WAL and shared-memory files the same mode.
    /// </summary>
    public void SecureFile()
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (path.Length == 0 || path == ":memory:" || OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }
        else
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    /// <summary>Opens a connection ready for use.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragmas = connection.CreateCommand();

        // Foreign keys and synchronous are per connection in SQLite; the busy timeout lets concurrent writers queue
        // rather than fail. In WAL mode synchronous NORMAL syncs at checkpoints rather than on every commit: a
        // committed transaction survives the process being killed (CrashTests), only a power cut or OS crash can
        // lose the last commits, never corrupt the file.
        pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
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
