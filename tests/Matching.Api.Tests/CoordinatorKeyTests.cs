using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace Mentoring.Matching.Api.Tests;

public sealed partial class CoordinatorKeyTests
{
    [Fact]
    public async Task Without_a_configured_key_one_is_generated_shown_once_and_only_its_hash_is_stored()
    {
        using var database = new ApiFactory.TempDatabase();
        string key;
        using (var first = new GeneratedKeyFactory(database.Path))
        {
            _ = first.CreateClient();
            key = ShownKey().Match(string.Join('\n', first.Logs)).Groups["key"].Value;
            Assert.Matches("^[A-Za-z0-9_-]{43}$", key);

            await (await first.WithToken(key).GetAsync("/cohorts")).ExpectAsync(HttpStatusCode.OK);
            await (await first.Coordinator().GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
            using var db = first.OpenDatabase();
            var stored = (await db.QueryAsync<(string Key, string Value)>("SELECT key, value FROM settings ORDER BY key")).ToArray();
            Assert.Equal(["coordinator_key_sha256", "personal_data_key"], stored.Select(s => s.Key));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored[0].Value);
            Assert.All(stored, s => Assert.DoesNotContain(key, s.Value, StringComparison.Ordinal));
        }

        using var second = new GeneratedKeyFactory(database.Path);
        await (await second.WithToken(key).GetAsync("/cohorts")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotMatch(ShownKey(), string.Join('\n', second.Logs));
    }

    [GeneratedRegex(@"only its hash is stored\): (?<key>\S+)")]
    private static partial Regex ShownKey();

    private sealed class GeneratedKeyFactory(string path) : ApiFactory(path, coordinatorKey: null, ownsDatabase: false)
    {
    }
}
