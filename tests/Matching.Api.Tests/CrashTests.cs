using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Tests;

/// <summary>
/// The API as its own process, killed (SIGKILL) in the middle of writes: every write it acknowledged is there
/// after a restart, an upload is all or nothing, and SQLite's integrity check passes.
/// </summary>
public sealed class CrashTests
{
    /// <summary>How many times each test kills the server mid-write.</summary>
    private const int Kills = 3;

    /// <summary>Writers sending at once, so that a kill lands with writes in flight.</summary>
    private const int Writers = 4;

    /// <summary>Sessions acknowledged before each kill.</summary>
    private const int AcknowledgedBeforeKill = 40;

    /// <summary>Mentors in the upload that is killed: large enough to take a while to read, check and write.</summary>
    private const int LargeRosterMentors = 30_000;

    /// <summary>People in <see cref="TestData.TinyPeople"/>.</summary>
    private const long TinyPeopleCount = 4;

    [Fact]
    public async Task Every_acknowledged_session_survives_a_kill_and_the_database_stays_sound()
    {
        using var database = new ApiFactory.TempDatabase();
        var acknowledged = new HashSet<long>();
        (long PairId, string Credential) pair;
        await using (var server = await ServerProcess.StartAsync(database.Path))
        {
            pair = await PublishedPairAsync(server);
        }

        for (var kill = 0; kill < Kills; kill++)
        {
            await using var server = await ServerProcess.StartAsync(database.Path);
            using var logger = server.Client(pair.Credential);
            var stored = await SessionIdsAsync(logger, pair.PairId);
            Assert.Superset(acknowledged, stored.ToHashSet());

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
            {
                var mine = new List<long>();
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await logger.PostAsync($"/pairs/{pair.PairId}/sessions", Http.Json(Scenario.SessionBody()), stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            mine.Add((long)JsonNode.Parse(await response.Content.ReadAsStringAsync(stop.Token))!["id"]!);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        // The server died under this request: it was never acknowledged.
                        break;
                    }
                }

                return mine;
            })).ToArray();

            while (!await AcknowledgedAsync(server, pair, acknowledged.Count + AcknowledgedBeforeKill))
            {
                await Task.Delay(10);
            }

            server.Kill();
            await stop.CancelAsync();
            foreach (var writer in writers)
            {
                acknowledged.UnionWith(await writer);
            }
        }

        await using (var last = await ServerProcess.StartAsync(database.Path))
        {
            using var logger = last.Client(pair.Credential);
            var stored = (await SessionIdsAsync(logger, pair.PairId)).ToHashSet();
            Assert.Superset(acknowledged, stored);
        }

        Assert.True(acknowledged.Count >= Kills * AcknowledgedBeforeKill, $"only {acknowledged.Count} sessions were acknowledged");
        Assert.Equal("ok", IntegrityCheck(database.Path));
    }

    [Fact]
    public async Task An_upload_killed_mid_write_is_all_or_nothing()
    {
        using var database = new ApiFactory.TempDatabase();
        var large = LargeRoster(LargeRosterMentors);
        long cohortId;
        TimeSpan uploadTime;
        await using (var server = await ServerProcess.StartAsync(database.Path))
        {
            using var coordinator = server.Client(ApiFactory.CoordinatorKey);
            cohortId = await CohortWithTinyPeopleAsync(coordinator);

            // How long a whole upload takes here, so that the kills below land before, during and after its write.
            var timed = await CohortWithTinyPeopleAsync(coordinator);
            var clock = Stopwatch.StartNew();
            await (await coordinator.PutAsync($"/cohorts/{timed}/people", Http.Csv(large))).ExpectAsync(HttpStatusCode.OK);
            uploadTime = clock.Elapsed;
        }

        var sizes = new HashSet<long>();
        for (var kill = 1; kill <= Kills; kill++)
        {
            await using (var server = await ServerProcess.StartAsync(database.Path))
            {
                using var coordinator = server.Client(ApiFactory.CoordinatorKey);
                var upload = coordinator.PutAsync($"/cohorts/{cohortId}/people", Http.Csv(large));
                await Task.Delay(uploadTime * kill / (Kills + 1));
                server.Kill();
                try
                {
                    await upload;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Killed before it answered.
                }
            }

            Assert.Equal("ok", IntegrityCheck(database.Path));
            sizes.Add(PeopleCount(database.Path, cohortId));
        }

        // Each kill left the cohort with either the old people or the whole new upload, never part of it.
        Assert.Subset(new HashSet<long> { TinyPeopleCount, LargeRosterMentors + 2 }, sizes);
    }

    private static async Task<long> CohortWithTinyPeopleAsync(HttpClient coordinator)
    {
        var cohortId = (long)(await (await coordinator.PostAsync("/cohorts", Http.Json(Scenario.CohortBody(TestData.TinyPolicy)))).ExpectAsync(HttpStatusCode.Created))!["id"]!;
        await (await coordinator.PutAsync($"/cohorts/{cohortId}/people", Http.Csv(TestData.TinyPeople))).ExpectAsync(HttpStatusCode.OK);
        return cohortId;
    }

    private static long PeopleCount(string path, long cohortId)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM people WHERE cohort_id = $cohortId";
        count.Parameters.AddWithValue("$cohortId", cohortId);
        return (long)count.ExecuteScalar()!;
    }

    private static async Task<(long PairId, string Credential)> PublishedPairAsync(ServerProcess server)
    {
        using var coordinator = server.Client(ApiFactory.CoordinatorKey);
        var cohort = (await (await coordinator.PostAsync("/cohorts", Http.Json(Scenario.CohortBody(TestData.TinyPolicy)))).ExpectAsync(HttpStatusCode.Created))!;
        await (await coordinator.PutAsync($"/cohorts/{cohort["id"]}/people", Http.Csv(TestData.TinyPeople))).ExpectAsync(HttpStatusCode.OK);
        var run = (await (await coordinator.PostAsync($"/cohorts/{cohort["id"]}/runs", null)).ExpectAsync(HttpStatusCode.Created))!;
        var publication = (await (await coordinator.PostAsync($"/cohorts/{cohort["id"]}/runs/{run["id"]}/publish", null)).ExpectAsync(HttpStatusCode.Created))!;
        var first = publication["pairs"]![0]!;
        return ((long)first["pairId"]!, (string)first["credential"]!);
    }

    private static async Task<bool> AcknowledgedAsync(ServerProcess server, (long PairId, string Credential) pair, int atLeast)
    {
        using var logger = server.Client(pair.Credential);
        return (await SessionIdsAsync(logger, pair.PairId)).Count >= atLeast;
    }

    private static async Task<IReadOnlyList<long>> SessionIdsAsync(HttpClient logger, long pairId) =>
        (await (await logger.GetAsync($"/pairs/{pairId}/sessions")).ExpectAsync(HttpStatusCode.OK))!.AsArray().Select(s => (long)s!["id"]!).ToArray();

    private static string IntegrityCheck(string path)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)check.ExecuteScalar()!;
    }

    /// <summary>A valid roster of two mentees and many mentors, large enough that reading and writing it takes a while.</summary>
    private static string LargeRoster(int mentors) =>
        "id,name,role,grade,department,manager_id,capacity,availability,gender\n"
        + "M1,Ada,mentee,9,Medicine,,,mon-am,female\nM2,Ben,mentee,9,Physics,,,mon-am,male\n"
        + string.Concat(Enumerable.Range(1, mentors).Select(i => $"T{i},Mentor {i},mentor,3,Dept {i % 40},,1,mon-am,{(i % 2 == 0 ? "male" : "female")}\n"));

    /// <summary>The API started with <c>dotnet</c> on a loopback port, over the given database file.</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

        /// <summary>Generous: on a shared CI machine, with other test assemblies running, a large upload can take a while.</summary>
        private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(180);

        private readonly Process process;

        private ServerProcess(Process process, Uri address)
        {
            this.process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<ServerProcess> StartAsync(string databasePath)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Mentoring.Matching.Api.dll"))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_URLS"] = address.ToString(),
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Mentoring__Database"] = $"Data Source={databasePath}",
                    ["Mentoring__CoordinatorKey"] = ApiFactory.CoordinatorKey,
                    ["Mentoring__RateLimits__SessionWritesPerPairPerDay"] = "1000000",
                    ["Mentoring__RateLimits__UploadsPerCohortPerHour"] = "1000000",
                },
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new ServerProcess(process, address);
            using var probe = server.Client(ApiFactory.CoordinatorKey);
            var deadline = DateTime.UtcNow + StartTimeout;
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    if ((await probe.GetAsync("/cohorts")).IsSuccessStatusCode)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                Assert.False(process.HasExited, $"the server exited with {(process.HasExited ? process.ExitCode : 0)}");
                await Task.Delay(100);
            }

            server.Kill();
            throw new TimeoutException($"the server did not answer within {StartTimeout}");
        }

        public HttpClient Client(string token)
        {
            var client = new HttpClient { BaseAddress = Address, Timeout = RequestTimeout };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        /// <summary>SIGKILL: no shutdown, no flush, as a crash or a power cut.</summary>
        public void Kill()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                // Servers a test does not kill on purpose stop the same way: SIGKILL loses nothing SQLite committed.
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
