using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Mentoring.Matching.Api.Protection;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Tests;

/// <summary>Personal data at rest: sealed in the database file, in clear through the API, and only with the database's own key ring.</summary>
public sealed class EncryptionTests
{
    /// <summary>People whose every personal value is a word found nowhere else, so a hit in the file (in any case) can only be a leak.</summary>
    private const string People = """
        id,name,role,grade,department,manager_id,capacity,availability,ethnicity,campus
        M1,Quillon Vardamir,mentee,9,Xenobotany,,,mon-am,Quenyan,Fennimore
        M2,Belphoebe Ostrander,mentee,9,Hydrolinguistics,,,mon-am,Sindarin,Fennimore
        T1,Cassius Thornquist,mentor,3,Astrocartography,,1,mon-am,Sindarin,Fennimore
        T2,Delphine Marchbanks,mentor,3,Paleomycology,,1,mon-am,Quenyan,Fennimore

        """;

    /// <summary>The shared campus puts an attribute value into the run's explanations.</summary>
    private const string Policy = """{ "dimensions": { "ethnicity": 1 }, "similarities": { "campus": 1 } }""";

    private const string OtherTopic = "Orchid-grafting anxieties";

    private const string EndNote = "Relocated to Zephyrholm";

    private static readonly string[] Secrets =
    [
        "Quillon", "Vardamir", "Belphoebe", "Ostrander", "Cassius", "Thornquist", "Delphine", "Marchbanks",
        "Xenobotany", "Hydrolinguistics", "Astrocartography", "Paleomycology", "Quenyan", "Sindarin", "Fennimore",
        "Orchid-grafting", "Zephyrholm",
    ];

    private static readonly (string Table, string Column)[] SealedColumns =
    [
        ("people", "name"), ("people", "department"), ("people", "attributes_json"), ("pairs", "end_note"), ("sessions", "other_topic"), ("runs", "result_json"),
    ];

