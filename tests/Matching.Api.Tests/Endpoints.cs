namespace Mentoring.Matching.Api.Tests;

/// <summary>Every endpoint of the API, with who may call it. Tests check this list against the app's own routes.</summary>
internal static class Endpoints
{
    /// <summary>Method, path template ({scheme}, {cohort}, {run}, {pair}, {session}, {person}, {key} filled in by tests), and whether a pair credential may call it.</summary>
    public static readonly (string Method, string Path, bool PairMay)[] All =
    [
        ("POST", "/schemes", false),
        ("GET", "/schemes", false),
        ("GET", "/schemes/{scheme}", false),
        ("POST", "/cohorts", false),
        ("GET", "/cohorts", false),
        ("GET", "/cohorts/{cohort}", false),
        ("PUT", "/cohorts/{cohort}", false),
        ("PUT", "/cohorts/{cohort}/policy", false),
        ("POST", "/cohorts/{cohort}/pins", false),
        ("DELETE", "/cohorts/{cohort}/pins?menteeId=M1&mentorId=T1", false),
        ("POST", "/cohorts/{cohort}/forbids", false),
        ("DELETE", "/cohorts/{cohort}/forbids?menteeId=M1&mentorId=T1", false),
        ("PUT", "/cohorts/{cohort}/people", false),
        ("GET", "/cohorts/{cohort}/people", false),
        ("DELETE", "/cohorts/{cohort}/people/{person}", false),
        ("POST", "/cohorts/{cohort}/runs", false),
        ("GET", "/cohorts/{cohort}/runs", false),
        ("GET", "/cohorts/{cohort}/runs/{run}", false),
        ("POST", "/cohorts/{cohort}/runs/{run}/publish", false),
        ("GET", "/cohorts/{cohort}/pairs", false),
        ("POST", "/cohorts/{cohort}/pairs/{pair}/credential", false),
        ("POST", "/cohorts/{cohort}/pairs/{pair}/end", false),
        ("PUT", "/cohorts/{cohort}/pairs/{pair}/lock", false),
        ("DELETE", "/cohorts/{cohort}/pairs/{pair}/lock", false),
        ("GET", "/cohorts/{cohort}/report", false),
        ("GET", "/pairs/{pair}/topics", true),
        ("POST", "/pairs/{pair}/sessions", true),
        ("GET", "/pairs/{pair}/sessions", true),
        ("GET", "/pairs/{pair}/sessions/{session}", true),
        ("PUT", "/pairs/{pair}/sessions/{session}", true),
        ("DELETE", "/pairs/{pair}/sessions/{session}", true),
        ("GET", "/reports", false),
        ("POST", "/staff-keys", false),
        ("GET", "/staff-keys", false),
        ("DELETE", "/staff-keys/{key}", false),
        ("GET", "/audit", false),
    ];

    /// <summary>The endpoints an analyst's staff key may call: the anonymised reports and the list to find them by.</summary>
    public static readonly (string Method, string Path)[] AnalystMay =
    [
        ("GET", "/reports"),
        ("GET", "/cohorts/{cohort}/report"),
    ];

    /// <summary>The endpoints anyone may call: the health probes (GET and HEAD), which answer only Healthy or Unhealthy.</summary>
    public static readonly (string Method, string Path)[] Anonymous =
    [
        ("GET", "/health/live"),
        ("HEAD", "/health/live"),
        ("GET", "/health/ready"),
        ("HEAD", "/health/ready"),
    ];

    public static TheoryData<string, string> CoordinatorOnly() => Data(e => !e.PairMay);

    public static TheoryData<string, string> PairEndpoints() => Data(e => e.PairMay);

    public static TheoryData<string, string> Every() => Data(_ => true);

    public static TheoryData<string, string> NotForAnalysts() => Data(e => !AnalystMay.Contains((e.Method, e.Path)));

    public static TheoryData<string, string> ForAnalysts() => Data(e => AnalystMay.Contains((e.Method, e.Path)));

    public static TheoryData<string, string> Open()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in Anonymous)
        {
            data.Add(method, path);
        }

        return data;
    }

    /// <summary>The path without its query, each parameter written <c>{}</c>: comparable with the app's route patterns.</summary>
    public static string Shape(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.Split('?')[0], "{[^}]*}", "{}");

    /// <summary>A request body that is valid JSON for the endpoint (for writes that take one).</summary>
    public static HttpContent? Body(string method, string path) => (method, Shape(path)) switch
    {
        ("POST", "/schemes") => Http.Json("""{ "name": "Reverse mentoring" }"""),
        ("POST", "/cohorts") => Http.Json(Scenario.CohortBody(TestData.TinyPolicy)),
        ("POST", "/staff-keys") => Http.Json("""{ "name": "Reports reader", "role": "analyst" }"""),
        ("POST", "/cohorts/{}/pairs/{}/end") => Http.Json("""{ "reason": "other" }"""),
        ("PUT", "/cohorts/{}") => Http.Json("""{ "name": "Renamed", "startsOn": "2026-01-12", "endsOn": "2026-07-31" }"""),
        ("PUT", "/cohorts/{}/policy") => Http.Json(TestData.TinyPolicy),
        ("POST", "/cohorts/{}/pins") or ("POST", "/cohorts/{}/forbids") => Http.Json("""{ "menteeId": "M1", "mentorId": "T1" }"""),
        ("PUT", "/cohorts/{}/people") => Http.Csv(TestData.TinyPeople),
        ("POST", "/pairs/{}/sessions") or ("PUT", "/pairs/{}/sessions/{}") => Http.Json(Scenario.SessionBody()),
        _ => null,
    };

    private static TheoryData<string, string> Data(Func<(string Method, string Path, bool PairMay), bool> which)
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in All.Where(which))
        {
            data.Add(endpoint.Method, endpoint.Path);
        }

        return data;
    }
}
