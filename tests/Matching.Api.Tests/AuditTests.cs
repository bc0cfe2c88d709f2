using System.Net;
using System.Text.Json.Nodes;
using Dapper;

namespace Mentoring.Matching.Api.Tests;

public sealed class AuditTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Person = "MENTEE-AUDIT";

    /// <summary>Values no audit entry may hold: a name, a department and a special-category value.</summary>
    private const string Name = "Quintavalle, Orla";

    private const string Department = "Xenobotany";

    private const string Ethnicity = "Zyxwian-heritage";

    private static readonly string People = $"""
        id,name,role,grade,department,manager_id,capacity,availability,gender,ethnicity
        {Person},"{Name}",mentee,9,{Department},,,mon-am,female,{Ethnicity}
        M2,Ben Li,mentee,9,Physics,,,mon-am,male,{Ethnicity}
        T1,Cal Roy,mentor,3,Chemistry,,1,mon-am;tue-pm,male,other
        T2,Dee Shah,mentor,3,History,,1,mon-am,female,other

        """;

    private readonly Scenario scenario = new(factory);

    private HttpClient Coordinator => scenario.Coordinator;

    [Fact]
    public async Task Every_change_is_recorded_with_actor_action_and_ids_and_no_personal_value()
    {
        var scheme = (long)(await (await Coordinator.PostAsync("/schemes", """{ "name": "Audited scheme" }""")).ExpectAsync(HttpStatusCode.Created))!["id"]!;
        var cohortId = await scenario.CohortWithPeopleAsync(People);
        await (await Coordinator.PutAsync($"/cohorts/{cohortId}/policy", TestData.TinyPolicy)).ExpectAsync(HttpStatusCode.OK);
        await (await Coordinator.PutAsync($"/cohorts/{cohortId}", """{ "name": "Audited cohort", "startsOn": "2026-01-05", "endsOn": "2026-12-30" }""")).ExpectAsync(HttpStatusCode.OK);
        await (await Coordinator.PostAsync($"/cohorts/{cohortId}/pins", """{ "menteeId": "M2", "mentorId": "T1" }""")).ExpectAsync(HttpStatusCode.OK);
        await (await Coordinator.DeleteAsync($"/cohorts/{cohortId}/pins?menteeId=M2&mentorId=T1")).ExpectAsync(HttpStatusCode.OK);
        await (await Coordinator.PostAsync($"/cohorts/{cohortId}/forbids", """{ "menteeId": "M2", "mentorId": "T1" }""")).ExpectAsync(HttpStatusCode.OK);
        var runId = (long)(await scenario.RunAsync(cohortId))["id"]!;
        var pairs = (await scenario.PublishAsync(cohortId, runId))["pairs"]!.AsArray();
        var pairOfPerson = (long)pairs.Single(p => (string?)p!["menteeId"] == Person)!["pairId"]!;
        var otherPair = (long)pairs.Single(p => (string?)p!["menteeId"] == "M2")!["pairId"]!;
        await (await Coordinator.PutAsync($"/cohorts/{cohortId}/pairs/{otherPair}/lock", null)).ExpectAsync(HttpStatusCode.NoContent);
        await (await Coordinator.DeleteAsync($"/cohorts/{cohortId}/pairs/{otherPair}/lock")).ExpectAsync(HttpStatusCode.NoContent);
        await (await Coordinator.PostAsync($"/cohorts/{cohortId}/pairs/{otherPair}/credential", null)).ExpectAsync(HttpStatusCode.OK);
        await (await Coordinator.PostAsync($"/cohorts/{cohortId}/pairs/{pairOfPerson}/end", $$"""{ "reason": "mentee-withdrew", "note": "{{Name}} moved away" }""")).ExpectAsync(HttpStatusCode.OK);
        var analyst = (await (await Coordinator.PostAsync("/staff-keys", """{ "name": "Orla's analyst key", "role": "analyst" }""")).ExpectAsync(HttpStatusCode.Created))!;
        var keyId = (long)analyst["staffKey"]!["id"]!;
        await (await Coordinator.DeleteAsync($"/staff-keys/{keyId}")).ExpectAsync(HttpStatusCode.NoContent);

        var entries = await AllAsync(Coordinator);
        var ofCohort = entries.Where(e => (long?)e["cohortId"] == cohortId).Select(e => ((string)e["action"]!, (string?)e["subjectId"], (string)e["detail"]!)).ToArray();
        Assert.Equal(
            [
                ("cohort-created", null, ""),
                ("people-uploaded", null, "4 people, 2 attribute columns"),
                ("policy-changed", null, "replaced"),
                ("cohort-details-changed", null, "name and dates"),
                ("policy-changed", null, "pins: pair added"),
                ("policy-changed", null, "pins: pair removed"),
                ("policy-changed", null, "forbids: pair added"),
                ("run", $"{runId}", "Optimal"),
                ("published", $"{runId}", "2 new pairs, 0 kept, 0 ended"),
                ("pair-locked", $"{otherPair}", ""),
                ("pair-unlocked", $"{otherPair}", ""),
                ("credential-reissued", $"{otherPair}", ""),
                ("person-withdrawn", Person, ""),
                ("pair-ended", $"{pairOfPerson}", "mentee-withdrew"),
            ],
            ofCohort);
        Assert.Contains(entries, e => (string?)e["action"] == "scheme-created" && (string?)e["subjectId"] == $"{scheme}");
        Assert.Contains(entries, e => (string?)e["action"] == "staff-key-issued" && (string?)e["subjectId"] == $"staff-key:{keyId}" && (string?)e["detail"] == "analyst");
        Assert.Contains(entries, e => (string?)e["action"] == "staff-key-revoked" && (string?)e["subjectId"] == $"staff-key:{keyId}");
        var ours = entries.Where(e => (long?)e["cohortId"] == cohortId || (string?)e["subjectId"] == $"staff-key:{keyId}").ToArray();
        Assert.Equal(ofCohort.Length + 2, ours.Length);
        Assert.All(ours, e => Assert.Equal("coordinator", (string?)e["actor"]));
        Assert.All(ours, e => Assert.Equal(ApiFactory.Now, e["at"]!.GetValue<DateTimeOffset>()));

        using var db = factory.OpenDatabase();
        var stored = string.Join('\n', await db.QueryAsync<string>("SELECT concat_ws('|', at, actor, action, cohort_id, subject_id, detail) FROM audit"));
        foreach (var value in new[] { "Quintavalle", "Orla", Department, Ethnicity, "female", "moved away" })
        {
            Assert.DoesNotContain(value, stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_staff_keys_changes_name_the_key_by_id()
    {
        var issued = (await (await Coordinator.PostAsync("/staff-keys", """{ "name": "Deputy", "role": "coordinator" }""")).ExpectAsync(HttpStatusCode.Created))!;
        var deputy = factory.WithToken((string)issued["key"]!);

        var cohortId = (long)(await (await deputy.PostAsync("/cohorts", Scenario.CohortBody(TestData.TinyPolicy))).ExpectAsync(HttpStatusCode.Created))!["id"]!;

        var entry = (await PageAsync(Coordinator, $"cohortId={cohortId}"))["items"]!.AsArray().Single()!;
        Assert.Equal($"staff-key:{issued["staffKey"]!["id"]}", (string?)entry["actor"]);
        Assert.Equal("cohort-created", (string?)entry["action"]);
        await (await deputy.GetAsync("/audit")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Erasure_pseudonymises_the_person_in_the_trail()
    {
        var cohortId = await scenario.CohortWithPeopleAsync(People);
        var runId = (long)(await scenario.RunAsync(cohortId))["id"]!;
        var pairs = (await scenario.PublishAsync(cohortId, runId))["pairs"]!.AsArray();
        var pairOfPerson = (long)pairs.Single(p => (string?)p!["menteeId"] == Person)!["pairId"]!;
        await (await Coordinator.PostAsync($"/cohorts/{cohortId}/pairs/{pairOfPerson}/end", """{ "reason": "mentee-withdrew" }""")).ExpectAsync(HttpStatusCode.OK);

        await (await Coordinator.DeleteAsync($"/cohorts/{cohortId}/people/{Person}")).ExpectAsync(HttpStatusCode.OK);

        var items = (await PageAsync(Coordinator, $"cohortId={cohortId}"))["items"]!.AsArray();
        var withdrawn = items.Single(e => (string?)e!["action"] == "person-withdrawn")!;
        var erased = items.Single(e => (string?)e!["action"] == "erased")!;
        Assert.StartsWith("erased-", (string?)withdrawn["subjectId"], StringComparison.Ordinal);
        Assert.Equal((string?)withdrawn["subjectId"], (string?)erased["subjectId"]);
        var pseudonymInPairs = (await (await Coordinator.GetAsync($"/cohorts/{cohortId}/pairs")).ExpectAsync(HttpStatusCode.OK))!.AsArray()
            .Single(p => (long)p!["pairId"]! == pairOfPerson)!["menteeId"];
        Assert.Equal((string?)pseudonymInPairs, (string?)erased["subjectId"]);
        Assert.Empty(await StoredText.MentioningAsync(factory, Person));
    }

    [Fact]
    public async Task The_trail_cannot_be_edited_or_shortened_in_the_database()
    {
        await scenario.CreateCohortAsync();
        using var db = factory.OpenDatabase();

        Assert.ThrowsAny<Exception>(() => db.Execute("DELETE FROM audit"));
        Assert.ThrowsAny<Exception>(() => db.Execute("UPDATE audit SET action = 'nothing'"));
        Assert.ThrowsAny<Exception>(() => db.Execute("UPDATE audit SET subject_id = 'someone-else'"));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gap_or_overlap()
    {
        using var own = new ApiFactory();
        var coordinator = own.Coordinator();
        var created = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((long)(await (await coordinator.PostAsync("/cohorts", Scenario.CohortBody(TestData.TinyPolicy))).ExpectAsync(HttpStatusCode.Created))!["id"]!);
        }

        var first = await PageAsync(coordinator, "limit=3");
        var second = await PageAsync(coordinator, $"limit=3&after={first["next"]}");
        var third = await PageAsync(coordinator, $"limit=3&after={second["next"]}");

        Assert.Equal(created[..3], Cohorts(first));
        Assert.Equal(created[3..6], Cohorts(second));
        Assert.Equal(created[6..], Cohorts(third));
        Assert.Null(third["next"]?.GetValue<long>());

        // A page that ends exactly at the last entry says there is none after it.
        var exact = await PageAsync(coordinator, "limit=7");
        Assert.Equal(7, exact["items"]!.AsArray().Count);
        Assert.Null(exact["next"]?.GetValue<long>());
        Assert.Equal(created, Cohorts(await PageAsync(coordinator, "")));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("after=-1", "after")]
    public async Task A_bad_page_request_is_422_naming_the_field(string query, string field)
    {
        var problem = await (await Coordinator.GetAsync($"/audit?{query}")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(problem.Errors(), error => error.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_burst_of_failed_authentications_makes_one_entry()
    {
        using var own = new ShippedLimitsFactory();
        var guessing = own.WithToken("guessed-token-number-one");
        guessing.DefaultRequestHeaders.Add(ApiFactory.ClientAddressHeader, "203.0.113.9");

        for (var attempt = 0; attempt < 15; attempt++)
        {
            await guessing.GetAsync("/cohorts");
        }

        var bursts = (await AllAsync(own.Coordinator())).Where(e => (string?)e["action"] == "sign-in-failure-burst").ToArray();
        var burst = Assert.Single(bursts);
        Assert.Equal("anonymous", (string?)burst["actor"]);
        Assert.Contains("203.0.113.9", (string?)burst["detail"], StringComparison.Ordinal);

        own.Time.Advance(TimeSpan.FromMinutes(1));
        for (var attempt = 0; attempt < 15; attempt++)
        {
            await guessing.GetAsync("/cohorts");
        }

        Assert.Equal(2, (await AllAsync(own.Coordinator())).Count(e => (string?)e["action"] == "sign-in-failure-burst"));
    }

    private static long[] Cohorts(JsonNode page) => page["items"]!.AsArray().Select(e => (long)e!["cohortId"]!).ToArray();

    private static async Task<JsonNode> PageAsync(HttpClient client, string query) =>
        (await (await client.GetAsync($"/audit?{query}")).ExpectAsync(HttpStatusCode.OK))!;

    /// <summary>The whole trail, read page by page as a client would.</summary>
    private static async Task<List<JsonNode>> AllAsync(HttpClient client)
    {
        var entries = new List<JsonNode>();
        long? after = 0;
        while (after is { } cursor)
        {
            var page = await PageAsync(client, $"after={cursor}&limit=5");
            entries.AddRange(page["items"]!.AsArray().Select(e => e!));
            after = page["next"]?.GetValue<long>();
        }

        return entries;
    }

    private sealed class ShippedLimitsFactory : ApiFactory
    {
        protected override bool LiftsRateLimits => false;
    }
}
