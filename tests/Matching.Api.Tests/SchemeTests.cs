using System.Net;
using System.Text.Json.Nodes;

namespace Mentoring.Matching.Api.Tests;

/// <summary>Schemes run a cohort year after year: no pair twice, and no mentor more often than the scheme allows.</summary>
public sealed class SchemeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>
    /// Two mentees and four mentors who all differ from both on gender; T1 and T2 share a second slot with the
    /// mentees, so a first cohort pairs the mentees with them and a second must look elsewhere.
    /// </summary>
    private const string People = """
        id,name,role,grade,department,manager_id,capacity,availability,gender
        M1,Ada Obi,mentee,9,Medicine,,,mon-am;tue-am,female
        M2,Bea Roe,mentee,9,Physics,,,mon-am;tue-am,female
        T1,Cal Roy,mentor,3,Chemistry,,1,mon-am;tue-am,male
        T2,Dan Fox,mentor,3,History,,1,mon-am;tue-am,male
        T3,Eli Park,mentor,3,Music,,1,mon-am,male
        T4,Fin Hale,mentor,3,Art,,1,mon-am,male

        """;

    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task A_scheme_is_created_listed_and_read_with_its_cohorts()
    {
        var scheme = await CreateSchemeAsync("Reverse mentoring", 2);
        var cohortId = await CreateCohortAsync((long)scheme["id"]!, "2026 cohort");

        var read = (await (await Client.GetAsync($"/schemes/{scheme["id"]}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(("Reverse mentoring", 2), ((string)read["name"]!, (int)read["mentorCohortLimit"]!));
        Assert.Equal([cohortId], read["cohorts"]!.AsArray().Select(c => (long)c!["id"]!));
        Assert.Contains((long)scheme["id"]!, (await (await Client.GetAsync("/schemes")).ExpectAsync(HttpStatusCode.OK))!.AsArray().Select(s => (long)s!["id"]!));
        var cohort = (await (await Client.GetAsync($"/cohorts/{cohortId}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal((long)scheme["id"]!, (long)cohort["schemeId"]!);
    }

    [Theory]
    [InlineData("""{ "name": "" }""", "name")]
    [InlineData("""{ "name": "Scheme", "mentorCohortLimit": 0 }""", "mentorCohortLimit")]
    public async Task A_bad_scheme_is_422_naming_the_field(string body, string field)
    {
        var problem = await (await Client.PostAsync("/schemes", body)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith($"{field}: ", Assert.Single(problem.Errors()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cohort_of_an_unknown_scheme_is_refused_and_an_unknown_scheme_is_404()
    {
        var body = Scenario.CohortBody(TestData.TinyPolicy, schemeId: 999999);

        var problem = await (await Client.PostAsync("/cohorts", body)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("schemeId: ", Assert.Single(problem.Errors()), StringComparison.Ordinal);
        await (await Client.GetAsync("/schemes/999999")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_second_cohort_in_a_scheme_repeats_no_pair_of_the_first()
    {
        var schemeId = (long)(await CreateSchemeAsync("No repeats", null))["id"]!;
        var first = await PublishedCohortAsync(schemeId, "2026 cohort");
        Assert.Equal(["M1-T1", "M2-T2"], first);

        var second = await CreateCohortAsync(schemeId, "2027 cohort");
        var run = await scenario.RunAsync(second);

        var pairs = run["result"]!["pairs"]!.AsArray().Select(p => $"{p!["menteeId"]}-{p["mentorId"]}").ToArray();
        Assert.Equal(2, pairs.Length);
        Assert.Empty(pairs.Intersect(first));
        Assert.Contains("""["M1","T1","paired in cohort 2026 cohort"]""", run["result"]!["run"]!["policy"]!["forbiddenPairs"]!.ToJsonString(), StringComparison.Ordinal);

        // Outside the scheme the same people get the same pairs again: it is the scheme's history that forbids them.
        var outside = await scenario.CohortWithPeopleAsync(People);
        Assert.Equal(first, (await scenario.RunAsync(outside))["result"]!["pairs"]!.AsArray().Select(p => $"{p!["menteeId"]}-{p["mentorId"]}"));
    }

    [Fact]
    public async Task A_mentor_who_served_the_schemes_limit_takes_no_mentee_and_the_reason_says_so()
    {
        var schemeId = (long)(await CreateSchemeAsync("Limited", 1))["id"]!;
        await PublishedCohortAsync(schemeId, "2026 cohort");
        var second = await CreateCohortAsync(schemeId, "2027 cohort");

        var run = await scenario.RunAsync(second);

        Assert.Equal(["T3", "T4"], run["result"]!["pairs"]!.AsArray().Select(p => (string?)p!["mentorId"]).Order());
        Assert.Contains("""["M1","T2","the mentor has served in 1 cohorts of the scheme, its limit"]""", run["result"]!["run"]!["policy"]!["forbiddenPairs"]!.ToJsonString(), StringComparison.Ordinal);

        // A third cohort: every mentor has served once, so nobody can be matched, and each mentee is told why.
        await PublishAsync(second);
        var third = await CreateCohortAsync(schemeId, "2028 cohort");
        var stuck = await scenario.RunAsync(third);
        Assert.Equal(0, (int)stuck["result"]!["matched"]!);
        Assert.All(stuck["result"]!["unmatched"]!.AsArray(), u => Assert.Contains("served in 1 cohorts of the scheme", (string?)u!["explanation"], StringComparison.Ordinal));
    }

    private async Task<JsonNode> CreateSchemeAsync(string name, int? limit) =>
        (await (await Client.PostAsync("/schemes", $$"""{ "name": "{{name}}", "mentorCohortLimit": {{(limit is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}} }"""))
            .ExpectAsync(HttpStatusCode.Created))!;

    private async Task<long> CreateCohortAsync(long schemeId, string name)
    {
        var body = Scenario.CohortBody(TestData.TinyPolicy, name, schemeId);
        var cohortId = (long)(await (await Client.PostAsync("/cohorts", body)).ExpectAsync(HttpStatusCode.Created))!["id"]!;
        await (await Client.PutAsync($"/cohorts/{cohortId}/people", Http.Csv(People))).ExpectAsync(HttpStatusCode.OK);
        return cohortId;
    }

    private async Task<string[]> PublishedCohortAsync(long schemeId, string name) => await PublishAsync(await CreateCohortAsync(schemeId, name));

    private async Task<string[]> PublishAsync(long cohortId)
    {
        var run = await scenario.RunAsync(cohortId);
        var publication = await scenario.PublishAsync(cohortId, (long)run["id"]!);
        return publication["pairs"]!.AsArray().Select(p => $"{p!["menteeId"]}-{p["mentorId"]}").ToArray();
    }
}
