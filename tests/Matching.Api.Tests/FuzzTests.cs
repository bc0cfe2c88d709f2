using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Mentoring.Matching.Api.Tests;

/// <summary>
/// A fuzz corpus (issue 12): over ten thousand bodies generated with a fixed seed and sent to every write endpoint,
/// with wrong types, huge and deep values, invalid UTF-8, NaN and Infinity, and odd CSV (quotes, BOM, CR-only lines,
/// NULs). Whatever arrives, the server answers below 500, and its managed memory stays bounded.
/// </summary>
public sealed class FuzzTests(FuzzTests.QuietFactory published) : IClassFixture<FuzzTests.QuietFactory>
{
    private const int Seed = 20_261_202;

    /// <summary>Bodies for each endpoint that reads one; the endpoints that ignore their body get <see cref="IgnoredBodyRequests"/>.</summary>
    private const int BodiesPerReadingEndpoint = 1_080;

    private const int IgnoredBodyRequests = 40;

    /// <summary>Requests in flight at once: enough to keep the server busy, few enough for a 2-core machine.</summary>
    private const int Concurrency = 4;

    /// <summary>The managed heap after a forced collection, at most: the test host, the server and its caches.</summary>
    private const long MaxManagedBytes = 400L << 20;

    /// <summary>How much the heap may grow over the whole corpus: the log lines the test factory keeps, not the bodies.</summary>
    private const long MaxManagedGrowthBytes = 150L << 20;

    private static readonly string[] FieldNames =
    [
        "name", "startsOn", "endsOn", "policy", "schemeId", "dimensions", "minDifferences", "requireDifferent", "lineManagement",
        "pinnedPairs", "forbiddenPairs", "currentPairs", "similarities", "minCoverage", "objective", "menteeId", "mentorId",
        "date", "minutes", "topics", "otherTopic", "reason", "note", "id", "role", "grade", "department", "managerId", "capacity",
        "availability", "attributes", "gender",
    ];

