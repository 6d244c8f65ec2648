using SmpShade.Colour;

namespace SmpShade.Api.Catalogue;

/// <summary>One bad cell of an imported catalogue. <c>Row</c> is the file line for CSV (header = 1), the 1-based pigment index for JSON.</summary>
public sealed record RowError(int Row, string Column, string Reason);

/// <summary>A validated pigment row, ready to store: Lab already adapted to D65.</summary>
public sealed record ParsedPigment(
    string Sku, string Name, string? Line, PigmentBase Base, Lab Lab,
    string MeasuredIlluminant, int MeasuredObserver, Lab MeasuredLab,
    double[] WaterParts, double[]? Reflectance, double? Scattering = null);

/// <summary>
/// A pigment of a stored catalogue version: the one domain shape the catalogue answers with and matching, outcomes
/// and the healed-tone training all consume. <c>Lab</c> is CIELAB D65 / 2° (after Bradford adaptation from the
/// measured illuminant); <c>MeasuredLab</c> is what the supplier measured under <c>MeasuredIlluminant</c>;
/// <c>WaterParts</c> the dilution ladder (parts water per part pigment, ascending; empty only for pigments held in
/// memory, which then get <c>PreparedCatalogue.DefaultLadder</c>); <c>Reflectance</c> optional factors 400–700 nm
/// every 10 nm (31 values); <c>Scattering</c> the pigment's own Kubelka–Munk S at 550 nm, cm⁻¹ per unit volume
/// fraction, when the supplier gave one (else the ink optics use its base's default; docs/science.md §4).
/// </summary>
public sealed record CataloguePigment(
    string Supplier, int Version, string Sku, string Name, string? Line, PigmentBase Base, Lab Lab,
    string MeasuredIlluminant, int MeasuredObserver, Lab MeasuredLab,
    IReadOnlyList<double> WaterParts, IReadOnlyList<double>? Reflectance)
{
    /// <summary>
    /// A pigment measured under D65 / 2° (so <c>MeasuredLab</c> is <paramref name="lab"/>) with no product line: the
    /// in-memory pigments of tests and benchmarks.
    /// </summary>
    public CataloguePigment(string supplier, int version, string sku, string name, PigmentBase @base, Lab lab,
        IReadOnlyList<double> waterParts, IReadOnlyList<double>? reflectance)
        : this(supplier, version, sku, name, null, @base, lab, WhitePoint.D65.Name, 2, lab, waterParts, reflectance)
    {
    }

    /// <summary>The pigment's own scattering S at 550 nm (cm⁻¹ per unit volume fraction), or null for its base's default.</summary>
    public double? Scattering { get; init; }

    /// <summary>False when its catalogue version's colours were measured without the specular component (SCE).</summary>
    public bool SpecularIncluded { get; init; } = true;

    /// <summary><see cref="Base"/> as its wire name, which is also what the ink optics key their scattering on.</summary>
    public string BaseText => PigmentBases.ToText(Base);

    internal static CataloguePigment From(string supplier, int version, string specular, Pigment p) => new(
        supplier, version, p.Sku, p.Name, p.Line, p.Base, new Lab(p.L, p.A, p.B),
        p.MeasuredIlluminant, p.MeasuredObserver, new Lab(p.MeasuredL, p.MeasuredA, p.MeasuredB),
        p.WaterParts, p.Reflectance)
    {
        Scattering = p.Scattering,
        SpecularIncluded = specular != SpecularComponent.Excluded,
    };
}
