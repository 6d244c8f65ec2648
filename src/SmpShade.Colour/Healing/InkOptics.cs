using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Healing;

/// <summary>
/// A pigment's optics for the healed-tone model: the reflectance of a full-strength opaque drawdown on the model's
/// grid (400–700 nm, 10 nm) and its Kubelka–Munk (K/S)(λ) = (1 − R∞)²/(2R∞). Depends only on the catalogue entry,
/// so it is computed once per catalogue version.
/// </summary>
public sealed class InkOptics
{
    /// <summary>Reflectances are kept in [0.001, 1]: an R∞ of 0 would give an infinite K/S.</summary>
    public const double MinReflectance = 0.001;

    private readonly double[] reflectance;
    private readonly double[] kOverS;

    private InkOptics(double[] reflectance, double[] kOverS, double spectrumDeltaE00)
    {
        this.reflectance = reflectance;
        this.kOverS = kOverS;
        SpectrumDeltaE00 = spectrumDeltaE00;
        Lab = SpectralColour.D65Visible10.ToLab(reflectance);
    }

    /// <summary>The drawdown's reflectance, 31 samples from 400 nm.</summary>
    public IReadOnlyList<double> Reflectance => reflectance;

    /// <summary>(K/S)(λ), 31 samples from 400 nm.</summary>
    public ReadOnlySpan<double> KOverS => kOverS;

    /// <summary>The neat drawdown's colour on the model's grid (D65).</summary>
    public Lab Lab { get; }

    /// <summary>How far the spectrum misses the catalogue Lab it was built from (0 for a supplied spectrum).</summary>
    public double SpectrumDeltaE00 { get; }

    /// <summary>From a supplied drawdown reflectance (31 values, 400–700 nm), clamped to [0.001, 1].</summary>
    public static InkOptics FromReflectance(IReadOnlyList<double> reflectance)
    {
        ArgumentNullException.ThrowIfNull(reflectance);
        if (reflectance.Count != Chromophores.Count)
        {
            throw new ArgumentException($"Expected {Chromophores.Count} reflectance values (400–700 nm, 10 nm).", nameof(reflectance));
        }

        double[] r = [.. reflectance.Select(v => Math.Clamp(v, MinReflectance, 1))];
        return new InkOptics(r, [.. r.Select(KubelkaMunk.KOverS)], 0);
    }

    /// <summary>From a catalogue Lab only (D65): the smoothest spectrum in [0.001, 1] that reproduces it.</summary>
    public static InkOptics FromLab(Lab lab)
    {
        double[] r = SmoothReflectance.FromLab(lab, SpectralColour.D65Visible10);
        return new InkOptics(r, [.. r.Select(KubelkaMunk.KOverS)], DeltaE.Ciede2000(lab, SpectralColour.D65Visible10.ToLab(r)));
    }

    /// <summary>
    /// A mixture of inks by weight (normalised to sum 1), mixed in K/S: (K/S)_mix = Σ wᵢ(K/S)ᵢ, the single-constant
    /// Kubelka–Munk mixing rule (Duncan 1940) under the assumption that the inks scatter alike.
    /// </summary>
    public static InkOptics Blend(IReadOnlyList<(InkOptics Ink, double Weight)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        double total = parts.Sum(p => p.Weight);
        var ks = new double[Chromophores.Count];
        foreach (var (ink, weight) in parts)
        {
            for (int i = 0; i < ks.Length; i++)
            {
                ks[i] += weight / total * ink.kOverS[i];
            }
        }

        // Back to R∞ = 1 + K/S − √((K/S)² + 2K/S) (the inverse of the Kubelka–Munk function).
        double[] r = [.. ks.Select(v => KubelkaMunk.ReflectanceInfinite(v, 1))];
        return new InkOptics(r, ks, 0);
    }
}
