using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Healing;

/// <summary>
/// The physical healed-tone model (docs/science.md): a pigment seen through the client's skin, per wavelength, with the
/// skin as an adding-doubling stack of turbid layers. Holds the wavelength-only optics and the tabulated layers; build
/// one per <see cref="HealedToneOptions"/> (≈ 0.1 s) and share it.
/// </summary>
public sealed class HealedToneModel
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<SkinTransport>> SharedTransports = new(StringComparer.Ordinal);
    private readonly Lazy<SkinTransport> transport;

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
            BaselineAbsorption[i] = options.BaselineAbsorptionScale * Chromophores.BaselineAbsorption(nm);
            MelaninAbsorption[i] = Chromophores.MelaninAbsorption(nm);
            BloodAbsorption[i] = Chromophores.BloodAbsorption(i, options.BloodSaturation, options.HaemoglobinGramsPerLitre, options.HaemoglobinMolarMass);
            ReducedScattering[i] = options.ScatteringScale * Chromophores.ReducedScattering(nm, options.ScatteringAt500PerCm, options.ScatteringPower);
        }

        // Models with the same assumptions share their tables (tests and hosts build several).
        string key = string.Join(';', options.Assumptions().Select(p => $"{p.Key}={p.Value:R}"));
        transport = new Lazy<SkinTransport>(() => SharedTransports.GetOrAdd(key, _ => new Lazy<SkinTransport>(() => new SkinTransport(this))).Value);
    }

    /// <summary>The assumptions in force.</summary>
    public HealedToneOptions Options { get; }

    /// <summary>D65 on 400–700 nm at 10 nm: every spectrum of the model lives on this grid.</summary>
    public static SpectralColour Colour => SpectralColour.D65Visible10;

    internal double[] BaselineAbsorption { get; }

    internal double[] MelaninAbsorption { get; }

    internal double[] BloodAbsorption { get; }

    internal double[] ReducedScattering { get; }

    internal SkinTransport Transport => transport.Value;

    /// <summary>Epidermis μa at the i-th wavelength, cm⁻¹: melanin volume fraction f, the rest bloodless tissue.</summary>
    internal double EpidermisAbsorption(int i, double melanin) => (melanin * MelaninAbsorption[i]) + ((1 - melanin) * BaselineAbsorption[i]);

    /// <summary>Dermis μa at the i-th wavelength, cm⁻¹: blood volume fraction f, the rest bloodless tissue.</summary>
    internal double DermisAbsorption(int i, double blood) => (blood * BloodAbsorption[i]) + ((1 - blood) * BaselineAbsorption[i]);

    /// <summary>The skin with these chromophore fractions.</summary>
    public SkinLayers Skin(double melaninFraction, double bloodFraction) => new(this, melaninFraction, bloodFraction);

    /// <summary>Bare-skin reflectance (31 values from 400 nm), from the tabulated layers (fast; within ≈ 10⁻³ of <see cref="Skin"/>).</summary>
    public void BareReflectance(double melaninFraction, double bloodFraction, Span<double> reflectance) =>
        Transport.BareReflectance(melaninFraction, bloodFraction, reflectance);

    /// <summary>Fits melanin and blood so the model's bare skin matches <paramref name="measured"/> (D65).</summary>
    public SkinFit FitSkin(Lab measured) => SkinFit.Fit(this, measured);

    /// <summary>The ink's volume fraction in the ink layer, c·φ(t), with c = 1/(1 + water parts) and φ(t) = φ₀·exp(−t/τ).</summary>
    public double Load(double waterParts, double years) =>
        Options.InkLoad * Math.Exp(-years / Options.FadingYears) / (1 + waterParts);

    /// <summary>
    /// The fraction of treated skin the dots cover: dots per cm² × π(d/2)², d the dot diameter in cm (at most 1).
    /// </summary>
    public double DotCoverage => Math.Min(1, Options.DotsPerSquareCentimetre * Math.PI * Math.Pow(Options.DotDiameterMillimetres / 20, 2));

    /// <summary>
    /// How the treated area looks from conversational distance, where single dots are not resolved: dots and the skin
    /// between them mixed by area in XYZ (light adds linearly; Lab does not), f·XYZ(dot) + (1 − f)·XYZ(skin) with
    /// f = <see cref="DotCoverage"/>, D65.
    /// </summary>
    public Lab FromDistance(Lab dot, Lab skin)
    {
        var white = Colour.White;
        var (d, s) = (dot.ToXyz(white), skin.ToXyz(white));
        double f = DotCoverage;
        return new Xyz((f * d.X) + ((1 - f) * s.X), (f * d.Y) + ((1 - f) * s.Y), (f * d.Z) + ((1 - f) * s.Z)).ToLab(white);
    }

    /// <summary>
    /// The predicted healed colour of <paramref name="ink"/> diluted with <paramref name="waterParts"/> parts of water,
    /// after <paramref name="years"/>: the one prediction matching, blends, fading and outcomes all use.
    /// </summary>
    public Lab Healed(SkinLayers skin, InkOptics ink, double waterParts, double years = 0)
    {
        ArgumentNullException.ThrowIfNull(skin);
        ArgumentNullException.ThrowIfNull(ink);
        return skin.HealedLab(ink, Load(waterParts, years));
    }

    /// <summary>
    /// As <see cref="Healed"/>, for a dot of the options' diameter rather than an infinite plane of ink: the light that
    /// enters the skin around a dot lightens it (<see cref="DotSpread"/>, docs/science.md §7).
    /// </summary>
    public Lab HealedDot(SkinLayers skin, InkOptics ink, double waterParts, double years = 0)
    {
        ArgumentNullException.ThrowIfNull(skin);
        ArgumentNullException.ThrowIfNull(ink);
        return skin.HealedDotLab(ink, Load(waterParts, years));
    }
}
