using System.Collections.Concurrent;
using SmpShade.Colour.Healing;

namespace SmpShade.Api.Matching;

/// <summary>A pigment with the optics that depend only on the catalogue: its spectrum, K/S and ladder.</summary>
/// <param name="Pigment">The catalogue entry.</param>
/// <param name="Ink">Drawdown reflectance and K/S on the model grid.</param>
/// <param name="Ladder">Water parts to try: the supplier's, else <see cref="PreparedCatalogue.DefaultLadder"/>.</param>
public sealed record PreparedPigment(MatchPigment Pigment, InkOptics Ink, IReadOnlyList<double> Ladder);

/// <summary>Every pigment of a <see cref="PigmentSet"/>, prepared once.</summary>
public sealed class PreparedCatalogue
{
    /// <summary>The ladder when a supplier gives none (SCIENCE.md §8).</summary>
    public static readonly IReadOnlyList<double> DefaultLadder = [0, 1, 3, 6, 12, 20];

    /// <summary>Prepares every pigment (a smoothest spectrum per Lab-only pigment: ~0.1 ms each).</summary>
    public PreparedCatalogue(PigmentSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Versions = set.Versions;
        Pigments = [.. set.Pigments.AsParallel().AsOrdered().Select(Prepare)];
        CandidateCount = Pigments.Sum(p => p.Ladder.Count);
    }

    /// <summary>The catalogue versions included.</summary>
    public IReadOnlyList<CatalogueRef> Versions { get; }

    /// <summary>The pigments, in catalogue order.</summary>
    public IReadOnlyList<PreparedPigment> Pigments { get; }

    /// <summary>Pigment × dilution pairs.</summary>
    public int CandidateCount { get; }

    private static PreparedPigment Prepare(MatchPigment p)
    {
        var ink = p.Reflectance is { Count: Chromophores.Count } r ? InkOptics.FromReflectance(r) : InkOptics.FromLab(p.Lab);
        IReadOnlyList<double> ladder = p.WaterParts.Count > 0 ? p.WaterParts : DefaultLadder;
        return new PreparedPigment(p, ink, ladder);
    }
}

/// <summary>
/// Prepared catalogues by content key (supplier@version…): versions are immutable, so an entry never goes stale.
/// Singleton; keeps the most recent few so a new version does not grow memory without bound.
/// </summary>
public sealed class PreparedCatalogueCache
{
    private const int Capacity = 8;
    private readonly ConcurrentDictionary<string, Lazy<PreparedCatalogue>> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    /// <summary>The prepared form of <paramref name="set"/>, computed on first use.</summary>
    public PreparedCatalogue Get(PigmentSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        string key = set.Key;
        var lazy = entries.GetOrAdd(key, k =>
        {
            order.Enqueue(k);
            return new Lazy<PreparedCatalogue>(() => new PreparedCatalogue(set));
        });
        while (entries.Count > Capacity && order.TryDequeue(out string? old))
        {
            if (old == key)
            {
                order.Enqueue(old); // the entry just asked for stays; evict the next oldest
            }
            else
            {
                entries.TryRemove(old, out _);
            }
        }

        return lazy.Value;
    }
}
