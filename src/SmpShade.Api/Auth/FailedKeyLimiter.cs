using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SmpShade.Api.Auth;

/// <summary>
/// Counts failed key attempts per client IP in fixed one-minute windows; past the limit the IP is answered
/// 429 until its window ends, even with a valid key, so keys cannot be guessed at speed.
/// </summary>
public sealed class FailedKeyLimiter(TimeProvider time, IOptionsMonitor<AuthOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> windows = new();

    /// <summary>How long the client must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        var now = time.GetUtcNow();
        if (windows.TryGetValue(client, out var window) && now - window.Start < Window
            && window.Count >= options.CurrentValue.FailedAttemptsPerMinute)
        {
            return window.Start + Window - now;
        }

        return null;
    }

    public void RecordFailure(string client)
    {
        var now = time.GetUtcNow();
        windows.AddOrUpdate(client, _ => (now, 1),
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
}
