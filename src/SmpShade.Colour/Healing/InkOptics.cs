using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Healing;

/// <summary>
/// A pigment's optics for the healed-tone model: the observed reflectance of a full-strength opaque drawdown on the
/// model's grid (400–700 nm, 10 nm), its Kubelka–Munk (K/S)(λ) = (1 − R∞)²/(2R∞) of the body reflectance R∞ under the
/// drawdown's surface (Saunderson, <see cref="BodyReflectance"/>), and its absorption K and scattering S per unit volume
/// fraction (S its own or from its chemistry, <see cref="InkChemistry"/>; K = (K/S)·S). The hot path reads
/// <see cref="Absorption"/> and <see cref="Scattering"/> only. Depends only on the catalogue entry, so it is computed
/// once per catalogue version.
/// </summary>
public sealed class InkOptics
{
    /// <summary>Reflectances are kept in [0.001, 1]: an R∞ of 0 would give an infinite K/S.</summary>
    public const double MinReflectance = 0.001;

    private readonly double[] reflectance;
    private readonly double[] kOverS;
    private readonly double[] absorption;
    private readonly double[] scattering;

    private InkOptics(double[] reflectance, double[] kOverS, double[] scattering, double spectrumDeltaE00)
    {
        this.reflectance = reflectance;
        this.kOverS = kOverS;
        this.scattering = scattering;
        absorption = [.. kOverS.Zip(scattering, (ks, s) => ks * s)];
        SpectrumDeltaE00 = spectrumDeltaE00;
        Lab = SpectralColour.D65Visible10.ToLab(reflectance);
    }

    /// <summary>The drawdown's reflectance, 31 samples from 400 nm.</summary>
    public IReadOnlyList<double> Reflectance => reflectance;

    /// <summary>(K/S)(λ), 31 samples from 400 nm.</summary>
    public ReadOnlySpan<double> KOverS => kOverS;

    /// <summary>K per unit volume fraction, cm⁻¹, 31 samples from 400 nm.</summary>
    public ReadOnlySpan<double> Absorption => absorption;

    /// <summary>S per unit volume fraction, cm⁻¹, 31 samples from 400 nm.</summary>
    public ReadOnlySpan<double> Scattering => scattering;

    /// <summary>The neat drawdown's colour on the model's grid (D65).</summary>
    public Lab Lab { get; }

    /// <summary>How far the spectrum misses the catalogue Lab it was built from (0 for a supplied spectrum).</summary>
    public double SpectrumDeltaE00 { get; }

    /// <summary>
    /// Saunderson's surface constants for a drawdown measured with the specular component included (d/8 SCI, what
    /// spectrophotometers report by default): K1, the light reflected at the binder's surface (≈ Fresnel for n ≈ 1.42),
    /// and K2, the internal diffuse light reflected back in (≈ 0.6 for n ≈ 1.5, Judd 1942). The values are those the
    /// measured K/S set (Golden Heavy Body, via waacton/Unicolour) was derived with, so its K/S and this inversion agree.
    /// </summary>
    public const double SurfaceK1 = 0.03, SurfaceK2 = 0.65;

    /// <summary>
    /// The body (internal) reflectance R∞ under the drawdown's surface, from its observed reflectance, by inverting
    /// Saunderson's correction (docs/science.md §4): R∞ = x / ((1 − K1)(1 − K2) + K2·x), x = R_obs − K1. A reading at or
    /// below the surface reflection alone (an SCE measurement of a deep black) gives the floor <see cref="MinReflectance"/>.
    /// </summary>
    public static double BodyReflectance(double observed)
    {
        double x = observed - SurfaceK1;
        double body = x / (((1 - SurfaceK1) * (1 - SurfaceK2)) + (SurfaceK2 * x));
        return Math.Clamp(body, MinReflectance, 1);
    }

    /// <summary>The observed (SCI) reflectance of a drawdown whose body reflectance is <paramref name="body"/>: Saunderson forward.</summary>
    public static double ObservedReflectance(double body) => KubelkaMunk.Saunderson(body, SurfaceK1, SurfaceK2);

    /// <summary>
    /// From a supplied drawdown reflectance (31 values, 400–700 nm, observed with the specular component), clamped to
    /// [0.001, 1], with a flat scattering <paramref name="scatteringPerCm"/> per unit volume fraction.
    /// </summary>
    public static InkOptics FromReflectance(IReadOnlyList<double> reflectance, double scatteringPerCm = InkChemistry.CarbonScatteringPerCm) =>
        FromReflectance(reflectance, Flat(scatteringPerCm));

