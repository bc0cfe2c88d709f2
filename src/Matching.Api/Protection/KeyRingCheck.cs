using System.Security.Cryptography;
using Dapper;
using Mentoring.Matching.Api.Hosting;
using Mentoring.Matching.Api.Storage;
using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.Protection;

/// <summary>
/// Tells at start-up whether the key ring is the one that sealed this database: the first start seals a known
/// value into <c>settings</c>, and every later start opens it. Another key ring (a fresh one after the keys were
/// lost, or another installation's) stops the start with one line, rather than answering every read of personal
/// data with a 500.
/// </summary>
internal sealed partial class KeyRingCheck(Db db, PersonalData personalData, KeyRing keyRing, ILogger<KeyRingCheck> logger)
{
    private const string SettingName = "key_ring_check";

    private const string KnownValue = "This database's personal data is sealed with this key ring.";

    /// <summary>Seals the known value on the first start; opens it on later ones.</summary>
    /// <exception cref="OptionsValidationException">The key ring cannot open the database's sealed values; the message says where it is.</exception>
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var sealedValue = await connection.ExecuteScalarAsync<string?>(
                "SELECT value FROM settings WHERE key = @SettingName", new { SettingName }, transaction);
            if (sealedValue is null)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO settings (key, value) VALUES (@SettingName, @value)",
                    new { SettingName, value = personalData.Seal(PersonalDataKind.KeyRingCheck, KnownValue) },
                    transaction);
                await transaction.CommitAsync(cancellationToken);
                LogFirstSeal(keyRing.Directory);
                return;
            }

            string? opened;
            try
            {
                opened = personalData.Open(PersonalDataKind.KeyRingCheck, sealedValue);
            }
            catch (CryptographicException)
            {
                opened = null;
            }

            if (opened != KnownValue)
            {
                throw new OptionsValidationException(
                    MentoringSettings.Section,
                    typeof(MentoringSettings),
                    [$"{MentoringSettings.Section}:KeyRingDirectory: the key ring in {keyRing.Directory} cannot decrypt this database's personal data; " +
                     "it was sealed with another key ring. Restore that key ring (from the backup taken with the database) or point the setting at it."]);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Personal data is now sealed with the key ring in {Directory}; back it up apart from the database: without it the personal data cannot be read.")]
    private partial void LogFirstSeal(string directory);
}
