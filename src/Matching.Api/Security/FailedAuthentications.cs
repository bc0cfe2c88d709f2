using System.Collections.Concurrent;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.Security;

/// <summary>
/// Failed authentications per client address in a fixed window that opens at the address's first failure.
/// Beyond <see cref="RateLimitSettings.FailedAuthenticationsPerMinute"/> in the window the address is locked out
/// until the window closes, whatever it sends (<see cref="FailedAuthenticationGate"/> enforces it). Read from the
/// injected <see cref="TimeProvider"/>, so tests move it with a fake clock. The failure that locks an address out
/// appends one entry (a burst) to the audit trail; the failures before and after it do not.
/// </summary>
internal sealed class FailedAuthentications(IOptions<MentoringSettings> settings, TimeProvider time, AuditTrail audit)
{
    /// <summary>The window failures are counted in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Failures> byAddress = new(StringComparer.Ordinal);

    private readonly Lock sweeping = new();

    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    private int Limit => settings.Value.RateLimits.FailedAuthenticationsPerMinute;

    /// <summary>Counts a failure from <paramref name="address"/>; answers how long it is now locked out, or null.</summary>
    public async Task<TimeSpan?> RecordAsync(string address)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var failures = byAddress.GetOrAdd(address, _ => new Failures());
        TimeSpan? lockedOut;
        bool burstStarts;
        lock (failures)
        {
            if (now >= failures.WindowEnd)
            {
                failures.WindowEnd = now + Window;
                failures.Count = 0;
            }

            failures.Count++;
            lockedOut = failures.Count > Limit ? failures.WindowEnd - now : null;
            burstStarts = failures.Count == Limit + 1;
        }

        if (burstStarts)
        {
            // Not cancelled with the request: a guesser who drops the connection must still leave the entry.
            await audit.AppendAloneAsync(AuditActions.SignInFailureBurst, $"more than {Limit} failed authentications in a minute from {address}", CancellationToken.None);
        }

        return lockedOut;
    }

    /// <summary>How long <paramref name="address"/> is still locked out, or null when it may try.</summary>
    public TimeSpan? LockedOutFor(string address)
    {
        if (!byAddress.TryGetValue(address, out var failures))
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (failures)
        {
            return failures.Count > Limit && now < failures.WindowEnd ? failures.WindowEnd - now : null;
        }
    }

    /// <summary>Forgets closed windows once per window, so addresses that stopped trying cost no memory.</summary>
    private void Sweep(DateTimeOffset now)
    {
        lock (sweeping)
        {
            if (now < nextSweep)
            {
                return;
            }

            nextSweep = now + Window;
        }

        foreach (var (address, failures) in byAddress)
        {
            lock (failures)
            {
                if (now >= failures.WindowEnd)
                {
                    byAddress.TryRemove(KeyValuePair.Create(address, failures));
                }
            }
        }
    }

    private sealed class Failures
    {
        public DateTimeOffset WindowEnd { get; set; } = DateTimeOffset.MinValue;

        public int Count { get; set; }
    }
}
