using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Auth;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Catalogue;

/// <summary>Suppliers load and version their catalogues; anyone with read access lists them.</summary>
public static class CatalogueEndpoints
{
    public const int MaxPageSize = 500;

    /// <summary>The catalogue formats: CSV, JSON, CxF3 (as XML).</summary>
    public static readonly string[] MediaTypes = ["application/json", "text/csv", "application/xml", "text/xml", "application/vnd.cxf+xml"];

    public static RouteGroupBuilder MapSuppliers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/suppliers").WithTags("Catalogue");
        group.MapGet("/", ListSuppliersAsync).WithName("ListSuppliers").RequireReadAccess()
            .WithSummary("Suppliers with their current catalogue version.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{supplier}/pigments", ListPigmentsAsync).WithName("ListPigments").RequireReadAccess()
            .WithSummary("A supplier's pigments (current version, or ?version=N), paged and filtered by base, line and q (sku/name).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{supplier}/catalogue/versions", ListVersionsAsync).WithName("ListCatalogueVersions").RequireReadAccess()
            .WithSummary("A supplier's catalogue versions, newest first, paged (page, pageSize ≤ 500, default 50), with row counts and the key that loaded each.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{supplier}/catalogue", CatalogueImportEndpoint.PutAsync).WithName("ImportCatalogue").RequireRoles(Roles.Admin, Roles.Supplier)
            .Accepts<CatalogueJson>(MediaTypes[0], MediaTypes[1..])
            .WithSummary("Load a whole catalogue as a new immutable version (text/csv, JSON or CxF3), all or nothing; ?dryRun=true validates only.")
            .WithDescription("CSV columns (headers case-insensitive, '#' lines are comments): sku, name, line, l, a, b, illuminant (D50|D65), " +
                "observer (2|10, default 2), base (carbon|iron-oxide|organic|mixed), water_parts (e.g. 0;3;6;12;20), scattering (optional: Kubelka–Munk S at 550 nm, cm⁻¹ per unit volume fraction, 1..10⁶), r400 … r700 (optional). " +
                "CxF3 (ISO 17972-1) as application/xml: objects with cc:ColorCIELab, the illuminant/observer of their ColorSpecification, " +
                "SMP fields as cc:Tag sku, line, base, water_parts, scattering; an optional 10 nm cc:ReflectanceSpectrum. " +
                "Any bad row rejects the file: 422 catalogue.row_invalid lists every {row, column, reason} (row = file line for CSV, pigment index from 1 for JSON).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    public static async Task<Ok<SupplierList>> ListSuppliersAsync(CatalogueStore store, CancellationToken cancellationToken)
    {
        var suppliers = await store.ListSuppliersAsync(cancellationToken);
        return TypedResults.Ok(new SupplierList(suppliers.Select(s => new SupplierResponse(s.Slug, s.CurrentVersion, s.Pigments, s.LoadedAt)).ToList()));
    }

    /// <summary>A supplier's pigments, paged and filtered.</summary>
    /// <param name="supplier">The supplier's slug: lower-case letters, digits and hyphens, 1–64 characters (e.g. <c>sample</c>).</param>
    /// <param name="version">A catalogue version (1, 2, …); default the current one.</param>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Pigments per page, 1–500 (default 50).</param>
    /// <param name="base">Only this pigment base: carbon, iron-oxide, organic or mixed.</param>
    /// <param name="line">Only this product line (exact, case-insensitive).</param>
    /// <param name="q">Text searched in sku and name (case-insensitive).</param>
    /// <param name="store">The catalogue store.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    public static async Task<Results<Ok<PigmentList>, ProblemHttpResult>> ListPigmentsAsync(
        string supplier, int? version, int? page, int? pageSize, [WireValues(typeof(PigmentBases))] string? @base, string? line, string? q,
        CatalogueStore store, CancellationToken cancellationToken)
    {
        if (PageRequest.Validate(page, pageSize, MaxPageSize, "catalogue.paging_invalid", out var problem) is not { } paging)
        {
            return problem!;
        }

        PigmentBase? wanted = null;
        if (!string.IsNullOrWhiteSpace(@base) && (wanted = PigmentBases.Parse(@base)) is null)
        {
            return Problems.BadRequest("catalogue.filter_invalid", "Unknown base.", "base is one of carbon, iron-oxide, organic, mixed.");
        }

        var result = await store.QueryPigmentsAsync(supplier, version, wanted, line, q, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PigmentList(result.Items.Select(PigmentResponse.From).ToList(), result.Total, paging.Page, paging.PageSize));
    }

    /// <summary>A supplier's catalogue versions, newest first, one page at a time.</summary>
    /// <param name="supplier">The supplier's slug: lower-case letters, digits and hyphens, 1–64 characters (e.g. <c>sample</c>).</param>
    /// <param name="page">Page number from 1 (default 1).</param>
    /// <param name="pageSize">Versions per page, 1–500 (default 50).</param>
    /// <param name="store">The catalogue store.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    public static async Task<Results<Ok<VersionList>, ProblemHttpResult>> ListVersionsAsync(
        string supplier, int? page, int? pageSize, CatalogueStore store, CancellationToken cancellationToken)
    {
        if (PageRequest.Validate(page, pageSize, MaxPageSize, "catalogue.paging_invalid", out var problem) is not { } paging)
        {
            return problem!;
        }

        var (versions, total) = await store.ListVersionsAsync(supplier, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new VersionList(supplier, versions.Select(v =>
            new VersionResponse(v.Number, v.RowCount, v.SourceFormat, v.LoadedByKeyId, v.LoadedAt, v.SpecularComponent)).ToList(), total, paging.Page, paging.PageSize));
    }
}
