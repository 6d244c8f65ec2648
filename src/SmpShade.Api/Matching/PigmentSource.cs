using SmpShade.Api.Catalogue;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Matching;

/// <summary>One supplier's catalogue version taking part in a match.</summary>
public sealed record CatalogueRef(string Supplier, int Version);

/// <summary>The pigments to rank, and the catalogue versions they come from.</summary>
/// <param name="Versions">Every catalogue version included (its identity keys the precomputed optics).</param>
/// <param name="Pigments">The pigments.</param>
public sealed record PigmentSet(IReadOnlyList<CatalogueRef> Versions, IReadOnlyList<CataloguePigment> Pigments)
{
    /// <summary>Identifies this exact content: versions are immutable, so supplier@version pairs are enough.</summary>
    public string Key => string.Join(';', Versions.Select(v => $"{v.Supplier}@{v.Version}").Order(StringComparer.Ordinal));
}

/// <summary>
/// Where matching gets its candidates: the catalogue store in the service, an in-memory list in tests and benchmarks.
/// </summary>
public interface IPigmentSource
{
    /// <summary>
    /// One supplier's version (current when <paramref name="version"/> is null), or every supplier's current version
    /// when <paramref name="supplier"/> is null.
    /// </summary>
    /// <exception cref="ProblemException">404 for an unknown supplier or version (<see cref="CatalogueMissing"/>).</exception>
    Task<PigmentSet> GetAsync(string? supplier, int? version, CancellationToken cancellationToken);

    /// <summary>
    /// Changes whenever any catalogue may have changed (a new version); a cheap query, so prepared catalogues can be
    /// reused without reading the pigments again. Read by a match through <see cref="MatchInputs"/>: on PostgreSQL every
    /// match, on SQLite only when the database file changed since the last read.
    /// </summary>
    Task<long> GetFingerprintAsync(CancellationToken cancellationToken);

    /// <summary>The 404 a match answers when the catalogue it names is missing or empty.</summary>
    static ProblemException CatalogueMissing(string code, string detail) => ProblemException.NotFound(code, "Catalogue not found", detail);
}

/// <summary>Pigments held in memory, for tests and benchmarks (the service reads the catalogue store).</summary>
public sealed class InMemoryPigmentSource(IEnumerable<CataloguePigment> pigments) : IPigmentSource
{
    private readonly List<CataloguePigment> all = [.. pigments];

    /// <inheritdoc />
    public Task<PigmentSet> GetAsync(string? supplier, int? version, CancellationToken cancellationToken)
    {
        var bySupplier = all.GroupBy(p => p.Supplier, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        IEnumerable<string> suppliers = supplier is null ? bySupplier.Keys : [supplier];
        var versions = new List<CatalogueRef>();
        var chosen = new List<CataloguePigment>();
        foreach (string s in suppliers)
        {
            if (!bySupplier.TryGetValue(s, out var rows))
            {
                throw IPigmentSource.CatalogueMissing("catalogue.supplier_not_found", $"No supplier '{s}'.");
            }

            int v = version ?? rows.Max(p => p.Version);
            if (!rows.Any(p => p.Version == v))
            {
                throw IPigmentSource.CatalogueMissing("catalogue.version_not_found", $"Supplier '{s}' has no version {v}.");
            }

            versions.Add(new CatalogueRef(s, v));
            chosen.AddRange(rows.Where(p => p.Version == v));
        }

        return Task.FromResult(new PigmentSet(versions, chosen));
    }

    /// <inheritdoc />
    public Task<long> GetFingerprintAsync(CancellationToken cancellationToken) => Task.FromResult(0L);
}
