namespace Mentoring.Matching.Api.Security;

/// <summary>The address a request came from, as limits and logs key it.</summary>
internal static class ClientAddress
{
    /// <summary>The key for a connection without a known address (e.g. an in-process test host).</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// The connection's remote address. Behind a reverse proxy this is the proxy's unless the host adds
    /// ASP.NET Core's forwarded-headers middleware for that proxy (docs/api.md, Limits).
    /// </summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? Unknown;
}
