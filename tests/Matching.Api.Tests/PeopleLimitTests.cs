using System.Net;

namespace Mentoring.Matching.Api.Tests;

/// <summary>Issue 12, defect 11: people over the library's size limits are refused whole, naming the row and field, with a short echo.</summary>
public sealed class PeopleLimitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Header = "id,name,role,grade,department,manager_id,capacity,availability,gender";

    /// <summary>The largest answer any single bad value may cause, in characters.</summary>
    private const int SmallAnswer = 4_000;

    [Fact]
    public async Task A_ten_megabyte_id_is_422_naming_the_line_and_stores_nothing()
    {
        var draft = await new Scenario(factory).CreateCohortAsync();
        var csv = $"{Header}\n{new string('x', 10_000_000)},Ann,mentee,5,Finance,,,mon-am,f\n";

        var response = await factory.Coordinator().PutAsync($"/cohorts/{draft}/people", Http.Csv(csv));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains($"id: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (10000000 characters)' is longer than {PeopleLimits.MaxIdLength} characters", problem.Errors());
        Assert.Equal(2, (int?)problem["errors"]![0]!["line"]);
        Assert.InRange((await response.Content.ReadAsStringAsync()).Length, 1, SmallAnswer);
        Assert.Empty((await (await factory.Coordinator().GetAsync($"/cohorts/{draft}/people")).ExpectAsync(HttpStatusCode.OK))!.AsArray());
    }

    [Fact]
    public async Task A_hundred_thousand_attribute_columns_is_422_at_the_header()
    {
        var draft = await new Scenario(factory).CreateCohortAsync();
        var columns = string.Concat(Enumerable.Range(0, 100_000).Select(i => $",a{i}"));
        var csv = $"{Header}{columns}\nM1,Ann,mentee,5,Finance,,,mon-am,f{new string(',', 100_000)}\n";

        var response = await factory.Coordinator().PutAsync($"/cohorts/{draft}/people", Http.Csv(csv));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains($"at most {PeopleLimits.MaxAttributeColumns}", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.InRange((await response.Content.ReadAsStringAsync()).Length, 1, SmallAnswer);
    }

    [Fact]
    public async Task Json_people_with_too_many_attributes_or_a_long_name_are_422_naming_the_person()
    {
        var draft = await new Scenario(factory).CreateCohortAsync();
        var attributes = string.Join(", ", Enumerable.Range(0, PeopleLimits.MaxAttributeColumns + 1).Select(i => $"\"a{i}\": \"x\""));
        var longName = new string('n', PeopleLimits.MaxNameLength + 1);

        var many = await (await factory.Coordinator().PutAsync($"/cohorts/{draft}/people", $$"""[{ "id": "M1", "role": "mentee", "grade": 5, "availability": ["mon-am"], "attributes": { {{attributes}} } }]"""))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var named = await (await factory.Coordinator().PutAsync($"/cohorts/{draft}/people", $$"""[{ "id": "M1", "name": "{{longName}}", "role": "mentee", "grade": 5, "availability": ["mon-am"] }]"""))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith($"people[0].attributes.a{PeopleLimits.MaxAttributeColumns}: ", many.Errors().Single(), StringComparison.Ordinal);
        Assert.StartsWith("people[0].name: ", named.Errors().Single(), StringComparison.Ordinal);
        Assert.Contains($"longer than {PeopleLimits.MaxNameLength} characters", named.Errors().Single(), StringComparison.Ordinal);
    }
}
