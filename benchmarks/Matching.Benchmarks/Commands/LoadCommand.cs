using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Mentoring.Matching.Benchmarks.Commands;

/// <summary>
/// <c>load --url http://127.0.0.1:5080 --key KEY [--pairs 500] [--clients 32] [--readers 1] [--seconds 30] [--seed 1]</c>:
/// the API under load, from outside, over loopback only. It creates a cohort of <c>pairs</c> mentees and as many
/// mentors, publishes it, then for <c>seconds</c> has <c>clients</c> pair loggers post sessions as fast as they are
/// answered while <c>readers</c> read the cohort's report, and prints throughput and latency percentiles.
/// Start the server with its per-pair daily limit raised (<c>Mentoring__RateLimits__SessionWritesPerPairPerDay</c>),
/// or the loggers meet 429s, which the figures count.
/// </summary>
internal static class LoadCommand
{
    /// <summary>The longest run the command allows: it is a measurement, not a soak test.</summary>
    private const int MaxSeconds = 600;

    /// <summary>The most concurrent loggers: enough to saturate two cores, not a flood.</summary>
    private const int MaxClients = 256;

    /// <summary>How far back a logged session may be dated, within the cohort's first half.</summary>
    private const int SessionDaysBack = 150;

    private static readonly double[] Percentiles = [0.50, 0.95, 0.99];

    public static int Run(CommandOptions options, TextWriter output)
    {
        var url = new Uri(options.Text("url") ?? throw new ArgumentException("--url is required, e.g. http://127.0.0.1:5080"));
        if (!url.IsLoopback)
        {
            throw new ArgumentException("--url must be a loopback address: this command loads only a server on this machine");
        }

        var key = options.Text("key") ?? throw new ArgumentException("--key (the coordinator key) is required");
        var pairs = options.Number("pairs", 500);
        var clients = Math.Clamp(options.Number("clients", 32), 1, MaxClients);
        var readers = Math.Clamp(options.Number("readers", 1), 0, MaxClients);
        var seconds = Math.Clamp(options.Number("seconds", 30), 1, MaxSeconds);
        var seed = options.Number("seed", 1);
        return RunAsync(url, key, pairs, clients, readers, seconds, seed, output).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(Uri url, string key, int pairs, int clients, int readers, int seconds, int seed, TextWriter output)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + readers + 1 }) { BaseAddress = url };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (cohortId, credentials) = await PublishedCohortAsync(http, key, pairs, today);
        output.WriteLine($"cohort {cohortId}: {credentials.Count} pairs published; {clients} loggers and {readers} report readers for {seconds} s");

        var writes = new List<double>[clients];
        var reads = new List<double>[readers];
        var refused = new int[clients + readers];
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var loggers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(seed + c);
            writes[c] = [];
            while (!stop.IsCancellationRequested)
            {
                var (pairId, credential) = credentials[random.Next(credentials.Count)];
                var body = $$"""{ "date": "{{today.AddDays(-random.Next(SessionDaysBack)):yyyy-MM-dd}}", "minutes": {{15 + random.Next(90)}}, "topics": ["college-culture"] }""";
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/pairs/{pairId}/sessions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
                if (await TimedAsync(http, request, writes[c], stop.Token) is { } status && status != HttpStatusCode.Created)
                {
                    refused[c]++;
                }
            }
        })).ToArray();
        var reporters = Enumerable.Range(0, readers).Select(r => Task.Run(async () =>
        {
            reads[r] = [];
            while (!stop.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/cohorts/{cohortId}/report");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                if (await TimedAsync(http, request, reads[r], stop.Token) is { } status && status != HttpStatusCode.OK)
                {
                    refused[clients + r]++;
                }
            }
        })).ToArray();
        await Task.WhenAll([.. loggers, .. reporters]);

        var sessions = await SessionsHeldAsync(http, key, cohortId);
        output.WriteLine(Line("session writes", writes.SelectMany(w => w).ToArray(), seconds, refused.Take(clients).Sum()));
        output.WriteLine(Line("report reads", reads.SelectMany(r => r).ToArray(), seconds, refused.Skip(clients).Sum()));
        output.WriteLine($"sessions held at the end (the report's figure): {sessions}");
        return 0;
    }

    /// <summary>Sends the request and records its latency in milliseconds; null when the run ended under it.</summary>
    private static async Task<HttpStatusCode?> TimedAsync(HttpClient http, HttpRequestMessage request, List<double> latencies, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, stop);
            await response.Content.ReadAsByteArrayAsync(stop);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            return response.StatusCode;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null;
        }
    }

    private static string Line(string what, double[] latencies, int seconds, int refused)
    {
        if (latencies.Length == 0)
        {
            return $"{what}: none";
        }

        Array.Sort(latencies);
        var quantiles = string.Join(", ", Percentiles.Select(p =>
            $"p{(p * 100).ToString(CultureInfo.InvariantCulture)} {latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))]:F1} ms"));
        return $"{what}: {latencies.Length} in {seconds} s = {latencies.Length / (double)seconds:F0}/s; {quantiles}; not 2xx: {refused}";
    }

    /// <summary>A cohort whose every mentee has its own mentor (they differ on gender and share a slot), published.</summary>
    private static async Task<(long CohortId, IReadOnlyList<(long PairId, string Credential)> Credentials)> PublishedCohortAsync(
        HttpClient http, string key, int pairs, DateOnly today)
    {
        var cohort = await SendAsync(http, key, HttpMethod.Post, "/cohorts", "application/json",
            $$"""{ "name": "Load {{today:yyyy-MM-dd}}", "startsOn": "{{today.AddDays(-SessionDaysBack - 1):yyyy-MM-dd}}", "endsOn": "{{today.AddDays(SessionDaysBack):yyyy-MM-dd}}", "policy": { "dimensions": { "gender": 1 } } }""");
        var cohortId = (long)cohort["id"]!;
        var people = new StringBuilder("id,name,role,grade,department,manager_id,capacity,availability,gender\n");
        for (var i = 0; i < pairs; i++)
        {
            people.Append(CultureInfo.InvariantCulture, $"E{i},Mentee {i},mentee,9,Dept {i},,,mon-am,female\nR{i},Mentor {i},mentor,3,Unit {i},,1,mon-am,male\n");
        }

        await SendAsync(http, key, HttpMethod.Put, $"/cohorts/{cohortId}/people", "text/csv", people.ToString());
        var run = await SendAsync(http, key, HttpMethod.Post, $"/cohorts/{cohortId}/runs", null, null);
        var publication = await SendAsync(http, key, HttpMethod.Post, $"/cohorts/{cohortId}/runs/{run["id"]}/publish", null, null);
        return (cohortId, publication["pairs"]!.AsArray().Select(p => ((long)p!["pairId"]!, (string)p["credential"]!)).ToArray());
    }

    private static async Task<string> SessionsHeldAsync(HttpClient http, string key, long cohortId) =>
        (string?)(await SendAsync(http, key, HttpMethod.Get, $"/cohorts/{cohortId}/report", null, null))["sessions"]?["held"] ?? "?";

    private static async Task<JsonNode> SendAsync(HttpClient http, string key, HttpMethod method, string path, string? mediaType, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType!);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!
            : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
    }
}
