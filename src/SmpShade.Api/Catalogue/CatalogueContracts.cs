using System.Text.Json.Serialization;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Catalogue;

// The shapes clients rely on (API.md); all camelCase on the wire.

public sealed record MeasuredValue([property: WireValues(typeof(CatalogueIlluminants))] string Illuminant, int Observer, LabValue Lab);

/// <summary>
/// A pigment: <c>lab</c> is D65 / 2°; <c>measured</c> is what the supplier sent; <c>scattering</c> its own S at 550 nm
/// (cm⁻¹ per unit volume fraction), left out when the supplier gave none.
/// </summary>
public sealed record PigmentResponse(
    string Supplier, string Sku, string Name, string? Line, [property: WireValues(typeof(PigmentBases))] string Base, LabValue Lab, MeasuredValue Measured,
    IReadOnlyList<double> WaterParts, IReadOnlyList<double>? Reflectance, int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Scattering = null)
{
    public static PigmentResponse From(CataloguePigment p) => new(
        p.Supplier, p.Sku, p.Name, p.Line, p.BaseText, new LabValue(p.Lab.L, p.Lab.A, p.Lab.B),
        new MeasuredValue(p.MeasuredIlluminant, p.MeasuredObserver, new LabValue(p.MeasuredLab.L, p.MeasuredLab.A, p.MeasuredLab.B)),
        p.WaterParts, p.Reflectance, p.Version, p.Scattering);
}

public sealed record PigmentList(IReadOnlyList<PigmentResponse> Items, int Total, int Page, int PageSize);

public sealed record SupplierResponse(string Supplier, int CurrentVersion, int Pigments, DateTimeOffset? LoadedAt);

public sealed record SupplierList(IReadOnlyList<SupplierResponse> Items);

/// <summary>A stored version; <c>specularComponent</c> says how its colours were measured: <c>included</c> (SCI) or <c>excluded</c> (SCE).</summary>
public sealed record VersionResponse(int Version, int Pigments, string SourceFormat, string LoadedBy, DateTimeOffset LoadedAt, [property: WireValues(typeof(SpecularComponent))] string SpecularComponent);

public sealed record VersionList(string Supplier, IReadOnlyList<VersionResponse> Items, int Total, int Page, int PageSize);

/// <summary>
/// Import answer: 201 with the new version, or 200 for a dry run (<c>version</c> null, nothing stored);
/// <c>specularComponent</c> is the measurement mode the colours are taken in (<c>included</c> | <c>excluded</c>).
/// </summary>
public sealed record ImportResult(string Supplier, int? Version, int Pigments, bool DryRun, [property: WireValues(typeof(SpecularComponent))] string SpecularComponent);

/// <summary>
/// The JSON catalogue body (documentation for OpenAPI; the reader validates it by hand to list every error).
/// Top-level <c>illuminant</c>/<c>observer</c> apply to pigments that do not state their own; <c>specular</c>
/// (<c>included</c> | <c>excluded</c>, or <c>SCI</c> | <c>SCE</c>) says how the colours were measured (default included). The same endpoint
/// takes <c>text/csv</c> with the columns sku, name, line, l, a, b, illuminant, observer, base, water_parts,
/// scattering, r400 … r700.
/// </summary>
public sealed record CatalogueJson([property: WireValues(typeof(CatalogueIlluminants))] string? Illuminant, int? Observer, IReadOnlyList<CatalogueJsonPigment> Pigments,
    [property: WireValues(typeof(SpecularComponent))] string? Specular = null);

/// <summary>
/// One pigment of a JSON catalogue: <c>lab</c> as measured under the illuminant; <c>waterParts</c> the dilution
/// ladder, ascending, 0..100 parts water per part pigment; <c>reflectance</c> optional, 31 factors (0..1), 400–700 nm every 10 nm;
/// <c>scattering</c> optional, the pigment's Kubelka–Munk S at 550 nm in cm⁻¹ per unit volume fraction (1..10⁶; default: its base's).
/// </summary>
public sealed record CatalogueJsonPigment(
    string Sku, string Name, string? Line, [property: WireValues(typeof(PigmentBases))] string Base, LabValue Lab, [property: WireValues(typeof(CatalogueIlluminants))] string? Illuminant, int? Observer,
    IReadOnlyList<double> WaterParts, IReadOnlyList<double>? Reflectance, double? Scattering);
