namespace SmpShade.Colour.Healing;

/// <summary>
/// Default Kubelka–Munk scattering S of a pigment per unit volume fraction, by base chemistry, for catalogue entries
/// that carry no scattering of their own. Absorption follows from the drawdown: K = (K/S)·S. Assumptions, not
/// measurements (docs/science.md, "Pigment chemistry"): carbon blacks are sub-micron absorbers that barely scatter;
/// iron oxides are high-index (n ≈ 2.3–3) particles that scatter strongly; organics sit between.
/// </summary>
public static class InkChemistry
{
    /// <summary>Carbon black, cm⁻¹ per unit volume fraction.</summary>
    public const double CarbonScatteringPerCm = 2000;

    /// <summary>Iron oxides, cm⁻¹ per unit volume fraction.</summary>
    public const double IronOxideScatteringPerCm = 5000;

    /// <summary>Organic pigments, cm⁻¹ per unit volume fraction.</summary>
    public const double OrganicScatteringPerCm = 3000;

    /// <summary>Mixtures and unknown bases, cm⁻¹ per unit volume fraction.</summary>
    public const double MixedScatteringPerCm = 3000;

    /// <summary>The default scattering for a catalogue base (<c>carbon</c>, <c>iron-oxide</c>, <c>organic</c>, <c>mixed</c>).</summary>
    public static double ScatteringFor(string? pigmentBase) => pigmentBase switch
    {
        "carbon" => CarbonScatteringPerCm,
        "iron-oxide" => IronOxideScatteringPerCm,
        "organic" => OrganicScatteringPerCm,
        _ => MixedScatteringPerCm,
    };
}
