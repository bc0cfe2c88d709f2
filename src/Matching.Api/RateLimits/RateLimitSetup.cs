using System.Globalization;
using System.Threading.RateLimiting;
using Mentoring.Matching.Api.Hosting;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter with three limits: failed authentications per client address (the global limiter),
/// session writes per pair per UTC day and people uploads per cohort per hour (endpoint policies). A refusal is
/// a 429 problem with <c>Retry-After</c> in seconds.
/// </summary>
internal static class RateLimitSetup
{
    /// <summary>The policy on logging and correcting a pair's sessions.</summary>
    public const string SessionWritesPolicy = "session-writes";

    /// <summary>The policy on loading a cohort's people.</summary>
    public const string UploadsPolicy = "uploads";

    private static readonly TimeSpan UploadWindow = TimeSpan.FromHours(1);

    public static IServiceCollection AddMentoringRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<FailedAuthentications>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRefusalAsync;
            options.AddPolicy(SessionWritesPolicy, context => Partition(
                context,
                PairAccessRequirement.Allows(context.User, context) ? RouteValue(context, "pairId") : null,
                settings => settings.SessionWritesPerPairPerDay,
                NextUtcMidnight,
                "This pair has logged or corrected as many sessions as it may today; try again after midnight UTC."));
            options.AddPolicy(UploadsPolicy, context => Partition(
                context,
                context.User.IsInRole(Access.CoordinatorRole) ? RouteValue(context, "cohortId") : null,
                settings => settings.UploadsPerCohortPerHour,
                opened => opened + UploadWindow,
                "This cohort's people have been loaded as often as they may be this hour; try again later."));
        });
        services.AddOptions<RateLimiterOptions>().Configure<FailedAuthentications>((options, failures) =>
            options.GlobalLimiter = new FailedAuthenticationGate(failures));
        return services;
    }

    /// <summary>Whole seconds, rounded up so a client that waits them is let through.</summary>
    public static long RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

    /// <summary>One window per key; a request the caller may not make anyway (authorization refuses it next) uses none.</summary>
    private static RateLimitPartition<string> Partition(
        HttpContext context, string? key, Func<RateLimitSettings, int> permits, Func<DateTimeOffset, DateTimeOffset> windowEnd, string reason)
    {
        if (key is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var settings = context.RequestServices.GetRequiredService<IOptions<MentoringSettings>>().Value.RateLimits;
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get(key, _ => new WindowLimiter(permits(settings), windowEnd, time, reason));
    }

    private static string? RouteValue(HttpContext context, string name) =>
        context.Request.RouteValues.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static DateTimeOffset NextUtcMidnight(DateTimeOffset opened) =>
        new DateTimeOffset(opened.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);

    private static async ValueTask WriteRefusalAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        }

        rejected.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = reason },
        });
    }
}
