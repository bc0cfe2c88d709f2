using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;

namespace Mentoring.Matching.Api.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers and is migrated), for a
/// load balancer or orchestrator. Anonymous, never rate-limited, and they answer only <c>Healthy</c> or
/// <c>Unhealthy</c>: the reason stays in the log.
/// </summary>
internal static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddMentoringHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        Probe(app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }));
        Probe(app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }));
        return app;
    }

    private static void Probe(IEndpointConventionBuilder probe) =>
        probe.WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).AllowAnonymous().DisableRateLimiting();
}
