namespace SmpShade.Colour.Healing;

/// <summary>
/// Kubelka–Munk scattering S of a pigment per unit volume fraction, by base chemistry, for catalogue entries that carry
/// no scattering of their own (docs/science.md §4). Absorption follows from the drawdown: K = (K/S)·S.
/// </summary>
/// <remarks>
/// Derived by data/derive/derive-sample-catalogue.cs (report: data/derive/pigment-optics.txt) from the measured
/// two-constant K and S spectra of Golden Heavy Body acrylics (waacton/Unicolour, MIT), where titanium white (PW6) has
/// S = 1 at every wavelength, so each pigment's S is measured relative to rutile white:
/// <list type="bullet">
/// <item>carbon: bone black PBk9, S/S_white = 0.0201 at 550 nm, with its measured spectral shape (measured);</item>
/// <item>iron oxide: 0.186, the median of the set's high-index inorganic pigments (PY184, PR108, PO20) where they do
/// not absorb; the set has no iron oxide, so this is an assumption by analogy (hematite, n ≈ 3, scatters at least as
/// strongly), flat over wavelength (assumption);</item>
/// <item>organic: 0.100, the median at 550 nm of the set's eleven organic pigments, flat (measured median, flat shape
/// assumed); mixed or unknown: the organic value (assumption).</item>
/// </list>
/// One absolute scale remains an assumption: rutile white's S per unit volume fraction, <see cref="WhiteScatteringPerCm"/>.
/// </remarks>
public static class InkChemistry
{
    /// <summary>
    /// ASSUMPTION: S of rutile titanium white per unit volume fraction, cm⁻¹ (order of magnitude of Mie scattering by
    /// 0.2 µm rutile in a binder, μs ≈ 1.5·Q_sca/d with Q_sca ≈ 3; docs/science.md §4).
    /// </summary>
    public const double WhiteScatteringPerCm = 1.0e5;

    /// <summary>Bone black (PBk9) S relative to titanium white at 550 nm, Golden Heavy Body set (measured).</summary>
    public const double CarbonRelativeScattering = 0.0201;

    /// <summary>Iron oxides' S relative to titanium white (assumption by analogy, see remarks).</summary>
    public const double IronOxideRelativeScattering = 0.186;

    /// <summary>Organic pigments' S relative to titanium white at 550 nm (median of the measured set).</summary>
    public const double OrganicRelativeScattering = 0.100;

    /// <summary>Carbon black S at 550 nm, cm⁻¹ per unit volume fraction.</summary>
    public const double CarbonScatteringPerCm = CarbonRelativeScattering * WhiteScatteringPerCm;

    /// <summary>Iron oxides, S at 550 nm, cm⁻¹ per unit volume fraction.</summary>
    public const double IronOxideScatteringPerCm = IronOxideRelativeScattering * WhiteScatteringPerCm;

    /// <summary>Organic pigments, S at 550 nm, cm⁻¹ per unit volume fraction.</summary>
    public const double OrganicScatteringPerCm = OrganicRelativeScattering * WhiteScatteringPerCm;

    /// <summary>Mixtures and unknown bases, S at 550 nm, cm⁻¹ per unit volume fraction (the organic value).</summary>
    public const double MixedScatteringPerCm = OrganicScatteringPerCm;

    /// <summary>Index of 550 nm on the model's grid (400–700 nm, 10 nm), where scattering values are stated.</summary>
    public const int ReferenceIndex = 15;

    // Bone black's measured S(λ)/S(550 nm), 400…700 nm every 10 nm (Golden Heavy Body PBk9, waacton/Unicolour).
    private static readonly double[] CarbonShape =
    [
        1.0583, 0.9317, 0.9015, 0.8934, 0.8961, 0.9028, 0.9168, 0.9181, 0.9271, 0.9320, 0.9411, 0.9567, 0.9651, 0.9724,
        0.9846, 1.0000, 1.0072, 1.0224, 1.0361, 1.0389, 1.0608, 1.0669, 1.0833, 1.0914, 1.1046, 1.1188, 1.1282, 1.1482,
        1.1596, 1.1780, 1.1877,
    ];

    /// <summary>The default scattering at 550 nm for a catalogue base (<c>carbon</c>, <c>iron-oxide</c>, <c>organic</c>, <c>mixed</c>).</summary>
    public static double ScatteringFor(string? pigmentBase) => pigmentBase switch
    {
        "carbon" => CarbonScatteringPerCm,
        "iron-oxide" => IronOxideScatteringPerCm,
        "organic" => OrganicScatteringPerCm,
        _ => MixedScatteringPerCm,
    };

    /// <summary>
    /// S(λ) per unit volume fraction, 31 values from 400 nm: <paramref name="at550"/> (the catalogue's own value, or the
    /// base's default when null) times the base's spectral shape (carbon: bone black's measured shape; others flat).
    /// </summary>
    public static double[] ScatteringSpectrum(string? pigmentBase, double? at550 = null)
    {
        double scale = at550 ?? ScatteringFor(pigmentBase);
        var s = new double[Chromophores.Count];
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = scale * (pigmentBase == "carbon" ? CarbonShape[i] : 1);
        }

        return s;
    }
}
