using System.Collections.Concurrent;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

namespace SmpShade.Api.Matching;

/// <summary>
/// Fitted skins with their prediction tables, by the measured skin colour, singleton. Fitting a skin and solving the
/// part of its table a catalogue reads is most of a match's work (a few thousand layer stackings; the table fills as
/// predictions read it, from any number of requests at once); a clinic's software and the page match the same
/// measured skin again for other targets, options or catalogues, and those matches reuse it. A fit depends only on
/// the measured Lab and the healed-tone options (fixed for the process), so an entry never goes stale; the cache keeps
/// the <see cref="Capacity"/> most recently added skins (about 0.2 MB each). Each skin is fitted once, on the thread
/// pool, and requests that need it await that one fit instead of blocking a thread.
/// </summary>
public sealed class FittedSkins(HealedToneModel model)
{
    /// <summary>Distinct measured skins kept.</summary>
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<Lab, Lazy<Task<SkinFit>>> fits = new();
    private readonly ConcurrentQueue<Lab> added = new();

    /// <summary>How many fits were computed (not found in the cache): for tests only, hence internal.</summary>
    internal int Computed => computed;

    private int computed;

    /// <summary>The skin fitted to <paramref name="measured"/> (D65).</summary>
    public Task<SkinFit> FitAsync(Lab measured, CancellationToken cancellationToken)
    {
        var fit = fits.GetOrAdd(measured, m => new Lazy<Task<SkinFit>>(() => Task.Run(() => Compute(m))));
        var task = fit.Value;
        if (task.IsFaulted)
        {
            fits.TryRemove(new KeyValuePair<Lab, Lazy<Task<SkinFit>>>(measured, fit));
        }

        return task.WaitAsync(cancellationToken);
    }

    private SkinFit Compute(Lab measured)
    {
        Interlocked.Increment(ref computed);
        added.Enqueue(measured);
        while (fits.Count > Capacity && added.TryDequeue(out var oldest))
        {
            fits.TryRemove(oldest, out _);
        }

        return model.FitSkin(measured);
    }
}
