using System.Collections.Concurrent;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Photos;

/// <summary>
/// Who may send a photo and when it is analysed (issue 15). Uploads in flight are bounded on their own (memory), per
/// client address, and must keep a minimum data rate; only a photo that has arrived waits for an analysis slot, in a
/// short bounded queue, so four clients trickling bytes can no longer hold every slot. Singleton, owned by
/// <see cref="PhotoAnalyzer"/>.
/// </summary>
public sealed class PhotoAdmission : IDisposable
{
    private readonly PhotoOptions options;
    private readonly SemaphoreSlim uploads;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentDictionary<string, int> perClient = new(StringComparer.Ordinal);
    private int waiting;

    public PhotoAdmission(PhotoOptions options)
    {
        this.options = options;
        uploads = new SemaphoreSlim(options.EffectiveUploads, options.EffectiveUploads);
        slots = new SemaphoreSlim(options.EffectiveConcurrency, options.EffectiveConcurrency);
    }

    /// <summary>
    /// Admits an upload (503 <c>server.busy</c> when <see cref="PhotoOptions.EffectiveUploads"/> are arriving, 429
    /// <c>upload.too_many</c> past <see cref="PhotoOptions.MaxUploadsPerClient"/> from this address) and sets its
    /// minimum data rate; dispose when the body has been read.
    /// </summary>
    public IDisposable BeginUpload(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (perClient.AddOrUpdate(client, 1, (_, n) => n + 1) > options.MaxUploadsPerClient)
        {
            Leave(client);
            throw new ProblemException(StatusCodes.Status429TooManyRequests, "upload.too_many", "Too many uploads from this address.",
                $"At most {options.MaxUploadsPerClient} photos may be arriving at once from one address; wait for one to finish.")
            { RetryAfterSeconds = options.RetryAfterSeconds };
        }

        if (!uploads.Wait(0))
        {
            Leave(client);
            throw Busy("Too many photos are being uploaded.", options.RetryAfterSeconds);
        }

        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = new MinDataRate(options.MinUploadBytesPerSecond, TimeSpan.FromSeconds(10));
        }

        return new Release(() =>
        {
            uploads.Release();
            Leave(client);
        });
    }

    /// <summary>Takes an analysis slot now, or 503 <c>server.busy</c> (tests and benchmarks hold one this way).</summary>
    public IDisposable TakeSlot()
    {
        if (!slots.Wait(0))
        {
            throw Busy("Too many photos are being analysed.", QueueRetryAfter());
        }

        return new Release(() => slots.Release());
    }

    /// <summary>
    /// An analysis slot, waiting in a queue of at most <see cref="PhotoOptions.EffectiveQueueLength"/> for up to
    /// <see cref="PhotoOptions.AnalysisQueueSeconds"/>; 503 <c>server.busy</c> with a Retry-After from the queue's state.
    /// </summary>
    public async Task<IDisposable> WaitForSlotAsync(CancellationToken cancellationToken)
    {
        if (slots.Wait(0, cancellationToken))
        {
            return new Release(() => slots.Release());
        }

        if (Interlocked.Increment(ref waiting) > options.EffectiveQueueLength)
        {
            Interlocked.Decrement(ref waiting);
            throw Busy("Too many photos are being analysed.", QueueRetryAfter());
        }

        try
        {
            if (!await slots.WaitAsync(TimeSpan.FromSeconds(options.AnalysisQueueSeconds), cancellationToken))
            {
                throw Busy("Too many photos are being analysed.", QueueRetryAfter());
            }
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        return new Release(() => slots.Release());
    }

    /// <summary>
    /// Seconds until a place is likely: the configured wait per round of analyses, times the rounds the photos already
    /// waiting need (⌈(waiting + 1) / slots⌉).
    /// </summary>
    private int QueueRetryAfter()
    {
        int slotCount = options.EffectiveConcurrency;
        int rounds = (Volatile.Read(ref waiting) + slotCount) / slotCount;
        return options.RetryAfterSeconds * Math.Max(1, rounds);
    }

    private static ProblemException Busy(string title, int retryAfter) =>
        new(StatusCodes.Status503ServiceUnavailable, "server.busy", title, $"Try again in {retryAfter} s.") { RetryAfterSeconds = retryAfter };

    private void Leave(string client)
    {
        if (perClient.AddOrUpdate(client, 0, (_, n) => n - 1) <= 0)
        {
            perClient.TryRemove(new KeyValuePair<string, int>(client, 0));
        }
    }

    public void Dispose()
    {
        uploads.Dispose();
        slots.Dispose();
    }

    private sealed class Release(Action release) : IDisposable
    {
        private Action? pending = release;

        public void Dispose() => Interlocked.Exchange(ref pending, null)?.Invoke();
    }
}
