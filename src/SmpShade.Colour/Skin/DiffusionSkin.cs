using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Skin;

/// <summary>
/// A second optical model of skin reflectance, of different structure from the healed-tone model's adding-doubling
/// layers (docs/science.md §3) but with the same chromophores and scattering law: an epidermis that only absorbs (Beer–Lambert, diffuse path taken as twice its thickness, in and out)
/// over a semi-infinite dermis whose total diffuse reflectance is the diffusion-theory result of Farrell, Patterson &amp;
/// Wilson (1992, Med. Phys. 19(4) 879–888):
/// R = (a′/2)·(1 + exp(−(4/3)·A·√(3(1 − a′))))·exp(−√(3(1 − a′))), a′ = μs′/(μa + μs′),
/// with the boundary term A = (1 + r)/(1 − r), r = −1.440/n² + 0.710/n + 0.668 + 0.0636·n (Groenhuis et al. 1983) for n = 1.4.
/// Absorbers from the Virtual Tissue Simulator's table (melanin, haemoglobin, water; Spectra/Data/vts_chromophores_380_730.csv
/// names the source), bloodless tissue after Jacques (1998), dermal scattering μs′ = a′·(λ/500 nm)^−b (Jacques 2013,
/// Phys. Med. Biol. 58 R37: skin a′ ≈ 46 cm⁻¹, b ≈ 1.42).
/// </summary>
/// <remarks>
/// The tests use it to draw skin whose structure the photo analysis's skin spectra set does not contain, and
/// <see cref="SkinSpectraSet.Build"/> can add it as a family; the service's set leaves it out (docs/accuracy.md).
/// </remarks>
public static class DiffusionSkin
{
    /// <summary>Refractive index of tissue relative to air.</summary>
    public const double RefractiveIndex = 1.4;

    /// <summary>Haemoglobin in whole blood, µM (150 g/L at 64 500 g/mol).</summary>
    public const double BloodHaemoglobinMicromolar = 150.0 / 64500 * 1e6;

    /// <summary>Water volume fraction of dermis (VTS's skin default, Meglinski &amp; Matcher 2003).</summary>
    public const double DermisWaterFraction = 0.7;

    private static readonly Lazy<(double[] Melanin, double[] Hb, double[] HbO2, double[] Water)> Absorbers = new(() =>
    {
        var rows = EmbeddedTable.Rows("vts_chromophores_380_730");
        if (rows.Count != VisibleGrid.Count || rows[0][0] != VisibleGrid.StartNm)
        {
            throw new InvalidOperationException("The chromophore table does not match the visible grid.");
        }

        return (EmbeddedTable.Column(rows, 1), EmbeddedTable.Column(rows, 2), EmbeddedTable.Column(rows, 3), EmbeddedTable.Column(rows, 4));
    });

    /// <summary>Boundary term A of the diffusion model for <see cref="RefractiveIndex"/>.</summary>
    public static double BoundaryTerm { get; } = Boundary(RefractiveIndex);

    /// <summary>
    /// Total diffuse reflectance of a semi-infinite turbid medium (Farrell et al. 1992) with absorption
    /// <paramref name="absorption"/> and reduced scattering <paramref name="reducedScattering"/> (same units).
    /// No absorption gives 1: all light comes back.
    /// </summary>
    public static double SemiInfiniteReflectance(double absorption, double reducedScattering)
    {
        double albedo = reducedScattering / (absorption + reducedScattering);
        double root = Math.Sqrt(3 * (1 - albedo));
        return albedo / 2 * (1 + Math.Exp(-4.0 / 3 * BoundaryTerm * root)) * Math.Exp(-root);
    }

    /// <summary>Reflectance on <see cref="VisibleGrid"/> of the skin <paramref name="skin"/> describes.</summary>
    public static double[] Reflectance(DiffusionSkinParameters skin)
    {
        ArgumentNullException.ThrowIfNull(skin);
        var (melanin, hb, hbo2, water) = Absorbers.Value;
        var r = new double[VisibleGrid.Count];
        for (int i = 0; i < r.Length; i++)
        {
            double nm = VisibleGrid.WavelengthAt(i);
            double baseline = (0.244 + 85.3 * Math.Exp(-(nm - 154) / 66.2)) / 10; // Jacques 1998, cm⁻¹ → mm⁻¹
            double blood = Math.Log(10) * BloodHaemoglobinMicromolar * (skin.Saturation * hbo2[i] + (1 - skin.Saturation) * hb[i]);
            double epidermis = skin.MelaninFraction * melanin[i] + (1 - skin.MelaninFraction) * baseline;
            double dermis = skin.BloodFraction * blood + (1 - skin.BloodFraction) * baseline + DermisWaterFraction * water[i];
            double scattering = skin.ScatteringAt500PerMm * Math.Pow(nm / 500, -skin.ScatteringPower);
            double transmittance = Math.Exp(-2 * epidermis * skin.EpidermisMm);
            r[i] = transmittance * transmittance * SemiInfiniteReflectance(dermis, scattering);
        }

        return r;
    }

    private static double Boundary(double n)
    {
        double internalReflection = -1.440 / (n * n) + 0.710 / n + 0.668 + 0.0636 * n;
        return (1 + internalReflection) / (1 - internalReflection);
    }
}

/// <summary>The parameters of <see cref="DiffusionSkin"/>.</summary>
/// <param name="MelaninFraction">Volume fraction of melanosomes in the epidermis.</param>
/// <param name="BloodFraction">Volume fraction of blood in the dermis.</param>
/// <param name="Saturation">Oxygen saturation of that blood, 0–1.</param>
/// <param name="ScatteringAt500PerMm">Dermal reduced scattering at 500 nm, mm⁻¹.</param>
/// <param name="ScatteringPower">Power b of μs′ ∝ λ^−b.</param>
/// <param name="EpidermisMm">Epidermis thickness, mm.</param>
public sealed record DiffusionSkinParameters(
    double MelaninFraction, double BloodFraction, double Saturation = 0.75,
    double ScatteringAt500PerMm = 4.6, double ScatteringPower = 1.42, double EpidermisMm = 0.06);
