using System.Collections.Concurrent;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Infrastructure;
using SmpShade.Colour.Healing;

namespace SmpShade.Api.Matching;

/// <summary>A pigment with the optics that depend only on the catalogue: its spectrum, K/S and ladder.</summary>
/// <param name="Pigment">The catalogue entry.</param>
/// <param name="Ink">Drawdown reflectance and K/S on the model grid.</param>
/// <param name="Ladder">Water parts to try: the supplier's (an import always has one), else <see cref="PreparedCatalogue.DefaultLadder"/>.</param>
public sealed record PreparedPigment(CataloguePigment Pigment, InkOptics Ink, IReadOnlyList<double> Ladder);

/// <summary>Every pigment of a <see cref="PigmentSet"/>, prepared once.</summary>
public sealed class PreparedCatalogue
{
    /// <summary>
    /// The ladder for a pigment that comes without one (docs/science.md). The catalogue import refuses a row without
    /// water_parts, so only in-memory sources (tests, benchmarks) reach it.
    /// </summary>
    public static readonly IReadOnlyList<double> DefaultLadder = [0, 1, 3, 6, 12, 20];

    /// <summary>
    /// Most dilution steps evaluated per pigment, whatever is stored: a longer ladder (stored before the import cap
    /// existed) is thinned to this many evenly spaced steps, first and last kept, so one pigment cannot cost a match
    /// more than this many predictions (a 110,000-step ladder made every match take 2 s).
    /// </summary>
    public const int MaxLadderSteps = 64;

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

    private static PreparedPigment Prepare(CataloguePigment p)
    {
        var ink = InkOptics.For(p.Lab, p.Reflectance, p.BaseText, p.Scattering, p.SpecularIncluded);
        IReadOnlyList<double> ladder = p.WaterParts.Count > 0 ? Thin(p.WaterParts) : DefaultLadder;
        return new PreparedPigment(p, ink, ladder);
    }

    private static IReadOnlyList<double> Thin(IReadOnlyList<double> ladder) => ladder.Count <= MaxLadderSteps
        ? ladder
        : [.. Enumerable.Range(0, MaxLadderSteps).Select(i => ladder[(int)Math.Round(i * (ladder.Count - 1) / (double)(MaxLadderSteps - 1))])];
}

/// <summary>
/// Prepared catalogues, singleton. Looked up by request (supplier, version, source fingerprint) so a repeated match
/// reads no pigments at all, and shared by content (supplier@version…, immutable) so two requests that resolve to the
/// same versions share one preparation. Keeps the most recent few. A preparation runs once, on the thread pool, and
/// the requests that need it meanwhile await it: none blocks a thread on another's work (16 requests blocked on one
/// Lazy while its parallel build waited for pool threads was the 11 s cold-start stall of issue 15).
/// </summary>
public sealed class PreparedCatalogueCache
{
    private const int Capacity = 8;
    private readonly ConcurrentDictionary<string, PreparedCatalogue> byRequest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<PreparedCatalogue>>> byContent = new(StringComparer.Ordinal);
    private int builds;

    /// <summary>How many preparations have run (the start-up warm-up's is the first; a request served from the cache adds none).</summary>
    public int Builds => Volatile.Read(ref builds);

    /// <summary>The prepared catalogue for this request, from <paramref name="source"/> on a miss.</summary>
    /// <exception cref="ProblemException">Unknown supplier or version, or no pigments (<c>catalogue.empty</c>).</exception>
    public async Task<PreparedCatalogue> GetAsync(IPigmentSource source, string? supplier, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return await GetAsync(source, supplier, version, await source.GetFingerprintAsync(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The prepared catalogue for this request at the source's <paramref name="fingerprint"/>, read already
    /// (<see cref="MatchInputs"/>): a hit reads nothing; a miss reads the pigments from <paramref name="source"/>.
    /// </summary>
    /// <exception cref="ProblemException">Unknown supplier or version, or no pigments (<c>catalogue.empty</c>).</exception>
    public async Task<PreparedCatalogue> GetAsync(IPigmentSource source, string? supplier, int? version, long fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        string requestKey = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{supplier ?? "*"}|{version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "current"}|{fingerprint}");
        if (byRequest.TryGetValue(requestKey, out var hit))
        {
            return hit;
        }

        var set = await source.GetAsync(supplier, version, cancellationToken);
        if (set.Pigments.Count == 0)
        {
            throw IPigmentSource.CatalogueMissing("catalogue.empty", supplier is null
                ? "No catalogue has been loaded yet: there are no pigments to match against."
                : $"Supplier '{supplier}' has no pigments in that catalogue version.");
        }

        var prepared = await GetAsync(set, cancellationToken);
        Trim(byRequest);
        byRequest[requestKey] = prepared;
        return prepared;
    }

    /// <summary>The prepared form of <paramref name="set"/>, computed once on first use; callers meanwhile wait without a thread.</summary>
    public Task<PreparedCatalogue> GetAsync(PigmentSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        Trim(byContent);
        // The Lazy only starts the task (its lock is held for no work); the preparation runs on the pool.
        var build = byContent.GetOrAdd(set.Key, _ => new Lazy<Task<PreparedCatalogue>>(() => Task.Run(() =>
        {
            Interlocked.Increment(ref builds);
            return new PreparedCatalogue(set);
        })));
        return build.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Prepared catalogues held, by request and by content (for tests: each at most the capacity, 8).</summary>
    internal (int ByRequest, int ByContent) Held => (byRequest.Count, byContent.Count);

    // Crude bound on memory: when full, start again (entries are cheap to rebuild compared with unbounded growth).
    private static void Trim<T>(ConcurrentDictionary<string, T> entries)
    {
        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }
    }
}
