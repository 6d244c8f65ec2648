namespace SmpShade.Colour.Healing;

/// <summary>
/// The lateral correction from an infinite plane of ink to a dot of diameter d (docs/science.md §7): light entering the
/// skin around a 0.3–1 mm dot spreads under it, so the dot reads lighter than the plane, nearer the skin. Per
/// wavelength, R_dot = R_plane + f·(R_skin − R_plane) with f = 1/(1 + (d/(c·ℓ·(1 + q·ρ)))^p), ℓ = 1/μs′ the ink-free
/// dermis's transport length and ρ = R_plane/R_skin (a weak ink lets light travel further under the dot). c, p and q
/// are fitted offline to a Monte Carlo of the same layered stack (data/derive/dot-monte-carlo.cs, fit-dot-correction.cs
/// and their output dot-correction.txt; the Monte Carlo is validated against MCML's cases and adding-doubling in
/// tests/SmpShade.Colour.Tests/MonteCarloLayersTests.cs). On dots the fit did not use: ΔE00 1.23 median, 2.35 at the
/// 95th percentile against the Monte Carlo, where the plane is off by 11.8 median. f → 1 for a vanishing dot (bare
/// skin), → 0 for a wide one.
/// </summary>
public static class DotSpread
{
    /// <summary>The correction's name in answers.</summary>
    public const string Name = "lateral-spread-monte-carlo";

    /// <summary>Names the fitted values below; change it whenever they change.</summary>
    public const string ParametersVersion = "2026-11-30";

    /// <summary>c: the dot diameter, in transport lengths, at which f = ½ under a black ink (fitted, dot-correction.txt).</summary>
    public const double Scale = 0.6813;

    /// <summary>p: how steeply f falls with the diameter (fitted, dot-correction.txt).</summary>
    public const double Power = 1.2625;

    /// <summary>q: how much further light travels under a weaker ink (fitted, dot-correction.txt).</summary>
    public const double WeakInk = 2.3570;

    /// <summary>The fitted values by name (for an answer's <c>model</c> block).</summary>
    public static IReadOnlyDictionary<string, double> Parameters { get; } =
        new Dictionary<string, double> { ["c"] = Scale, ["p"] = Power, ["q"] = WeakInk };

    /// <summary>
    /// The weight f of the bare skin in a dot <paramref name="diameterMm"/> mm across, over dermis of reduced scattering
    /// <paramref name="reducedScattering"/> (cm⁻¹), where the plane of ink reflects <paramref name="planeOverSkin"/> of
    /// what the bare skin does.
    /// </summary>
    public static double Weight(double diameterMm, double reducedScattering, double planeOverSkin)
    {
        double length = Scale * (1 + (WeakInk * planeOverSkin)) / reducedScattering;
        return 1 / (1 + Math.Pow(diameterMm / 10 / length, Power));
    }
}
