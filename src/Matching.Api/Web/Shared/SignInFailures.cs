using System.Globalization;
using Mentoring.Matching.Api.RateLimits;
using Mentoring.Matching.Api.Security;

namespace Mentoring.Matching.Api.Web.Shared;

/// <summary>A wrong key or credential typed into a sign-in form counts as a failed authentication, as a wrong bearer token does.</summary>
internal static partial class SignInFailures
{
    /// <summary>
    /// Counts the failure against the client's address and logs it (never what was typed). When the address is
    /// now locked out, answers 429 with <c>Retry-After</c> and returns the message the form shows; otherwise null.
    /// Later requests from the address meet the rate limiter's 429 until the window closes.
    /// </summary>
    public static async Task<string?> RecordAsync(HttpContext http, FailedAuthentications failures, ILogger logger)
    {
        var address = ClientAddress.Of(http);
        LogFailed(logger, http.Request.Path, address);
        if (await failures.RecordAsync(address) is not { } wait)
        {
            return null;
        }

        var seconds = RateLimitSetup.RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds;
        return $"Too many failed attempts from this address; try again in {seconds} seconds.";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in at {Page} from {Address}")]
    private static partial void LogFailed(ILogger logger, PathString page, string address);
}
