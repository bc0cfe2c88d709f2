using System.Net;

namespace Mentoring.Matching.Api.Tests;

public sealed class ParticipantTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string TinyJson = """
        [
          { "id": "M1", "name": "Okafor, Ada", "role": "mentee", "grade": 9, "department": "Medicine", "availability": ["mon-am"], "attributes": { "gender": "female" } },
          { "id": "M2", "name": "Ben Li", "role": "mentee", "grade": "9", "department": "Physics", "availability": "mon-am", "attributes": { "gender": "male" } },
          { "id": "T1", "name": "Cal Roy", "role": "mentor", "grade": 3, "department": "Chemistry", "capacity": 1, "availability": ["mon-am", "tue-pm"], "attributes": { "gender": "male" } },
          { "id": "T2", "name": "Dee Shah", "role": "mentor", "grade": 3, "department": "History", "capacity": 1, "managerId": null, "availability": ["mon-am"], "attributes": { "gender": "female" } }
        ]
        """;

    private readonly Scenario scenario = new(factory);

    private HttpClient Client => scenario.Coordinator;

    [Fact]
    public async Task A_csv_upload_stores_everyone_as_the_contract_reads_them()
    {
        var id = await scenario.CreateCohortAsync();

        var loaded = (await (await Client.PutAsync($"/cohorts/{id}/people", Http.Csv(TestData.TinyPeople))).ExpectAsync(HttpStatusCode.OK))!;
        var people = (await (await Client.GetAsync($"/cohorts/{id}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();

        Assert.Equal(4, (int)loaded["people"]!);
        Assert.Equal(2, (int)loaded["mentees"]!);
        Assert.Equal(2, (int)loaded["mentors"]!);
        Assert.Equal(["M1", "M2", "T1", "T2"], people.Strings("id"));
        Assert.Equal("Okafor, Ada", (string?)people[0]!["name"]);
        Assert.Equal("""["mon-am","tue-pm"]""", people[2]!["availability"]!.ToJsonString());
        Assert.Equal("female", (string?)people[0]!["attributes"]!["gender"]);
    }

    [Fact]
    public async Task A_csv_with_a_charset_and_a_byte_order_mark_is_read()
    {
        var id = await scenario.CreateCohortAsync();
        var content = new ByteArrayContent([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(TestData.TinyPeople)]);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/csv; charset=utf-8");

        var loaded = (await (await Client.PutAsync($"/cohorts/{id}/people", content)).ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal(4, (int)loaded["people"]!);
    }

    [Fact]
    public async Task Json_and_csv_uploads_of_the_same_people_are_the_same_input()
    {
        var fromCsv = await scenario.CohortWithPeopleAsync();
        var fromJson = await scenario.CreateCohortAsync();
        await (await Client.PutAsync($"/cohorts/{fromJson}/people", Http.Json(TinyJson))).ExpectAsync(HttpStatusCode.OK);

        var csvRun = await scenario.RunAsync(fromCsv);
        var jsonRun = await scenario.RunAsync(fromJson);

        Assert.Equal((string?)csvRun["result"]!["run"]!["inputHash"], (string?)jsonRun["result"]!["run"]!["inputHash"]);
    }

    [Fact]
    public async Task A_csv_with_bad_rows_is_refused_whole_naming_every_row_and_nothing_is_stored()
    {
        var id = await scenario.CohortWithPeopleAsync();
        var bad = """
            id,name,role,grade,department,manager_id,capacity,availability,gender
            A1,Ann,mentee,9,X,,,mon-am,female
            A2,Bob,boss,9,X,,,mon-am,male
            A3,Cy,mentor,3,X,,1,mon-am,male
            A4,Di,mentor,senior,X,NOBODY,1,mon-am,female

            """;

        var problem = await (await Client.PutAsync($"/cohorts/{id}/people", Http.Csv(bad))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        var lines = problem["errors"]!.AsArray().Select(e => (int?)e!["line"]).ToArray();
        Assert.Contains(3, lines);
        Assert.Contains(5, lines);
        Assert.All(problem["errors"]!.AsArray(), e => Assert.Equal("people.csv", (string?)e!["source"]));
        var people = (await (await Client.GetAsync($"/cohorts/{id}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(["M1", "M2", "T1", "T2"], people.Strings("id"));
    }

    [Fact]
    public async Task A_json_upload_with_bad_people_names_each_by_index_and_nothing_is_stored()
    {
        var id = await scenario.CreateCohortAsync();
        var bad = """
            [
              { "id": "A1", "role": "mentee", "grade": 9, "availability": ["mon-am"] },
              { "id": "A2", "role": "mentee", "grade": "high", "availability": ["mon-am"] },
              { "id": "A3", "role": "mentor", "grade": 3, "availability": ["mon-am"], "shoeSize": 9 },
              { "id": "A1", "role": "mentor", "grade": 3, "availability": ["mon-am"], "attributes": { "gender": ["f"] } }
            ]
            """;

        var problem = await (await Client.PutAsync($"/cohorts/{id}/people", Http.Json(bad))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        var fields = problem["errors"].Strings("field");
        Assert.Contains("people[2].shoeSize", fields);
        Assert.Contains("people[3].attributes.gender", fields);
        var people = (await (await Client.GetAsync($"/cohorts/{id}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Empty(people);
    }

    [Fact]
    public async Task The_library_checks_json_people_too_and_errors_name_the_index()
    {
        var id = await scenario.CreateCohortAsync();
        var bad = """[ { "id": "A1", "role": "mentee", "grade": "high", "availability": [] }, { "id": "A1", "role": "mentor", "grade": 2, "availability": [] } ]""";

        var problem = await (await Client.PutAsync($"/cohorts/{id}/people", Http.Json(bad))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        var fields = problem["errors"].Strings("field");
        Assert.Contains("people[0].grade", fields);
        Assert.All(problem["errors"]!.AsArray(), e => Assert.Equal("people", (string?)e!["source"]));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("")]
    public async Task Other_content_types_are_415(string mediaType)
    {
        var id = await scenario.CreateCohortAsync();

        await (await Client.PutAsync($"/cohorts/{id}/people", Http.Typed(TestData.TinyPeople, mediaType))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Broken_json_is_400_and_a_non_array_422()
    {
        var id = await scenario.CreateCohortAsync();

        await (await Client.PutAsync($"/cohorts/{id}/people", Http.Json("[{ \"id\": "))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await Client.PutAsync($"/cohorts/{id}/people", Http.Json("""{ "id": "A1" }"""))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("id,name,role,grade,manager_id,availability\n")]
    [InlineData("{ \"this\": \"is json\" }")]
    [InlineData("id;role;grade\n1;mentee;9\n")]
    [InlineData("id,role,grade,manager_id,availability\n\"unterminated,mentee,9,,mon-am\n")]
    public async Task Csv_that_is_empty_or_not_the_contract_is_422(string csv)
    {
        var id = await scenario.CreateCohortAsync();

        var problem = await (await Client.PutAsync($"/cohorts/{id}/people", Http.Csv(csv))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.NotEmpty(problem["errors"]!.AsArray());
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_422()
    {
        var id = await scenario.CreateCohortAsync();
        var content = new ByteArrayContent([0x69, 0x64, 0x0A, 0xFF, 0xFE, 0xC3, 0x28]);
        content.Headers.ContentType = new("text/csv");

        await (await Client.PutAsync($"/cohorts/{id}/people", content)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Uploads_need_a_known_draft_cohort()
    {
        var (published, _) = await scenario.PublishedAsync();

        await (await Client.PutAsync("/cohorts/999999/people", Http.Csv(TestData.TinyPeople))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/cohorts/999999/people")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PutAsync($"/cohorts/{published}/people", Http.Csv(TestData.TinyPeople))).ExpectProblemAsync(HttpStatusCode.Conflict);
    }
}
