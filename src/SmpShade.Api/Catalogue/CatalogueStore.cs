using Microsoft.EntityFrameworkCore;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Catalogue;

/// <summary>
/// Read side of the catalogues, for the read endpoints, matching and outcomes: the one place pigments are looked up.
/// An unknown supplier, version or pigment is a 404 <see cref="ProblemException"/> (<c>catalogue.supplier_not_found</c>,
/// <c>catalogue.version_not_found</c>, <c>outcome.pigment_not_found</c>) titled for the answer it ends up in.
/// </summary>
public sealed class CatalogueStore(SmpShadeDbContext db)
{
    public sealed record SupplierSummary(string Slug, int CurrentVersion, int Pigments, DateTimeOffset? LoadedAt);

    public sealed record PigmentPage(IReadOnlyList<CataloguePigment> Items, int Total);

    /// <summary>
    /// Pigments of one supplier's version (current when <paramref name="version"/> is null), or of every supplier's
    /// current version when <paramref name="supplier"/> is null.
    /// </summary>
    public async Task<IReadOnlyList<CataloguePigment>> GetPigmentsAsync(string? supplier, int? version, CancellationToken cancellationToken)
    {
        var versions = supplier is null
            ? await CurrentVersions().ToListAsync(cancellationToken)
            : [await ResolveAsync(supplier, version, "Catalogue not found", cancellationToken)];
        var result = new List<CataloguePigment>();
        foreach (var v in versions)
        {
            var pigments = await db.Pigments.AsNoTracking().Where(p => p.VersionId == v.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
            result.AddRange(pigments.Select(p => CataloguePigment.From(v.Slug, v.Number, v.SpecularComponent, p)));
        }

        return result;
    }

    /// <summary>
    /// Changes whenever any catalogue gets a new version, whichever replica stored it: versions are immutable and only
    /// ever added, so their count says it all. (Not the highest id: on PostgreSQL two imports can commit out of id
    /// order, and a version committed after a higher-numbered one would leave the highest id, and a cache, unchanged.)
    /// Cache anything derived from the catalogues on it; it is one indexed count per request.
    /// </summary>
    public async Task<long> GetFingerprintAsync(CancellationToken cancellationToken) =>
        await db.CatalogueVersions.LongCountAsync(cancellationToken);

    public async Task<IReadOnlyList<SupplierSummary>> ListSuppliersAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentVersions().ToListAsync(cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking().Select(s => s.Slug).ToListAsync(cancellationToken);
        return suppliers.Order(StringComparer.Ordinal).Select(slug =>
        {
            var v = current.FirstOrDefault(c => c.Slug == slug);
            return new SupplierSummary(slug, v?.Number ?? 0, v?.RowCount ?? 0, v?.LoadedAt);
        }).ToList();
    }

    /// <summary>One page of a supplier's versions, newest first, and how many there are.</summary>
    public async Task<(IReadOnlyList<CatalogueVersion> Items, int Total)> ListVersionsAsync(string supplier, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var row = await FindSupplierAsync(supplier, "No such supplier.", cancellationToken);
        var versions = db.CatalogueVersions.AsNoTracking().Where(v => v.SupplierId == row.Id);
        int total = await versions.CountAsync(cancellationToken);
        var items = await versions.OrderByDescending(v => v.Number).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>One page of a version's pigments, in file order, filtered by base, line (exact, case-insensitive) and q (in sku or name).</summary>
    public async Task<PigmentPage> QueryPigmentsAsync(string supplier, int? version, PigmentBase? pigmentBase, string? line, string? q,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var v = await ResolveAsync(supplier, version, "No such catalogue.", cancellationToken);
        var query = db.Pigments.AsNoTracking().Where(p => p.VersionId == v.Id);
        if (pigmentBase is { } b)
        {
            query = query.Where(p => p.Base == b);
        }

        if (!string.IsNullOrWhiteSpace(line))
        {
            string wanted = Escape(line.Trim().ToLowerInvariant());
            query = query.Where(p => p.Line != null && EF.Functions.Like(p.Line.ToLower(), wanted, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            // Lower-cased LIKE: case-insensitive on both SQLite and PostgreSQL.
            string pattern = "%" + Escape(q.Trim().ToLowerInvariant()) + "%";
            query = query.Where(p => EF.Functions.Like(p.Sku.ToLower(), pattern, "\\") || EF.Functions.Like(p.Name.ToLower(), pattern, "\\"));
        }

        int total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PigmentPage(items.Select(p => CataloguePigment.From(v.Slug, v.Number, v.SpecularComponent, p)).ToList(), total);
    }

    /// <summary>A supplier's pigment by sku in a version (the current one when <paramref name="version"/> is null).</summary>
    public async Task<CataloguePigment> FindPigmentAsync(string supplier, string sku, int? version, CancellationToken cancellationToken)
    {
        const string Title = "Pigment not found";
        var v = await ResolveAsync(supplier, version, Title, cancellationToken);
        var pigment = await db.Pigments.AsNoTracking().FirstOrDefaultAsync(p => p.VersionId == v.Id && p.Sku == sku, cancellationToken)
            ?? throw ProblemException.NotFound("outcome.pigment_not_found", Title,
                $"Supplier '{supplier}' has no pigment '{sku}' in catalogue version {v.Number}.");
        return CataloguePigment.From(v.Slug, v.Number, v.SpecularComponent, pigment);
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private sealed record VersionRef(int Id, string Slug, int Number, int RowCount, DateTimeOffset LoadedAt, string SpecularComponent);

    private IQueryable<VersionRef> CurrentVersions() =>
        db.CatalogueVersions.AsNoTracking()
            .Where(v => v.Number == db.CatalogueVersions.Where(o => o.SupplierId == v.SupplierId).Max(o => o.Number))
            .Select(v => new VersionRef(v.Id, v.Supplier!.Slug, v.Number, v.RowCount, v.LoadedAt, v.SpecularComponent));

    private async Task<Supplier> FindSupplierAsync(string supplier, string notFoundTitle, CancellationToken cancellationToken) =>
        await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == supplier, cancellationToken)
            ?? throw ProblemException.NotFound("catalogue.supplier_not_found", notFoundTitle, $"No supplier '{supplier}'.");

    private async Task<VersionRef> ResolveAsync(string supplier, int? version, string notFoundTitle, CancellationToken cancellationToken)
    {
        var row = await FindSupplierAsync(supplier, notFoundTitle, cancellationToken);
        var versions = db.CatalogueVersions.AsNoTracking().Where(v => v.SupplierId == row.Id);
        var found = await (version is { } n ? versions.Where(v => v.Number == n) : versions.OrderByDescending(v => v.Number))
            .Select(v => new VersionRef(v.Id, row.Slug, v.Number, v.RowCount, v.LoadedAt, v.SpecularComponent))
            .FirstOrDefaultAsync(cancellationToken);
        return found ?? throw ProblemException.NotFound("catalogue.version_not_found", notFoundTitle,
            version is null ? $"Supplier '{supplier}' has no catalogue yet." : $"Supplier '{supplier}' has no version {version}.");
    }
}
