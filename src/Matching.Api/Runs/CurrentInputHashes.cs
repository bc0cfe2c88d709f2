using System.Collections.Concurrent;
using Dapper;
using Mentoring.Matching.Api.Protection;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Runs;

/// <summary>
/// Each cohort's current input hash, kept in memory with the database's state version it was computed at. Computing
/// it decrypts the whole roster, and every run list and run read needs it to say which runs are stale. Migration
/// 0006's triggers move the version on every write to a table the hash reads, so no write can forget to invalidate.
/// The version is read before the state: a change committed in between makes the entry newer than its version, so
/// the next read misses; a stale hash is never served.
/// </summary>
internal sealed partial class CurrentInputHashes(PersonalData personalData, ILogger<CurrentInputHashes> logger)
{
    private readonly ConcurrentDictionary<long, (long Version, string? Hash)> _hashes = new();

    /// <summary>
    /// The cohort's current input hash, or null when it cannot be matched as it stands. The connection must be
    /// outside any transaction: what a write not yet committed reads must not be kept.
    /// </summary>
    public async Task<string?> GetAsync(SqliteConnection connection, long cohortId, CancellationToken cancellationToken)
    {
        var version = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition("SELECT version FROM state_version", cancellationToken: cancellationToken));
        if (_hashes.TryGetValue(cohortId, out var kept) && kept.Version == version)
        {
            return kept.Hash;
        }

        var hash = await CohortProblem.CurrentHashAsync(connection, null, personalData, cohortId);
        LogComputed(cohortId, version);
        var computed = (version, hash);

        // A slower reader that began at an older version must not replace a newer entry.
        _hashes.AddOrUpdate(cohortId, computed, (_, other) => other.Version > version ? other : computed);
        return hash;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cohort {CohortId}: input hash computed at state version {Version}")]
    private partial void LogComputed(long cohortId, long version);
}