    /// <summary>From a supplied drawdown reflectance and a scattering spectrum S(λ) per unit volume fraction (31 values each).</summary>
    public static InkOptics FromReflectance(IReadOnlyList<double> reflectance, IReadOnlyList<double> scattering)
    {
        ArgumentNullException.ThrowIfNull(reflectance);
        ArgumentNullException.ThrowIfNull(scattering);
        if (reflectance.Count != Chromophores.Count || scattering.Count != Chromophores.Count)
        {
            throw new ArgumentException($"Expected {Chromophores.Count} reflectance and scattering values (400–700 nm, 10 nm).", nameof(reflectance));
        }

        double[] r = [.. reflectance.Select(v => Math.Clamp(v, MinReflectance, 1))];
        return new InkOptics(r, KOverSOf(r), [.. scattering], 0);
    }

    /// <summary>From a catalogue Lab only (D65): the smoothest spectrum in [0.001, 1] that reproduces it, flat scattering.</summary>
    public static InkOptics FromLab(Lab lab, double scatteringPerCm = InkChemistry.CarbonScatteringPerCm) => FromLab(lab, Flat(scatteringPerCm));

    /// <summary>From a catalogue Lab only (D65) and a scattering spectrum S(λ) per unit volume fraction.</summary>
    public static InkOptics FromLab(Lab lab, IReadOnlyList<double> scattering)
    {
        ArgumentNullException.ThrowIfNull(scattering);
        double[] r = SmoothReflectance.FromLab(lab, SpectralColour.D65Visible10);
        return new InkOptics(r, KOverSOf(r), [.. scattering], DeltaE.Ciede2000(lab, SpectralColour.D65Visible10.ToLab(r)));
    }

    /// <summary>
    /// A catalogue entry's optics: its reflectance when it has one, else its Lab; scattering S(λ) from its own value at
    /// 550 nm (<paramref name="scatteringAt550"/>, cm⁻¹ per unit volume fraction) when given, else from its base, with
    /// the base's spectral shape (<see cref="InkChemistry.ScatteringSpectrum"/>). <paramref name="specularIncluded"/>
    /// false: the catalogue's colours were measured without the specular component (SCE), and are brought to the
    /// specular-included reading the inversion expects first (<see cref="SpecularIncludedReflectance"/>).
    /// </summary>
    public static InkOptics For(Lab lab, IReadOnlyList<double>? reflectance, string? pigmentBase, double? scatteringAt550 = null,
        bool specularIncluded = true)
    {
        double[] s = InkChemistry.ScatteringSpectrum(pigmentBase, scatteringAt550);
        if (specularIncluded)
        {
            return reflectance is { Count: Chromophores.Count } r ? FromReflectance(r, s) : FromLab(lab, s);
        }

        double[] sce = reflectance is { Count: Chromophores.Count } given ? [.. given] : SmoothReflectance.FromLab(lab, SpectralColour.D65Visible10);
        double missed = reflectance is { Count: Chromophores.Count } ? 0 : DeltaE.Ciede2000(lab, SpectralColour.D65Visible10.ToLab(sce));
        double[] sci = [.. sce.Select(v => Math.Clamp(SpecularIncludedReflectance(v), MinReflectance, 1))];
        return new InkOptics(sci, KOverSOf(sci), s, missed);
    }

    /// <summary>
    /// A drawdown reading taken without the specular component (SCE) as the specular-included reading (SCI) Saunderson's
    /// model describes: R_SCI = R_SCE + K1, K1 = <see cref="SurfaceK1"/> being the light reflected at the drawdown's
    /// surface, which an SCE instrument traps and an SCI one collects (docs/science.md §4).
    /// </summary>
    public static double SpecularIncludedReflectance(double specularExcluded) => specularExcluded + SurfaceK1;

    /// <summary>K/S of the body under the drawdown's surface, per wavelength.</summary>
    private static double[] KOverSOf(double[] observed) => [.. observed.Select(v => KubelkaMunk.KOverS(BodyReflectance(v)))];

    private static double[] Flat(double value)
    {
        var s = new double[Chromophores.Count];
        Array.Fill(s, value);
        return s;
    }

    /// <summary>
    /// A mixture of inks by weight (normalised to sum 1), by the two-constant Kubelka–Munk mixing rule (Duncan 1940):
    /// K_mix = Σ wᵢKᵢ, S_mix = Σ wᵢSᵢ, so a strongly scattering iron oxide dominates a carbon black's scattering.
    /// </summary>
    public static InkOptics Blend(IReadOnlyList<(InkOptics Ink, double Weight)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        double total = parts.Sum(p => p.Weight);
        var k = new double[Chromophores.Count];
        var s = new double[Chromophores.Count];
        foreach (var (ink, weight) in parts)
        {
            for (int i = 0; i < k.Length; i++)
            {
                k[i] += weight / total * ink.absorption[i];
                s[i] += weight / total * ink.scattering[i];
            }
        }

        double[] ks = [.. k.Zip(s, (a, b) => a / b)];

        // Back to R∞ = 1 + K/S − √((K/S)² + 2K/S) (the inverse of the Kubelka–Munk function), seen through the surface.
        double[] r = [.. ks.Select(v => ObservedReflectance(KubelkaMunk.ReflectanceInfinite(v, 1)))];
        return new InkOptics(r, ks, s, 0);
    }
}
