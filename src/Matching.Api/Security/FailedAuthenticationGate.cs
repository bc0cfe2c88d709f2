using System.Threading.RateLimiting;
using Mentoring.Matching.Api.RateLimits;

namespace Mentoring.Matching.Api.Security;

/// <summary>
/// The rate limiter's global limiter: refuses every request from an address that is locked out by its failed
/// authentications, even one with a correct token. It counts nothing itself; the bearer handler and the sign-in
/// pages count failures in <see cref="FailedAuthentications"/>.
/// </summary>
internal sealed class FailedAuthenticationGate(FailedAuthentications failures) : PartitionedRateLimiter<HttpContext>
{
    /// <summary>The detail of the 429.</summary>
    public const string Reason = "Too many failed authentications from this address; wait for the time in Retry-After.";

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        failures.LockedOutFor(ClientAddress.Of(resource)) is { } wait ? WindowLease.Refused(wait, Reason) : WindowLease.Granted;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        new(AttemptAcquireCore(resource, permitCount));
}
