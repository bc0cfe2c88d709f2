using System.Threading.RateLimiting;

namespace Mentoring.Matching.Api.RateLimits;

/// <summary>A limiter's answer: granted, or refused with when to retry and why.</summary>
internal sealed class WindowLease : RateLimitLease
{
    /// <summary>The one granted lease: a fixed window has nothing to give back when it is released.</summary>
    public static readonly WindowLease Granted = new(true, null, null);

    private readonly TimeSpan? retryAfter;

    private readonly string? reason;

    private WindowLease(bool acquired, TimeSpan? retryAfter, string? reason)
    {
        IsAcquired = acquired;
        this.retryAfter = retryAfter;
        this.reason = reason;
    }

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames =>
        IsAcquired ? [] : [MetadataName.RetryAfter.Name, MetadataName.ReasonPhrase.Name];

    /// <summary>A refusal: the caller may try again after <paramref name="retryAfter"/>; <paramref name="reason"/> is the problem's detail.</summary>
    public static WindowLease Refused(TimeSpan retryAfter, string reason) => new(false, retryAfter, reason);

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter
            : metadataName == MetadataName.ReasonPhrase.Name ? reason
            : null;
        return metadata is not null;
    }
}
