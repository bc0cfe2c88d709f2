using Dapper;
using Mentoring.Matching.Api.Storage;

namespace Mentoring.Matching.Api.Security;

/// <summary>
/// The coordinator's key, held only as its hash. From configuration (<c>Mentoring:CoordinatorKey</c>) when set;
/// otherwise generated at the first start, its hash stored in the database and the key written to the log once.
/// </summary>
internal sealed partial class CoordinatorKey(Db db, IConfiguration configuration, ILogger<CoordinatorKey> logger)
{
    /// <summary>The configuration key that sets the coordinator key (validated with the other settings at start-up).</summary>
    public const string ConfigurationKey = "Mentoring:CoordinatorKey";

    private const string SettingName = "coordinator_key_sha256";

    private string? hash;

    /// <summary>The SHA-256 hash of the key; available once <see cref="InitializeAsync"/> ran.</summary>
    public string Hash => hash ?? throw new InvalidOperationException("The coordinator key is not initialised.");

    /// <summary>Takes the key from configuration, or from the database, or makes one and shows it once.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured)
        {
            hash = Credentials.Hash(configured);
            return;
        }

        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            hash = await connection.ExecuteScalarAsync<string?>(
                "SELECT value FROM settings WHERE key = @SettingName", new { SettingName }, transaction);
            if (hash is not null)
            {
                LogKeptKey(ConfigurationKey);
                return;
            }

            var key = Credentials.NewToken();
            hash = Credentials.Hash(key);
            await connection.ExecuteAsync(
                "INSERT INTO settings (key, value) VALUES (@SettingName, @hash)", new { SettingName, hash }, transaction);
            await transaction.CommitAsync(cancellationToken);
            LogNewKey(key, ConfigurationKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Generated the coordinator key (shown only this once; only its hash is stored): {Key}  Use it as 'Authorization: Bearer <key>', or set {Setting} to choose your own.")]
    private partial void LogNewKey(string key, string setting);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Using the coordinator key generated at the first start (shown in that start's log); set {Setting} to choose your own.")]
    private partial void LogKeptKey(string setting);
}
