using SmpShade.Colour.Healing;
using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Skin;

/// <summary>
/// A set of plausible skin reflectance spectra on <see cref="VisibleGrid"/>, from two optical models of different
/// structure, each over a wide range of its parameters: the healed-tone model's former Kubelka–Munk layers (KubelkaMunkSkin) and
/// the diffusion model of <see cref="DiffusionSkin"/>. The photo analysis uses it as its prior on what skin's spectrum
/// can be when it turns a skin colour seen under room light into its colour in daylight (see
/// SmpShade.Api's SkinSpectralCorrection). Kept: D65 L* 20–82, the range of human skin.
/// </summary>
/// <remarks>
/// Why two: for the same colour in daylight the two models' spectra differ enough that a correction learned on either
/// alone is ≈ 2.5–2.7 ΔE00 off for the other's skins under tungsten light; learned on both it is ≈ 0.5 and 1.9
/// (SmpShade.Api.Tests' SkinCorrectionRobustnessTests prints the figures). Measured skin spectra (e.g. NIST's 100-subject set) would be the
/// better prior; none is in the project's reference data yet.
/// </remarks>
public sealed class SkinSpectraSet
{
    /// <summary>Name of the Kubelka–Munk layer model's members.</summary>
    public const string LayerModel = "kubelka-munk-layers";

    /// <summary>Name of the diffusion model's members.</summary>
    public const string DiffusionModel = "diffusion";

    /// <summary>Lightness range kept (D65), L*.</summary>
    public const double MinL = 20, MaxL = 82;

    private static readonly Lazy<SkinSpectraSet> DefaultSet = new(() => Build(layers: true, diffusion: true));

    private SkinSpectraSet(List<(string Model, double[] Reflectance)> members)
    {
        Models = [.. members.Select(m => m.Model)];
        Reflectances = [.. members.Select(m => m.Reflectance)];
        XyzD65 = [.. Reflectances.Select(r => VisibleGrid.D65.ToXyz(r))];
    }

    /// <summary>Both models (the set the service uses).</summary>
    public static SkinSpectraSet Default => DefaultSet.Value;

    /// <summary>Which model each member comes from (<see cref="LayerModel"/> or <see cref="DiffusionModel"/>).</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>Reflectance (0–1) on <see cref="VisibleGrid"/>.</summary>
    public IReadOnlyList<double[]> Reflectances { get; }

    /// <summary>Each member's tristimulus values under D65 (CIE 1931 2°, white Y = 1).</summary>
    public IReadOnlyList<Xyz> XyzD65 { get; }

    /// <summary>A set from either model or both (one alone is for showing why both are used).</summary>
    public static SkinSpectraSet Build(bool layers, bool diffusion)
    {
        var members = new List<(string, double[])>();
        if (layers)
        {
            members.AddRange(LayerSpectra().Select(r => (LayerModel, r)));
        }

        if (diffusion)
        {
            members.AddRange(DiffusionSpectra().Select(r => (DiffusionModel, r)));
        }

        members.RemoveAll(m => VisibleGrid.D65.ToLab(m.Item2).L is < MinL or > MaxL);
        if (members.Count == 0)
        {
            throw new ArgumentException("A skin spectra set needs at least one model.");
        }

        return new SkinSpectraSet(members);
    }

    private static readonly double[] MelaninFractions = [0.005, 0.01, 0.02, 0.035, 0.05, 0.07, 0.1, 0.14, 0.2, 0.3];
    private static readonly double[] SaundersonK2 = [0.4, 0.6];
    private static readonly double[] Epidermis = [40, 60, 100];
    private static readonly double[] ClearDermis = [10, 100];
    private static readonly double[] Saturations = [0.6, 0.95];
    private static readonly double[] BloodFractions = [0.002, 0.005, 0.01, 0.02, 0.04];

    // The layered Kubelka–Munk family (KubelkaMunkSkin: the healed-tone model's layers before issue 12) with their
    // uncertain structure varied: surface reflection K2, epidermis and clear dermis thickness, blood oxygenation. The
    // camera correction was validated with this family; the prediction model no longer uses it. Defined at 400–700 nm;
    // 380–390 and 710–730 nm take its end values.
    private static IEnumerable<double[]> LayerSpectra()
    {
        foreach (var (k2, epidermis, clear, saturation) in
            from k in SaundersonK2 from e in Epidermis from c in ClearDermis from s in Saturations select (k, e, c, s))
        {
            foreach (double melanin in MelaninFractions)
            {
                foreach (double blood in BloodFractions)
                {
                    var r = KubelkaMunkSkin.Reflectance(melanin, blood, k2, epidermis, clear, saturation);
                    var spectrum = new Spectrum(Chromophores.StartNm, Chromophores.StepNm, r);
                    yield return [.. Enumerable.Range(0, VisibleGrid.Count).Select(i => spectrum.ValueAt(VisibleGrid.WavelengthAt(i)))];
                }
            }
        }
    }

    private static IEnumerable<double[]> DiffusionSpectra()
    {
        foreach (double melanin in MelaninFractions.Append(0.4))
        {
            foreach (double blood in BloodFractions)
            {
                foreach (double saturation in new[] { 0.6, 0.8, 0.95 })
                {
                    foreach (double scattering in new[] { 2.5, 4.6, 8.0 })
                    {
                        foreach (double power in new[] { 1.0, 1.42 })
                        {
                            yield return DiffusionSkin.Reflectance(new DiffusionSkinParameters(melanin, blood, saturation, scattering, power));
                        }
                    }
                }
            }
        }
    }
}
