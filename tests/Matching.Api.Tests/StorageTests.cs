using System.Net;
using Dapper;
using Mentoring.Matching.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Matching.Api.Tests;

public sealed class StorageTests
{
    [Fact]
    public async Task The_database_file_is_created_migrated_and_in_wal_mode_on_first_start()
    {
        using var factory = new ApiFactory();
        Assert.False(File.Exists(factory.DatabasePath));

        await (await factory.Coordinator().GetAsync("/cohorts")).ExpectAsync(HttpStatusCode.OK);

        using var db = factory.OpenDatabase();
        Assert.Equal(["0001_initial", "0002_lifecycle", "0003_idempotency", "0004_staff_audit", "0005_report_totals", "0006_state_version"], await db.QueryAsync<string>("SELECT version FROM schema_migrations ORDER BY version"));
        Assert.Equal("wal", await db.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task The_apps_connections_enforce_foreign_keys()
    {
        using var factory = new ApiFactory();
        _ = factory.CreateClient();

        await using var connection = await factory.Services.GetRequiredService<Db>().OpenAsync(CancellationToken.None);

        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            connection.ExecuteAsync("INSERT INTO sessions (pair_id, held_on, minutes, created_at, updated_at) VALUES (424242, '2026-01-01', 30, 'x', 'x')"));
    }

    [Fact]
    public async Task A_restart_keeps_the_data_and_applies_no_migration_twice()
    {
        using var database = new ApiFactory.TempDatabase();
        long cohortId;
        using (var first = new FileFactory(database.Path))
        {
            cohortId = await new Scenario(first).CohortWithPeopleAsync();
        }

        using var second = new FileFactory(database.Path);
        var cohort = (await (await second.Coordinator().GetAsync($"/cohorts/{cohortId}")).ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal(4, (int)cohort["people"]!["total"]!);
        Assert.DoesNotContain(second.Logs, m => m.StartsWith("Applied database migration", StringComparison.Ordinal));
        using var db = second.OpenDatabase();
        Assert.Equal(6, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_failed_upload_leaves_no_partial_rows()
    {
        using var factory = new ApiFactory();
        var scenario = new Scenario(factory);
        var id = await scenario.CohortWithPeopleAsync();
        var duplicate = TestData.TinyPeople + "T2,Again,mentor,3,History,,1,mon-am,female\n";

        await (await scenario.Coordinator.PutAsync($"/cohorts/{id}/people", Http.Csv(duplicate))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        using var db = factory.OpenDatabase();
        Assert.Equal(4, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM people WHERE cohort_id = @id", new { id }));
    }

    /// <summary>A factory on a given file that leaves it in place, so another can start on it.</summary>
    private sealed class FileFactory(string path) : ApiFactory(path, CoordinatorKey, ownsDatabase: false)
    {
    }
}
