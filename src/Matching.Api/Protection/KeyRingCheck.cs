using System.Security.Cryptography;
using Dapper;
using Mentoring.Matching.Api.Hosting;
using Mentoring.Matching.Api.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.Protection;

/// <summary>
/// Opens the database's data key at start-up, and so tells whether the key ring is the one that sealed this
/// database: the first start makes a random data key and keeps it in <c>settings</c> sealed with the key ring;
/// every later start opens it. Another key ring (a fresh one after the keys were lost, or another installation's)
/// stops the start with one line, rather than answering every read of personal data with a 500.
/// </summary>
internal sealed partial class KeyRingCheck(Db db, PersonalData personalData, IDataProtectionProvider provider, KeyRing keyRing, ILogger<KeyRingCheck> logger)
{
    private const string SettingName = "personal_data_key";

    private const string Purpose = "Mentoring.PersonalData.DataKey.v1";

    /// <summary>Makes and seals the data key on the first start; opens it on later ones; hands it to <see cref="PersonalData"/>.</summary>
    /// <exception cref="OptionsValidationException">The key ring cannot open the database's data key; the message says where it is.</exception>
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        var protector = provider.CreateProtector(Purpose);
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var sealedKey = await connection.ExecuteScalarAsync<string?>(
                "SELECT value FROM settings WHERE key = @SettingName", new { SettingName }, transaction);
            if (sealedKey is null)
            {
                var key = RandomNumberGenerator.GetBytes(PersonalData.KeyBytes);
                await connection.ExecuteAsync(
                    "INSERT INTO settings (key, value) VALUES (@SettingName, @value)",
                    new { SettingName, value = Convert.ToBase64String(protector.Protect(key)) },
                    transaction);
                await transaction.CommitAsync(cancellationToken);
                personalData.Use(key);
                LogFirstSeal(keyRing.Directory);
                return;
            }

            try
            {
                personalData.Use(protector.Unprotect(Convert.FromBase64String(sealedKey)));
            }
            catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
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
        Message = "Personal data is now sealed with a data key kept under the key ring in {Directory}; back the key ring up apart from the database: without it the personal data cannot be read.")]
    private partial void LogFirstSeal(string directory);
}
