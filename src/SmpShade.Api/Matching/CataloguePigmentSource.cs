using SmpShade.Api.Catalogue;

namespace SmpShade.Api.Matching;

/// <summary>Matching's candidates from the catalogues in the database (<see cref="CatalogueStore"/>). Scoped.</summary>
public sealed class CataloguePigmentSource(CatalogueStore store) : IPigmentSource
{
    /// <inheritdoc />
    public async Task<PigmentSet> GetAsync(string? supplier, int? version, CancellationToken cancellationToken)
    {
        var pigments = await store.GetPigmentsAsync(supplier, version, cancellationToken);

        var versions = pigments.Select(p => new CatalogueRef(p.Supplier, p.Version)).Distinct().ToList();
        return new PigmentSet(versions, pigments);
    }

    /// <inheritdoc />
    public Task<long> GetFingerprintAsync(CancellationToken cancellationToken) => store.GetFingerprintAsync(cancellationToken);
}
