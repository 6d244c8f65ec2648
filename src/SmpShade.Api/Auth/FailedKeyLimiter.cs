using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SmpShade.Api.Auth;

/// <summary>
/// Counts failed key attempts in fixed one-minute windows, per client address and per targeted key id (a key whose
/// lookup id exists, presented with a wrong secret, from whatever address). Past the limit, failed attempts are
/// answered 429 instead of 401. A key that verifies is never refused: the limit must not let one client lock out
/// everyone behind the same address (an office NAT, a proxy), nor let anyone lock out a key by guessing at it.
/// </summary>
public sealed class FailedKeyLimiter(TimeProvider time, IOptionsMonitor<AuthOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> windows = new();

    /// <summary>How long failures from this client, or against this key id, stay refused; null when under the limit.</summary>
    public TimeSpan? RetryAfter(string client, string? keyId)
    {
        var wait = RetryAfter("ip:" + client);
        return keyId is null ? wait : Max(wait, RetryAfter("key:" + keyId));
    }

    /// <summary>Counts one failed attempt against the client and, when one was targeted, the key id.</summary>
    public void RecordFailure(string client, string? keyId)
    {
        Record("ip:" + client);
        if (keyId is not null)
        {
            Record("key:" + keyId);
        }
    }

    private TimeSpan? RetryAfter(string subject)
    {
        var now = time.GetUtcNow();
        if (windows.TryGetValue(subject, out var window) && now - window.Start < Window
            && window.Count >= options.CurrentValue.FailedAttemptsPerMinute)
        {
            return window.Start + Window - now;
        }

        return null;
    }

    private void Record(string subject)
    {
        var now = time.GetUtcNow();
        windows.AddOrUpdate(subject, _ => (now, 1),
            (_, w) => now - w.Start >= Window ? (now, 1) : (w.Start, w.Count + 1));
        if (windows.Count > 10_000)
        {
            // Forget expired windows so a spray of addresses cannot grow this without bound.
            foreach (var (key, w) in windows)
            {
                if (now - w.Start >= Window)
                {
                    windows.TryRemove(key, out _);
                }
            }
        }
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
