using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Healing;

/// <summary>
/// The physical healed-tone model of SCIENCE.md §6: a pigment seen through the client's skin, per wavelength, with
/// two-flux Kubelka–Munk layers. Holds the wavelength-only optics; build one per <see cref="HealedToneOptions"/>.
/// </summary>
public sealed class HealedToneModel
{
    /// <summary>Creates the model and tabulates the optics that depend only on wavelength.</summary>
    public HealedToneModel(HealedToneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        int n = Chromophores.Count;
        BaselineAbsorption = new double[n];
        MelaninAbsorption = new double[n];
        BloodAbsorption = new double[n];
        ReducedScattering = new double[n];
        for (int i = 0; i < n; i++)
        {
            double nm = Chromophores.WavelengthAt(i);
            BaselineAbsorption[i] = Chromophores.BaselineAbsorption(nm);
            MelaninAbsorption[i] = Chromophores.MelaninAbsorption(nm);
            BloodAbsorption[i] = Chromophores.BloodAbsorption(i, options.BloodSaturation, options.HaemoglobinGramsPerLitre, options.HaemoglobinMolarMass);
            ReducedScattering[i] = Chromophores.ReducedScattering(nm);
        }
    }

    /// <summary>The assumptions in force.</summary>
    public HealedToneOptions Options { get; }

    /// <summary>D65 on 400–700 nm at 10 nm: every spectrum of the model lives on this grid.</summary>
    public static SpectralColour Colour => SpectralColour.D65Visible10;

    internal double[] BaselineAbsorption { get; }

    internal double[] MelaninAbsorption { get; }

    internal double[] BloodAbsorption { get; }

    internal double[] ReducedScattering { get; }

    /// <summary>The skin with these chromophore fractions.</summary>
    public SkinLayers Skin(double melaninFraction, double bloodFraction) => new(this, melaninFraction, bloodFraction);

    /// <summary>Fits melanin and blood so the model's bare skin matches <paramref name="measured"/> (D65).</summary>
    public SkinFit FitSkin(Lab measured) => SkinFit.Fit(this, measured);

    /// <summary>
    /// The scattering load the ink adds to the pigmented dermis, c·φ(t)·S_ink in cm⁻¹, with c = 1/(1 + water parts)
    /// and φ(t) = φ₀·exp(−t/τ).
    /// </summary>
    public double Load(double waterParts, double years) =>
        Options.InkLoad * Math.Exp(-years / Options.FadingYears) * Options.InkScatteringPerCm / (1 + waterParts);

    /// <summary>The predicted healed colour of <paramref name="ink"/> diluted with <paramref name="waterParts"/> parts of water, after <paramref name="years"/>.</summary>
    public Lab Healed(SkinLayers skin, InkOptics ink, double waterParts, double years = 0)
    {
        ArgumentNullException.ThrowIfNull(skin);
        ArgumentNullException.ThrowIfNull(ink);
        return skin.HealedLab(ink.KOverS, Load(waterParts, years));
    }
}
