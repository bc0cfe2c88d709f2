using Dapper;
using Mentoring.Matching.Api.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Matching.Api.Tests;

/// <summary>What the database holds as text, read straight from the file: as stored, and opened with the app's key ring.</summary>
internal static class StoredText
{
    /// <summary>Every text value in every table, as <c>table.column: value</c>, exactly as stored.</summary>
    public static async Task<string[]> RawAsync(SqliteConnection db)
    {
        var found = new List<string>();
        foreach (var table in await db.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'"))
        {
            foreach (var row in await db.QueryAsync($"SELECT * FROM \"{table}\""))
            {
                foreach (var (column, value) in (IDictionary<string, object?>)row)
                {
                    if (value is string text)
                    {
                        found.Add($"{table}.{column}: {text}");
                    }
                }
            }
        }

        return found.ToArray();
    }

    /// <summary>
    /// Every stored text value containing the text once sealed values are opened with the app's key ring: what
    /// someone holding the database and its keys could read.
    /// </summary>
    public static async Task<string[]> MentioningAsync(ApiFactory factory, string text)
    {
        var personalData = factory.Services.GetRequiredService<PersonalData>();
        using var db = factory.OpenDatabase();
        return (await RawAsync(db))
            .Select(entry => Opened(personalData, entry))
            .Where(entry => entry.Contains(text, StringComparison.Ordinal))
            .ToArray();
    }

    /// <summary>The entry with its value opened as whichever kind sealed it (each kind has its own purpose).</summary>
    private static string Opened(PersonalData personalData, string entry)
    {
        var separator = entry.IndexOf(": ", StringComparison.Ordinal);
        var value = entry[(separator + 2)..];
        if (!PersonalData.IsSealed(value))
        {
            return entry;
        }

        foreach (var kind in Enum.GetValues<PersonalDataKind>())
        {
            try
            {
                return entry[..separator] + ": " + personalData.Open(kind, value);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // Sealed as another kind: try the next.
            }
        }

        throw new InvalidOperationException($"{entry[..separator]} is sealed but opens as no kind.");
    }
}
