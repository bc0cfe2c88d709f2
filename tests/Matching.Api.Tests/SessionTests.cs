using System.Net;
using System.Text.Json.Nodes;

namespace Mentoring.Matching.Api.Tests;

public sealed class SessionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Scenario scenario = new(factory);

    private async Task<(long PairId, HttpClient Logger)> PairAsync()
    {
        var (_, publication) = await scenario.PublishedAsync();
        var pair = publication["pairs"]![0]!;
        return ((long)pair["pairId"]!, factory.WithToken((string)pair["credential"]!));
    }

    [Fact]
    public async Task A_pair_logs_lists_reads_corrects_and_deletes_its_sessions()
    {
        var (pairId, logger) = await PairAsync();

        var created = await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody("2026-02-10", 45, "\"college-culture\", \"power-and-hierarchies\""));
        var session = (await created.ExpectAsync(HttpStatusCode.Created))!;
        var sessionId = (long)session["id"]!;
        Assert.Equal($"/pairs/{pairId}/sessions/{sessionId}", created.Headers.Location?.OriginalString);
        Assert.Equal("""["college-culture","power-and-hierarchies"]""", session["topics"]!.ToJsonString());

        await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody("2026-01-20", 30));
        var list = (await (await logger.GetAsync($"/pairs/{pairId}/sessions")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(["2026-01-20", "2026-02-10"], list.Strings("date"));

        factory.Time.Advance(TimeSpan.FromMinutes(5));
        var corrected = (await (await logger.PutAsync($"/pairs/{pairId}/sessions/{sessionId}", Scenario.SessionBody("2026-02-11", 60, "\"sexism-and-racism\""))).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(60, (int)corrected["minutes"]!);
        Assert.Equal("""["sexism-and-racism"]""", corrected["topics"]!.ToJsonString());
        Assert.NotEqual((string?)corrected["createdAt"], (string?)corrected["updatedAt"]);
        var reread = (await (await logger.GetAsync($"/pairs/{pairId}/sessions/{sessionId}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.True(JsonNode.DeepEquals(corrected, reread));

        await (await logger.DeleteAsync($"/pairs/{pairId}/sessions/{sessionId}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await logger.GetAsync($"/pairs/{pairId}/sessions/{sessionId}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await logger.DeleteAsync($"/pairs/{pairId}/sessions/{sessionId}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pair_reads_its_topic_list()
    {
        var (pairId, logger) = await PairAsync();

        var topics = (await (await logger.GetAsync($"/pairs/{pairId}/topics")).ExpectAsync(HttpStatusCode.OK))!;

        Assert.Contains("black-lives-matter", topics.Strings("code"));
    }

    [Fact]
    public async Task Free_text_other_topic_counts_as_other()
    {
        var (pairId, logger) = await PairAsync();

        var session = (await (await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody(topics: "", other: "\"  Funding of networks \""))).ExpectAsync(HttpStatusCode.Created))!;

        Assert.Equal("""["other"]""", session["topics"]!.ToJsonString());
        Assert.Equal("Funding of networks", (string?)session["otherTopic"]);
    }

    [Fact]
    public async Task A_session_today_is_fine_and_tomorrow_is_not()
    {
        var (pairId, logger) = await PairAsync();

        await (await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody("2026-03-02"))).ExpectAsync(HttpStatusCode.Created);
        var problem = await (await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody("2026-03-03"))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["date"], problem["errors"].Strings("field"));
    }

    [Theory]
    [InlineData("""{ "date": "2026-02-01", "minutes": 0, "topics": ["college-culture"] }""", "minutes")]
    [InlineData("""{ "date": "2026-02-01", "minutes": 601, "topics": ["college-culture"] }""", "minutes")]
    [InlineData("""{ "date": "2026-02-01", "topics": ["college-culture"] }""", "minutes")]
    [InlineData("""{ "minutes": 30, "topics": ["college-culture"] }""", "date")]
    [InlineData("""{ "date": "2026-02-01", "minutes": 30, "topics": ["gardening"] }""", "topics[0]")]
    [InlineData("""{ "date": "2026-02-01", "minutes": 30, "topics": ["college-culture", "College-Culture"] }""", "topics[1]")]
    [InlineData("""{ "date": "2026-02-01", "minutes": 30, "topics": [] }""", "topics")]
    [InlineData("""{ "date": "2026-02-01", "minutes": 30 }""", "topics")]
    public async Task Each_broken_rule_is_422_naming_the_field(string body, string field)
    {
        var (pairId, logger) = await PairAsync();

        var problem = await (await logger.PostAsync($"/pairs/{pairId}/sessions", body)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([field], problem["errors"].Strings("field"));
        var list = (await (await logger.GetAsync($"/pairs/{pairId}/sessions")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Empty(list);
    }

    [Fact]
    public async Task A_long_other_topic_is_refused()
    {
        var (pairId, logger) = await PairAsync();

        var problem = await (await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody(other: $"\"{new string('x', 201)}\""))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["otherTopic"], problem["errors"].Strings("field"));
    }

    [Fact]
    public async Task A_correction_is_checked_like_a_new_entry_and_needs_an_existing_session()
    {
        var (pairId, logger) = await PairAsync();
        var session = (await (await logger.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody())).ExpectAsync(HttpStatusCode.Created))!;

        await (await logger.PutAsync($"/pairs/{pairId}/sessions/{session["id"]}", Scenario.SessionBody(minutes: -5))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await logger.PutAsync($"/pairs/{pairId}/sessions/999999", Scenario.SessionBody())).ExpectProblemAsync(HttpStatusCode.NotFound);
        var unchanged = (await (await logger.GetAsync($"/pairs/{pairId}/sessions/{session["id"]}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(45, (int)unchanged["minutes"]!);
    }

    [Fact]
    public async Task Another_pairs_session_is_not_reachable_through_this_pair()
    {
        var (_, publication) = await scenario.PublishedAsync();
        var (mine, theirs) = (publication["pairs"]![0]!, publication["pairs"]![1]!);
        var theirLogger = factory.WithToken((string)theirs["credential"]!);
        var theirSession = (await (await theirLogger.PostAsync($"/pairs/{theirs["pairId"]}/sessions", Scenario.SessionBody())).ExpectAsync(HttpStatusCode.Created))!;
        var myLogger = factory.WithToken((string)mine["credential"]!);

        await (await myLogger.GetAsync($"/pairs/{mine["pairId"]}/sessions/{theirSession["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await myLogger.PutAsync($"/pairs/{mine["pairId"]}/sessions/{theirSession["id"]}", Scenario.SessionBody(minutes: 1))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await myLogger.DeleteAsync($"/pairs/{mine["pairId"]}/sessions/{theirSession["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var still = (await (await theirLogger.GetAsync($"/pairs/{theirs["pairId"]}/sessions/{theirSession["id"]}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(45, (int)still["minutes"]!);
    }

    [Fact]
    public async Task The_coordinator_can_log_for_any_pair_and_unknown_pairs_are_404()
    {
        var (pairId, _) = await PairAsync();

        await (await scenario.Coordinator.PostAsync($"/pairs/{pairId}/sessions", Scenario.SessionBody())).ExpectAsync(HttpStatusCode.Created);
        await (await scenario.Coordinator.PostAsync("/pairs/999999/sessions", Scenario.SessionBody())).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Coordinator.GetAsync("/pairs/999999/sessions")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Coordinator.GetAsync("/pairs/999999/topics")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Coordinator.DeleteAsync("/pairs/999999/sessions/1")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}
