using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Healing;

/// <summary>
/// A pigment's optics for the healed-tone model: the reflectance of a full-strength opaque drawdown on the model's
/// grid (400–700 nm, 10 nm), its Kubelka–Munk (K/S)(λ) = (1 − R∞)²/(2R∞), and its absorption K and scattering S per
/// unit volume fraction (S from its chemistry, <see cref="InkChemistry"/>; K = (K/S)·S). Depends only on the
/// catalogue entry, so it is computed once per catalogue version.
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
    /// From a supplied drawdown reflectance (31 values, 400–700 nm), clamped to [0.001, 1], with scattering
    /// <paramref name="scatteringPerCm"/> per unit volume fraction (the carbon default when not given).
    /// </summary>
    public static InkOptics FromReflectance(IReadOnlyList<double> reflectance, double scatteringPerCm = InkChemistry.CarbonScatteringPerCm)
    {
        ArgumentNullException.ThrowIfNull(reflectance);
        if (reflectance.Count != Chromophores.Count)
        {
            throw new ArgumentException($"Expected {Chromophores.Count} reflectance values (400–700 nm, 10 nm).", nameof(reflectance));
        }

        double[] r = [.. reflectance.Select(v => Math.Clamp(v, MinReflectance, 1))];
        return new InkOptics(r, [.. r.Select(KubelkaMunk.KOverS)], Flat(scatteringPerCm), 0);
    }

    /// <summary>From a catalogue Lab only (D65): the smoothest spectrum in [0.001, 1] that reproduces it.</summary>
    public static InkOptics FromLab(Lab lab, double scatteringPerCm = InkChemistry.CarbonScatteringPerCm)
    {
        double[] r = SmoothReflectance.FromLab(lab, SpectralColour.D65Visible10);
        return new InkOptics(r, [.. r.Select(KubelkaMunk.KOverS)], Flat(scatteringPerCm), DeltaE.Ciede2000(lab, SpectralColour.D65Visible10.ToLab(r)));
    }

    /// <summary>A catalogue entry's optics: its reflectance when it has one, else its Lab; scattering from its base.</summary>
    public static InkOptics For(Lab lab, IReadOnlyList<double>? reflectance, string? pigmentBase)
    {
        double s = InkChemistry.ScatteringFor(pigmentBase);
        return reflectance is { Count: Chromophores.Count } r ? FromReflectance(r, s) : FromLab(lab, s);
    }

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

        // Back to R∞ = 1 + K/S − √((K/S)² + 2K/S) (the inverse of the Kubelka–Munk function).
        double[] r = [.. ks.Select(v => KubelkaMunk.ReflectanceInfinite(v, 1))];
        return new InkOptics(r, ks, s, 0);
    }
}
