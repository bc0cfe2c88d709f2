using System.Threading.RateLimiting;

namespace Mentoring.Matching.Api.RateLimits;

/// <summary>
/// A fixed window of permits read from the injected <see cref="TimeProvider"/>. The built-in limiters read the
/// system clock and replenish on a timer, so a test's fake clock could not move them; this one opens a window at
/// the first request after the last one closed and lets <paramref name="permits"/> through until
/// <paramref name="windowEnd"/> of that moment.
/// </summary>
/// <param name="permits">Requests allowed in one window.</param>
/// <param name="windowEnd">When a window opened at the given moment closes (e.g. the next UTC midnight).</param>
/// <param name="time">The clock.</param>
/// <param name="reason">The problem's detail for a refusal.</param>
internal sealed class WindowLimiter(int permits, Func<DateTimeOffset, DateTimeOffset> windowEnd, TimeProvider time, string reason) : RateLimiter
{
    private readonly Lock gate = new();

    private DateTimeOffset end = DateTimeOffset.MinValue;

    private int used;

    /// <summary>How long since the last window closed; null while one is open. Partitioned limiters drop idle ones.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            var now = time.GetUtcNow();
            lock (gate)
            {
                return now >= end ? now - end : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = time.GetUtcNow() >= end ? permits : permits - used };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, permits);
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (now >= end)
            {
                end = windowEnd(now);
                used = 0;
            }

            if (used + permitCount > permits)
            {
                return WindowLease.Refused(end - now, reason);
            }

            used += permitCount;
            return WindowLease.Granted;
        }
    }

    // Nothing queues: a request beyond the window is refused at once.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        new(AttemptAcquireCore(permitCount));
}
