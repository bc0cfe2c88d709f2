using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.Hosting;

/// <summary>
/// Headers every response carries: no MIME sniffing, no framing, no referrer, HSTS over HTTPS, and on
/// HTML a Content-Security-Policy that allows only the app's own files (no inline script or style).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The policy for HTML: only the app's own scripts, styles, images and fonts; never framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Development, or when published on purpose) configures itself with an inline
    /// module script and inline styles, so it alone may run inline code; it still loads nothing from elsewhere.
    /// </summary>
    public const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Where the reference page is served.</summary>
    public const string ReferencePagePath = "/scalar";

    private const int SecondsPerDay = 86_400;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var hstsMaxAge = (long)context.RequestServices.GetRequiredService<IOptions<MentoringSettings>>().Value.HstsMaxAgeDays * SecondsPerDay;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = $"max-age={hstsMaxAge}; includeSubDomains";
            }

            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ReferencePagePath) ? ReferencePagePolicy : ContentSecurityPolicy;
            }

            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>Marks an endpoint whose answer carries a credential: no cache, proxy or browser may keep it.</summary>
    public static TBuilder CarriesCredential<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            context.HttpContext.Response.Headers.Pragma = "no-cache";
            return await next(context);
        });
}
