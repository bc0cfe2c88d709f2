using System.Net;
using System.Text.Json.Nodes;
using Dapper;

namespace Mentoring.Matching.Api.Tests;

/// <summary>A published cohort and an analyst's staff key, issued by the coordinator; tests do not change them.</summary>
public sealed class AnalystFactory : PublishedCohortFactory, IAsyncLifetime
{
    public string AnalystKey { get; private set; } = "";

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var issued = await (await Coordinator().PostAsync("/staff-keys", """{ "name": "EDI analyst", "role": "analyst" }""")).ExpectAsync(HttpStatusCode.Created);
        AnalystKey = (string)issued!["key"]!;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class StaffKeyTests(AnalystFactory factory) : IClassFixture<AnalystFactory>
{
    private HttpClient Coordinator => factory.Coordinator();

    [Fact]
    public async Task A_coordinator_issues_a_key_shown_once_lists_it_without_the_key_and_revokes_it()
    {
        var response = await Coordinator.PostAsync("/staff-keys", """{ "name": "Deputy coordinator", "role": "coordinator" }""");
        var issued = (await response.ExpectAsync(HttpStatusCode.Created))!;
        var key = (string)issued["key"]!;
        var id = (long)issued["staffKey"]!["id"]!;

        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal($"/staff-keys/{id}", response.Headers.Location!.ToString());
        Assert.Equal("coordinator", (string?)issued["staffKey"]!["role"]);
        Assert.Equal("coordinator", (string?)issued["staffKey"]!["createdBy"]);
        var listed = (await (await Coordinator.GetAsync("/staff-keys")).ExpectAsync(HttpStatusCode.OK))!.ToJsonString();
        Assert.Contains("Deputy coordinator", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listed, StringComparison.OrdinalIgnoreCase);

        // The new key is a coordinator: it can do what the bootstrap key does, issuing keys included.
        await (await factory.WithToken(key).GetAsync("/cohorts")).ExpectAsync(HttpStatusCode.OK);
        var second = (await (await factory.WithToken(key).PostAsync("/staff-keys", """{ "name": "Second", "role": "analyst" }""")).ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal($"staff-key:{id}", (string?)second["staffKey"]!["createdBy"]);

        await (await Coordinator.DeleteAsync($"/staff-keys/{id}")).ExpectAsync(HttpStatusCode.NoContent);

        await (await factory.WithToken(key).GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var revoked = (await (await Coordinator.GetAsync("/staff-keys")).ExpectAsync(HttpStatusCode.OK))!.AsArray().Single(k => (long)k!["id"]! == id)!;
        Assert.Equal(ApiFactory.Now, revoked["revokedAt"]!.GetValue<DateTimeOffset>());
        await (await Coordinator.DeleteAsync($"/staff-keys/{id}")).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404()
    {
        await (await Coordinator.DeleteAsync("/staff-keys/424242")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{ "role": "analyst" }""", "name")]
    [InlineData("""{ "name": "  ", "role": "analyst" }""", "name")]
    [InlineData("""{ "name": "Reader" }""", "role")]
    [InlineData("""{ "name": "Reader", "role": "admin" }""", "role")]
    [InlineData("""{ "name": "Reader", "role": "pair-logger" }""", "role")]
    public async Task A_bad_request_is_422_naming_the_field(string body, string field)
    {
        var problem = await (await Coordinator.PostAsync("/staff-keys", body)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(problem.Errors(), error => error.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_keys_hash_is_stored_never_the_key()
    {
        var key = (string)(await (await Coordinator.PostAsync("/staff-keys", """{ "name": "Stored", "role": "analyst" }""")).ExpectAsync(HttpStatusCode.Created))!["key"]!;

        using var db = factory.OpenDatabase();
        Assert.DoesNotContain(await StoredText.RawAsync(db), text => text.Contains(key, StringComparison.Ordinal));
        var hashes = await db.QueryAsync<string>("SELECT key_hash FROM staff_keys");
        Assert.Contains(Security.Credentials.Hash(key), hashes);
    }

    [Fact]
    public async Task A_token_that_only_looks_like_a_staff_key_is_401()
    {
        await (await factory.WithToken("mstaff_" + new string('a', 43)).GetAsync("/reports")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints.NotForAnalysts), MemberType = typeof(Endpoints))]
    public async Task An_analyst_is_refused_every_endpoint_but_the_reports(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), factory.Fill(path)) { Content = Endpoints.Body(method, path) };

        await (await factory.WithToken(factory.AnalystKey).SendAsync(request)).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Endpoints.ForAnalysts), MemberType = typeof(Endpoints))]
    public async Task An_analyst_reads_the_reports(string method, string path)
    {
        var response = await factory.WithToken(factory.AnalystKey).SendAsync(new HttpRequestMessage(new HttpMethod(method), factory.Fill(path)));

        await response.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_report_list_names_cohorts_but_no_person()
    {
        var list = (await (await factory.WithToken(factory.AnalystKey).GetAsync("/reports")).ExpectAsync(HttpStatusCode.OK))!;

        var cohort = list.AsArray().Single(c => (long)c!["id"]! == factory.CohortId)!;
        Assert.Equal("published", (string?)cohort["status"]);
        Assert.Equal(["id", "name", "startsOn", "endsOn", "status"], cohort.AsObject().Select(p => p.Key));
    }
}