    [Fact]
    public async Task Names_departments_attributes_notes_free_text_and_run_results_are_sealed_in_the_file_and_clear_through_the_api()
    {
        using var factory = new ApiFactory();
        var (cohortId, runId, pairId, logger) = await CohortWithEverythingAsync(factory);

        var people = (await (await factory.Coordinator().GetAsync($"/cohorts/{cohortId}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(["Quillon Vardamir", "Belphoebe Ostrander", "Cassius Thornquist", "Delphine Marchbanks"], people.Strings("name"));
        Assert.Equal(["Xenobotany", "Hydrolinguistics", "Astrocartography", "Paleomycology"], people.Strings("department"));
        Assert.Equal("Quenyan", (string?)people[0]!["attributes"]!["ethnicity"]);
        var sessions = (await (await logger.GetAsync($"/pairs/{pairId}/sessions")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal([OtherTopic], sessions.Strings("otherTopic"));
        await (await factory.Coordinator().GetAsync($"/cohorts/{cohortId}/runs/{runId}")).ExpectAsync(HttpStatusCode.OK);

        // The stored result quotes the shared campus, normalised (the API's run view leaves shared values out): opened, it is there.
        Assert.Contains(await StoredText.MentioningAsync(factory, "fennimore"), entry => entry.StartsWith("runs.result_json: ", StringComparison.Ordinal));

        using (var db = factory.OpenDatabase())
        {
            foreach (var (table, column) in SealedColumns)
            {
                var values = (await db.QueryAsync<string?>($"SELECT {column} FROM {table}")).OfType<string>().ToArray();
                Assert.NotEmpty(values);
                Assert.All(values, value => Assert.StartsWith(PersonalData.Prefix, value, StringComparison.Ordinal));
            }

            var raw = string.Join('\n', await StoredText.RawAsync(db));
            Assert.All(Secrets, secret => Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase));
        }

        var file = FileText(factory.DatabasePath);
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, file, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_restart_with_the_same_key_ring_reads_what_was_sealed_before()
    {
        using var database = new ApiFactory.TempDatabase();
        long cohortId;
        long pairId;
        string credential;
        string runsBefore;
        using (var first = new FileFactory(database.Path))
        {
            (cohortId, _, pairId, var logger) = await CohortWithEverythingAsync(first);
            credential = logger.DefaultRequestHeaders.Authorization!.Parameter!;
            runsBefore = (await (await first.Coordinator().GetAsync($"/cohorts/{cohortId}/runs")).ExpectAsync(HttpStatusCode.OK))!.ToJsonString();
        }

        using var second = new FileFactory(database.Path);
        var people = (await (await second.Coordinator().GetAsync($"/cohorts/{cohortId}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal("Quillon Vardamir", (string?)people[0]!["name"]);
        Assert.Equal("Xenobotany", (string?)people[0]!["department"]);
        var sessions = (await (await second.WithToken(credential).GetAsync($"/pairs/{pairId}/sessions")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal([OtherTopic], sessions.Strings("otherTopic"));

        // Whether a run is stale is the hash of the roster opened again: the same people give the same answer.
        var runsAfter = (await (await second.Coordinator().GetAsync($"/cohorts/{cohortId}/runs")).ExpectAsync(HttpStatusCode.OK))!.ToJsonString();
        Assert.Equal(runsBefore, runsAfter);
    }

    [Fact]
    public async Task Another_key_ring_stops_the_start_with_one_line_naming_the_setting_and_leaves_the_data_to_its_own_keys()
    {
        using var database = new ApiFactory.TempDatabase();
        long cohortId;
        using (var first = new FileFactory(database.Path))
        {
            cohortId = await new Scenario(first).CohortWithPeopleAsync(People, Policy);
        }

        var otherKeys = Path.Combine(Path.GetTempPath(), $"mentoring-other-keys-{Guid.NewGuid():N}");
        try
        {
            // The app writes the line to standard error and exits, as it does for any invalid setting.
            var standardError = new StringWriter();
            var console = Console.Error;
            Console.SetError(standardError);
            try
            {
                using var stranger = new FileFactory(database.Path, otherKeys);
                Assert.ThrowsAny<Exception>(() => stranger.CreateClient());
            }
            finally
            {
                Console.SetError(console);
            }

            Assert.Contains(
                $"Invalid settings: Mentoring:KeyRingDirectory: the key ring in {otherKeys} cannot decrypt this database's personal data",
                standardError.ToString(),
                StringComparison.Ordinal);

            using var owner = new FileFactory(database.Path);
            var people = (await (await owner.Coordinator().GetAsync($"/cohorts/{cohortId}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
            Assert.Equal("Quillon Vardamir", (string?)people[0]!["name"]);
        }
        finally
        {
            Directory.Delete(otherKeys, recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_key_ring_directory_is_owner_only_and_every_key_file_is_0600()
    {
        using var factory = new ApiFactory();
        await new Scenario(factory).CohortWithPeopleAsync(People, Policy);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(factory.KeyRingDirectory));
        var keys = Directory.GetFiles(factory.KeyRingDirectory);
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Matches(@"key-[0-9a-f-]{36}\.xml$", key));
        Assert.All(keys, key => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_key_ring_left_readable_by_others_is_narrowed_at_start_up()
    {
        using var database = new ApiFactory.TempDatabase();
        var keyRing = ApiFactory.TempDatabase.KeyRingOf(database.Path);
        using (var first = new FileFactory(database.Path))
        {
            _ = first.CreateClient();
        }

        File.SetUnixFileMode(keyRing, (UnixFileMode)Convert.ToInt32("755", 8));
        foreach (var key in Directory.GetFiles(keyRing))
        {
            File.SetUnixFileMode(key, (UnixFileMode)Convert.ToInt32("644", 8));
        }

        using var second = new FileFactory(database.Path);
        _ = second.CreateClient();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keyRing));
        Assert.All(Directory.GetFiles(keyRing), key => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key)));
    }

    [Fact]
    public async Task Plaintext_written_before_encryption_still_reads_and_is_sealed_at_the_next_start()
    {
        using var database = new ApiFactory.TempDatabase();
        long cohortId;
        long pairId;
        string credential;
        using (var first = new FileFactory(database.Path))
        {
            (cohortId, _, pairId, var logger) = await CohortWithEverythingAsync(first);
            credential = logger.DefaultRequestHeaders.Authorization!.Parameter!;

            // What a version before encryption left: the same columns in clear.
            using (var db = first.OpenDatabase())
            {
                await db.ExecuteAsync(
                    """
                    UPDATE people SET name = 'Legacy Plainname', department = 'Legacydept', attributes_json = '{"ethnicity":"Legacyvalue","campus":"Fennimore"}'
                    WHERE cohort_id = @cohortId AND person_id = 'M1';
                    UPDATE sessions SET other_topic = 'Legacy free text';
                    UPDATE pairs SET end_note = 'Legacy note' WHERE end_note IS NOT NULL;
                    """,
                    new { cohortId });
            }

            var before = (await (await first.Coordinator().GetAsync($"/cohorts/{cohortId}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
            Assert.Equal("Legacy Plainname", (string?)before[0]!["name"]);
        }

        using var second = new FileFactory(database.Path);
        var people = (await (await second.Coordinator().GetAsync($"/cohorts/{cohortId}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();

        Assert.Contains(second.Logs, m => m == "Sealed 5 personal data values written in clear before encryption at rest");
        Assert.Equal("Legacy Plainname", (string?)people[0]!["name"]);
        Assert.Equal("Legacydept", (string?)people[0]!["department"]);
        Assert.Equal("Legacyvalue", (string?)people[0]!["attributes"]!["ethnicity"]);
        var sessions = (await (await second.WithToken(credential).GetAsync($"/pairs/{pairId}/sessions")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(["Legacy free text"], sessions.Strings("otherTopic"));
        var file = FileText(database.Path);
        Assert.All(new[] { "Legacy Plainname", "Legacydept", "Legacyvalue", "Legacy free text", "Legacy note" }, legacy =>
            Assert.DoesNotContain(legacy, file, StringComparison.OrdinalIgnoreCase));

        using var third = new FileFactory(database.Path);
        _ = third.CreateClient();
        Assert.DoesNotContain(third.Logs, m => m.StartsWith("Sealed ", StringComparison.Ordinal));
    }

    /// <summary>
    /// A published cohort of <see cref="People"/> with one session carrying a free-text topic and one pair ended with
    /// a note: every kind of sealed value stored at least once.
    /// </summary>
    private static async Task<(long CohortId, long RunId, long LoggingPairId, HttpClient Logger)> CohortWithEverythingAsync(ApiFactory factory)
    {
        var scenario = new Scenario(factory);
        var cohortId = await scenario.CohortWithPeopleAsync(People, Policy);
        var run = await scenario.RunAsync(cohortId);
        var runId = (long)run["id"]!;
        var pairs = (await scenario.PublishAsync(cohortId, runId))["pairs"]!.AsArray();
        var logging = pairs[0]!;
        var logger = factory.WithToken((string)logging["credential"]!);
        await (await logger.PostAsync($"/pairs/{logging["pairId"]}/sessions", Scenario.SessionBody(other: $"\"{OtherTopic}\""))).ExpectAsync(HttpStatusCode.Created);
        await (await scenario.Coordinator.PostAsync($"/cohorts/{cohortId}/pairs/{pairs[1]!["pairId"]}/end", $$"""{ "reason": "other", "note": "{{EndNote}}" }"""))
            .ExpectAsync(HttpStatusCode.OK);
        return (cohortId, runId, (long)logging["pairId"]!, logger);
    }

    /// <summary>The database's bytes, WAL included, after a checkpoint, read as text: free pages and old frames are searched too.</summary>
    private static string FileText(string path)
    {
        using (var db = new SqliteConnection($"Data Source={path}"))
        {
            db.Open();
            db.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        var text = new StringBuilder(Encoding.UTF8.GetString(File.ReadAllBytes(path)));
        if (File.Exists(path + "-wal"))
        {
            text.Append(Encoding.UTF8.GetString(File.ReadAllBytes(path + "-wal")));
        }

        return text.ToString();
    }

    /// <summary>A factory on a given file that leaves it in place, so another can start on it; by default with the key ring beside it.</summary>
    private sealed class FileFactory(string path, string? keyRingDirectory = null)
        : ApiFactory(path, CoordinatorKey, ownsDatabase: false, keyRingDirectory)
    {
    }
}
