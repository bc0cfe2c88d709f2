using System.Net;
using Dapper;

namespace Mentoring.Matching.Api.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Ready_is_unhealthy_with_a_migration_missing_and_live_still_answers_without_details()
    {
        using var factory = new ApiFactory();
        var anyone = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/health/ready")).StatusCode);

        using (var db = factory.OpenDatabase())
        {
            await db.ExecuteAsync("DELETE FROM schema_migrations WHERE version = '0003_idempotency'");
        }

        var ready = await anyone.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        var live = await anyone.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }
}
