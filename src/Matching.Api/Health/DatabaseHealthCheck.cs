using Mentoring.Matching.Api.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mentoring.Matching.Api.Health;

/// <summary>Ready when the database answers and every migration the app carries has been applied.</summary>
internal sealed class DatabaseHealthCheck(Migrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await migrator.PendingAsync(cancellationToken) == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Migrations are pending.");
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", e);
        }
    }
}
