using System.Net;
using System.Text.Json.Nodes;
using Mentoring.Matching.Api.Reports;

namespace Mentoring.Matching.Api.Tests;

public sealed class ReportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task A_published_cohort_reports_pairs_coverage_sessions_minutes_and_topics()
    {
        var (people, policy) = TestData.Seeds;
        var id = await scenario.CohortWithPeopleAsync(people, policy);
        var run = await scenario.RunAsync(id);
        var publication = await scenario.PublishAsync(id, (long)run["id"]!);
        var pairs = publication["pairs"]!.AsArray();
        Assert.True(pairs.Count >= 5, "the seeds cohort should make at least five pairs");

        // The first five pairs meet once, the first of them twice more: 7 sessions, 40 minutes each.
        var logged = new List<(long Pair, string Topics)>();
        for (var i = 0; i < 5; i++)
        {
            logged.Add(((long)pairs[i]!["pairId"]!, "\"college-culture\""));
        }

        logged.Add(((long)pairs[0]!["pairId"]!, "\"power-and-hierarchies\", \"college-culture\""));
        logged.Add(((long)pairs[0]!["pairId"]!, "\"power-and-hierarchies\""));
        foreach (var (pair, topics) in logged)
        {
            await (await Client.PostAsync($"/pairs/{pair}/sessions", Scenario.SessionBody(minutes: 40, topics: topics))).ExpectAsync(HttpStatusCode.Created);
        }

        var report = (await (await Client.GetAsync($"/cohorts/{id}/report")).ExpectAsync(HttpStatusCode.OK))!;

        var result = run["result"]!;
        Assert.Equal("published", (string?)report["status"]);
        Assert.Equal(SmallCounts.Show((long)result["matched"]!), (string?)report["pairsMade"]);
        var differing = result["pairs"]!.AsArray().SelectMany(p => p!["differences"].Strings("dimension")).CountBy(d => d).ToDictionary();
        foreach (var coverage in report["coverage"]!.AsArray())
        {
            Assert.Equal(SmallCounts.Show(differing.GetValueOrDefault((string)coverage!["dimension"]!)), (string?)coverage["pairsDiffering"]);
        }

        Assert.Equal("7", (string?)report["sessions"]!["held"]);
        Assert.Equal(280, (long)report["minutes"]!["total"]!);
        Assert.Equal(40.0, (double)report["minutes"]!["meanPerSession"]!);
        var topicCounts = report["topics"]!.AsArray().ToDictionary(t => (string)t!["code"]!, t => (string)t!["sessions"]!);
        Assert.Equal("6", topicCounts["college-culture"]);
        Assert.Equal("<5", topicCounts["power-and-hierarchies"]);
        Assert.Equal("<5", topicCounts["other"]);
    }

    [Fact]
    public async Task Small_counts_are_shown_as_under_five_and_minutes_stay_hidden()
    {
        var (id, publication) = await scenario.PublishedAsync();
        await (await Client.PostAsync($"/pairs/{publication["pairs"]![0]!["pairId"]}/sessions", Scenario.SessionBody(minutes: 55))).ExpectAsync(HttpStatusCode.Created);

        var report = (await (await Client.GetAsync($"/cohorts/{id}/report")).ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal("<5", (string?)report["mentees"]);
        Assert.Equal("<5", (string?)report["pairsMade"]);
        Assert.Equal("<5", (string?)report["sessions"]!["held"]);
        Assert.All(report["sessions"]!["perPair"]!.AsArray(), band => Assert.Equal("<5", (string?)band!["pairs"]));
        Assert.Null(report["sessions"]!["meanPerPair"]);
        Assert.Null(report["minutes"]!["total"]);
        Assert.DoesNotContain("55", report.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_names_no_person_and_no_pair()
    {
        var (people, policy) = TestData.Seeds;
        var id = await scenario.CohortWithPeopleAsync(people, policy);
        var run = await scenario.RunAsync(id);
        await scenario.PublishAsync(id, (long)run["id"]!);
        var everyone = (await (await Client.GetAsync($"/cohorts/{id}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();

        var text = (await (await Client.GetAsync($"/cohorts/{id}/report")).ExpectAsync(HttpStatusCode.OK))!.ToJsonString();

        foreach (var person in everyone)
        {
            Assert.DoesNotContain($"\"{person!["id"]}\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain((string)person["name"]!, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("pairId", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_cohort_reports_its_people_and_no_pairs_and_an_unknown_one_is_404()
    {
        var (people, policy) = TestData.Seeds;
        var id = await scenario.CohortWithPeopleAsync(people, policy);

        var report = (await (await Client.GetAsync($"/cohorts/{id}/report")).ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal("draft", (string?)report["status"]);
        Assert.Equal("<5", (string?)report["pairsMade"]);
        Assert.Equal(PeopleCsv.Read(new StringReader(people)).People.Count(p => p.Role == ParticipantRole.Mentor).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)report["mentors"]);
        await (await Client.GetAsync("/cohorts/999999/report")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(new long[] { 0, 5, 7 }, new[] { "<5", "<5", "7" })]
    [InlineData(new long[] { 6, 5, 7 }, new[] { "6", "5", "7" })]
    [InlineData(new long[] { 9, 3, 6, 8 }, new[] { "9", "<5", "<5", "8" })]
    [InlineData(new long[] { 1, 2, 30 }, new[] { "<5", "<5", "30" })]
    [InlineData(new long[] { 4 }, new[] { "<5" })]
    public void A_single_hidden_cell_of_a_partition_hides_the_next_smallest_too(long[] cells, string[] shown)
    {
        var result = SmallCounts.ShowPartition(cells);

        Assert.Equal(shown, result);
    }
}
