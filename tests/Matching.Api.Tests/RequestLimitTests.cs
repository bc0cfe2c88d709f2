using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace Mentoring.Matching.Api.Tests;

/// <summary>
/// Issue 12, defects 1 and 2: invalid UTF-8 inside a JSON body is a 400 naming where, not a 500; a body larger than
/// its endpoint reads is a 413 before it is parsed; and an error repeats a bad value only as a short prefix and its length.
/// </summary>
public sealed class RequestLimitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>The largest answer any single bad value may cause, in characters.</summary>
    private const int SmallAnswer = 4_000;

    /// <summary>Two bytes that are not UTF-8: a lead byte followed by a byte that cannot continue it.</summary>
    private static readonly byte[] NotUtf8 = [0xC3, 0x28];

    private const string CohortStart = """{ "name": "Spring", "startsOn": "2026-01-12", "endsOn": "2026-07-31", "policy": """;

    public static TheoryData<string, string, string, string, string> InvalidUtf8Bodies() => new()
    {
        { "POST", "/cohorts", CohortStart + """{ "dimensions": { "gen""", """der": 1 } } }""", "$.policy.dimensions" },
        { "POST", "/cohorts", CohortStart + """{ "dimensions": { "gender": 1 }, "lineManagement": "ch""", """ain" } }""", "$.policy.lineManagement" },
        { "PUT", "/cohorts/{draft}/policy", """{ "dimensions": { "gender": 1 }, "lineManagement": "ch""", """ain" }""", "$.lineManagement" },
        { "PUT", "/cohorts/999999/policy", """{ "dimensions": { "gen""", """der": 1 } }""", "$.dimensions" },
        { "PUT", "/cohorts/{draft}/people", """[{ "id": "M1", "name": "A""", """da", "role": "mentee", "grade": 9, "availability": ["mon-am"] }]""", "$[0].name" },
        { "PUT", "/cohorts/{draft}/people", """[{ "id": "M1", "attributes": { "gen""", """der": "f" } }]""", "$[0].attributes" },
        { "POST", "/cohorts/{draft}/pins", """{ "menteeId": "M""", """1", "mentorId": "T1" }""", "$.menteeId" },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Bodies))]
    public async Task Invalid_utf8_inside_a_json_body_is_400_naming_where(string method, string path, string before, string after, string where)
    {
        var draft = await new Scenario(factory).CreateCohortAsync();
        var body = Encoding.UTF8.GetBytes(before).Concat(NotUtf8).Concat(Encoding.UTF8.GetBytes(after)).ToArray();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await factory.Coordinator().SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{draft}", $"{draft}", StringComparison.Ordinal)) { Content = content });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(where, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("UTF-8", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_twenty_megabyte_policy_string_is_413_before_it_is_read()
    {
        var body = CohortStart + $$"""{ "dimensions": { "gender": 1 }, "lineManagement": "{{new string('x', 20_000_000)}}" } }""";

        var response = await factory.Coordinator().PostAsync("/cohorts", body);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1,048,576 bytes", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.InRange((await response.Content.ReadAsStringAsync()).Length, 1, SmallAnswer);
    }

    [Fact]
    public async Task A_body_of_unknown_length_over_the_limit_is_413()
    {
        var content = new UnknownLengthContent(Encoding.UTF8.GetBytes($$"""{ "dimensions": { "{{new string('x', 2 << 20)}}": 1 } }"""));
        var draft = await new Scenario(factory).CreateCohortAsync();

        var response = await factory.Coordinator().PutAsync($"/cohorts/{draft}/policy", content);

        await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    public static TheoryData<string, string> HugeValues()
    {
        var huge = new string('x', 500_000);
        return new()
        {
            { "lineManagement", $$"""{ "dimensions": { "gender": 1 }, "lineManagement": "{{huge}}" }""" },
            { "dimensions key", $$"""{ "dimensions": { "{{huge}}": 1 } }""" },
            { "unknown field", $$"""{ "dimensions": { "gender": 1 }, "{{huge}}": 1 }""" },
            { "pinned id", $$"""{ "dimensions": { "gender": 1 }, "pinnedPairs": [["{{huge}}", "T1"]] }""" },
            { "requireDifferent", $$"""{ "dimensions": { "gender": 1 }, "requireDifferent": ["{{huge}}"] }""" },
        };
    }

    [Theory]
    [MemberData(nameof(HugeValues))]
    public async Task A_huge_value_under_the_limit_is_echoed_short(string what, string policy)
    {
        var scenario = new Scenario(factory);
        var draft = await scenario.CohortWithPeopleAsync();

        var response = await factory.Coordinator().PutAsync($"/cohorts/{draft}/policy", policy);
        var answer = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{what}: {(int)response.StatusCode}");
        Assert.True(answer.Length < SmallAnswer, $"{what}: the answer has {answer.Length} characters");
        Assert.Contains("(500000 characters)", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_unknown_field_or_topic_in_a_session_is_echoed_short()
    {
        var (_, publication) = await new Scenario(factory).PublishedAsync();
        var pair = publication["pairs"]![0]!["pairId"];
        var huge = new string('y', 500_000);

        var field = await factory.Coordinator().PostAsync($"/pairs/{pair}/sessions", $$"""{ "date": "2026-02-10", "minutes": 30, "topics": ["other"], "{{huge}}": 1 }""");
        var topic = await factory.Coordinator().PostAsync($"/pairs/{pair}/sessions", Scenario.SessionBody(topics: $"\"{huge}\""));

        await field.ExpectProblemAsync(HttpStatusCode.BadRequest);
        await topic.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.InRange((await field.Content.ReadAsStringAsync()).Length, 1, SmallAnswer);
        Assert.InRange((await topic.Content.ReadAsStringAsync()).Length, 1, SmallAnswer);
    }

    [Fact]
    public async Task The_limits_are_the_configured_ones_per_endpoint()
    {
        using var small = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Mentoring:Limits:MaxJsonBodyBytes", "2000")
            .UseSetting("Mentoring:Limits:MaxUploadBytes", "5000"));
        var client = small.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.CoordinatorKey);
        var draft = (long)(await (await client.PostAsync("/cohorts", Scenario.CohortBody(TestData.TinyPolicy))).ExpectAsync(HttpStatusCode.Created))!["id"]!;
        var spaces = new string(' ', 3000);
        var emptyLines = new string('\n', 3000);

        await (await client.PutAsync($"/cohorts/{draft}/policy", TestData.TinyPolicy + spaces)).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await client.PutAsync($"/cohorts/{draft}/people", Http.Csv(TestData.TinyPeople + emptyLines))).ExpectAsync(HttpStatusCode.OK);
        await (await client.PutAsync($"/cohorts/{draft}/people", Http.Csv(TestData.TinyPeople + emptyLines + emptyLines))).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_file_with_a_bad_value_on_every_row_lists_the_first_hundred_errors()
    {
        var draft = await new Scenario(factory).CreateCohortAsync();
        var rows = Enumerable.Range(0, 1_000).Select(i => $"M{i},Name,mentee,senior,Dept,,,mon-am,f");
        var csv = "id,name,role,grade,department,manager_id,capacity,availability,gender\n" + string.Join('\n', rows) + "\n";

        var problem = await (await factory.Coordinator().PutAsync($"/cohorts/{draft}/people", Http.Csv(csv))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        var counted = System.Text.RegularExpressions.Regex.Match((string?)problem["detail"] ?? "", "^([0-9]+) errors, the first 100 listed;");
        Assert.Equal(100, problem["errors"]!.AsArray().Count);
        // The library stops collecting at its own cap (200), which is still more than a 422 lists.
        Assert.True(counted.Success && int.Parse(counted.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > Errors.Problems.MaxListedErrors, (string?)problem["detail"]);
    }

    /// <summary>A JSON body whose length is not told in advance, as a streaming client sends it.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLengthContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