    private static readonly string[] OddNumbers = ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "-0", "0.5", "1e-400", "99999999999999999999999", "-2147483649", "2147483648", "00", "+1", ".5", "0x10"];

    private static readonly string[] OddStrings = ["", " ", "\\u0000", "\\ud800", "\\udc00x", "\\\"", "\\n\\r", "2026-02-30", "0001-01-01", "9999-12-31", "none", "mentee", "M1", "T1", "other", "gender", "chain", "<script>", "' OR 1=1 --", "../../etc/passwd", "€😀", "%00"];

    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/csv", "text/plain", "", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1"];

    [Fact]
    public async Task Ten_thousand_generated_bodies_never_get_a_5xx_and_memory_stays_bounded()
    {
        var targets = Endpoints.All.Where(e => e.Method != "GET").ToArray();
        var plan = targets.SelectMany((target, t) => Enumerable.Range(0, ReadsBody(target.Method, target.Path) ? BodiesPerReadingEndpoint : IgnoredBodyRequests)
            .Select(i => (Target: target, Seed: Seed + (t * 100_000) + i))).ToArray();
        Assert.True(plan.Length >= 10_000, $"only {plan.Length} bodies");

        // Warm up once, so the first measurement includes what any first request loads.
        var client = published.Coordinator();
        await client.GetAsync("/cohorts");
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var next = -1;
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < plan.Length)
            {
                var (target, seed) = plan[index];
                using var request = Request(target.Method, target.Path, new Random(seed));
                var description = $"{request.Method} {request.RequestUri} ({request.Content?.Headers.ContentType}, seed {seed})";
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Enqueue($"{(int)response.StatusCode} for {description}: {body[..Math.Min(body.Length, 300)]}");
                }
            }
        });
        await Task.WhenAll(workers);

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(failures.IsEmpty, $"{failures.Count} responses of 500 or more; the first: {string.Join("\n", failures.Take(5))}");
        Assert.True(after < MaxManagedBytes, $"the managed heap holds {after >> 20} MB after the corpus");
        Assert.True(after - before < MaxManagedGrowthBytes, $"the managed heap grew by {(after - before) >> 20} MB");
    }

    private static bool ReadsBody(string method, string path) =>
        Endpoints.Body(method, path) is not null;

    private HttpRequestMessage Request(string method, string path, Random random)
    {
        // Draft cohort endpoints reach their body's checks; pair, run and session endpoints work on the published cohort.
        var cohort = path.Contains("/runs/", StringComparison.Ordinal) || path.Contains("/pairs/", StringComparison.Ordinal) ? published.CohortId : published.DraftCohortId;
        var url = published.Fill(path.Replace("{cohort}", cohort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), pair: random.Next(2));
        var isPeople = path.EndsWith("/people", StringComparison.Ordinal);
        var (bytes, type) = random.Next(40) switch
        {
            < 12 when isPeople => (OddCsv(random), "text/csv"),
            < 18 => (Encoding.UTF8.GetBytes(Value(random, depth: 0)), "application/json"),
            < 32 => (Mutate(Encoding.UTF8.GetBytes(ValidBody(method, path)), random), "application/json"),
            < 34 => (Deep(random), "application/json"),
            34 => (Huge(random), "application/json"),
            _ => (Mutate(Encoding.UTF8.GetBytes(Value(random, depth: 0)), random), ContentTypes[random.Next(ContentTypes.Length)]),
        };
        var content = new ByteArrayContent(bytes);
        if (type.Length > 0)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }

        return new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
    }

    private static string ValidBody(string method, string path) =>
        Endpoints.Body(method, path) is { } body ? body.ReadAsStringAsync().GetAwaiter().GetResult() : "{}";

    /// <summary>A random JSON value, mostly objects of the API's own field names with values of any type.</summary>
    private static string Value(Random random, int depth)
    {
        var choice = depth > 4 ? random.Next(6) : random.Next(10);
        return choice switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => random.Next(3) == 0 ? OddNumbers[random.Next(OddNumbers.Length)] : random.Next(-1000, 100_000).ToString(CultureInfo.InvariantCulture),
            3 or 4 => $"\"{Text(random)}\"",
            5 => random.Next(4) == 0 ? "\"2026-02-10\"" : $"{random.NextDouble() * 1e6:R}",
            6 or 7 => "{" + string.Join(", ", Enumerable.Range(0, random.Next(6)).Select(_ => $"\"{Key(random)}\": {Value(random, depth + 1)}")) + "}",
            _ => "[" + string.Join(", ", Enumerable.Range(0, random.Next(5)).Select(_ => Value(random, depth + 1))) + "]",
        };
    }

    private static string Key(Random random) => random.Next(5) switch
    {
        0 => Text(random),
        _ => FieldNames[random.Next(FieldNames.Length)],
    };

    private static string Text(Random random) => random.Next(8) switch
    {
        0 => new string((char)random.Next('a', 'z' + 1), random.Next(1, 5_000)),
        1 or 2 => OddStrings[random.Next(OddStrings.Length)],
        _ => string.Concat(Enumerable.Range(0, random.Next(12)).Select(_ => (char)random.Next(' ' + 1, '~'))).Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal),
    };

    /// <summary>A body broken at random: bytes flipped, invalid UTF-8 or NaN put in, cut short, or a key repeated.</summary>
    private static byte[] Mutate(byte[] body, Random random)
    {
        var bytes = body.ToList();
        for (var times = random.Next(1, 4); times > 0 && bytes.Count > 0; times--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.InsertRange(at, [0xC3, 0x28]);
                    break;
                case 2:
                    bytes.InsertRange(at, random.Next(2) == 0 ? [0xFF, 0xFE] : [0xED, 0xA0, 0x80]);
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(OddNumbers[random.Next(OddNumbers.Length)]));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes($"\"{FieldNames[random.Next(FieldNames.Length)]}\": {Value(random, 3)}, "));
                    break;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Arrays or objects nested far deeper than any reader allows.</summary>
    private static byte[] Deep(Random random)
    {
        var depth = random.Next(50, 5_000);
        return Encoding.UTF8.GetBytes(random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"policy\":", depth)) + "1" + new string('}', depth));
    }

    /// <summary>A long string, key or list: around and over the JSON limit.</summary>
    private static byte[] Huge(Random random)
    {
        var length = random.Next(4) == 0 ? (1 << 20) + random.Next(1, 100_000) : random.Next(10_000, 300_000);
        var text = new string('x', length);
        return Encoding.UTF8.GetBytes(random.Next(3) switch
        {
            0 => $$"""{ "name": "{{text}}", "dimensions": { "gender": 1 }, "lineManagement": "{{text[..100]}}" }""",
            1 => $$"""{ "{{text}}": 1 }""",
            _ => "[" + string.Join(',', Enumerable.Repeat("1", length / 2)) + "]",
        });
    }

    /// <summary>A people.csv with odd quoting, line ends, BOMs, NULs, too many columns or invalid bytes.</summary>
    private static byte[] OddCsv(Random random)
    {
        var csv = new StringBuilder();
        if (random.Next(4) == 0)
        {
            csv.Append('\uFEFF');
        }

        var newline = random.Next(3) switch { 0 => "\r", 1 => "\r\n", _ => "\n" };
        csv.Append("id,name,role,grade,department,manager_id,capacity,availability,gender");
        csv.Append(random.Next(5) == 0 ? string.Concat(Enumerable.Range(0, random.Next(1, 200)).Select(i => $",extra{i}")) : "");
        csv.Append(newline);
        string[] oddFields = ["\"unclosed", "\"a\"\"b\"", "a\"b", "\0", "M1", "T1", "mentee", "mentor", "", "9", "-1", "1e9", "mon-am;;tue-pm", "\"x\ny\"", new string('q', 70), "\"\"", "\uFEFF", "prefer not to say"];
        for (var row = random.Next(0, 30); row > 0; row--)
        {
            var fields = Enumerable.Range(0, 9 + random.Next(-2, 3)).Select(_ => oddFields[random.Next(oddFields.Length)]);
            csv.Append(string.Join(',', fields)).Append(newline);
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        return random.Next(4) == 0 ? Mutate(bytes, random) : bytes;
    }

    /// <summary>The published cohort, logging warnings and errors only: every log line of ten thousand requests would measure the test's own queue.</summary>
    public sealed class QuietFactory : PublishedCohortFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
