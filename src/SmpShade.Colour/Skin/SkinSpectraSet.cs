using SmpShade.Colour.Healing;
using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Skin;

/// <summary>
/// A set of plausible skin reflectance spectra on <see cref="VisibleGrid"/>: the healed-tone model's own
/// adding-doubling skin (<see cref="HealedToneModel"/>, docs/science.md §3) over melanin and blood and over the
/// uncertain parts of its structure. The photo analysis uses it as its prior on what skin's spectrum can be when it
/// turns a skin colour seen under room light into its colour in daylight (see SmpShade.Api's SkinSpectralCorrection).
/// Kept: D65 L* 20–82, the range of human skin.
/// </summary>
/// <remarks>
/// One skin model for the prediction and the photo. Until issue 12 the set was the retired two-flux Kubelka–Munk layers
/// plus <see cref="DiffusionSkin"/>; the diffusion family can still be added (<see cref="Build"/>), but on measured
/// skin (NIST, Cooksey et al. 2017) it makes the correction worse, not better, so the service leaves it out.
/// SmpShade.Api.Tests' SkinCorrectionRobustnessTests prints the figures (docs/accuracy.md).
/// </remarks>
public sealed class SkinSpectraSet
{
    /// <summary>Name of the adding-doubling (healed-tone) skin model's members.</summary>
    public const string AddingDoublingModel = "adding-doubling";

    /// <summary>Name of the diffusion model's members.</summary>
    public const string DiffusionModel = "diffusion";

    /// <summary>Lightness range kept (D65), L*.</summary>
    public const double MinL = 20, MaxL = 82;

    private static readonly Lazy<SkinSpectraSet> DefaultSet = new(() => Build(addingDoubling: true, diffusion: false));

    private SkinSpectraSet(List<(string Model, double[] Reflectance)> members)
    {
        Models = [.. members.Select(m => m.Model)];
        Reflectances = [.. members.Select(m => m.Reflectance)];
        XyzD65 = [.. Reflectances.Select(r => VisibleGrid.D65.ToXyz(r))];
    }

    /// <summary>The adding-doubling family alone: the set the service uses.</summary>
    public static SkinSpectraSet Default => DefaultSet.Value;

    /// <summary>Which model each member comes from (<see cref="AddingDoublingModel"/> or <see cref="DiffusionModel"/>).</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>Reflectance (0–1) on <see cref="VisibleGrid"/>.</summary>
    public IReadOnlyList<double[]> Reflectances { get; }

    /// <summary>Each member's tristimulus values under D65 (CIE 1931 2°, white Y = 1).</summary>
    public IReadOnlyList<Xyz> XyzD65 { get; }

    /// <summary>A set from either family or both (the diffusion family is for showing why the service leaves it out).</summary>
    public static SkinSpectraSet Build(bool addingDoubling, bool diffusion)
    {
        var members = new List<(string, double[])>();
        if (addingDoubling)
        {
            members.AddRange(AddingDoublingSpectra(AddingDoublingVariants()).Select(r => (AddingDoublingModel, r)));
        }

        if (diffusion)
        {
            members.AddRange(DiffusionSpectra().Select(r => (DiffusionModel, r)));
        }

        return Of(members);
    }

    /// <summary>A set of the given spectra (on <see cref="VisibleGrid"/>), those outside <see cref="MinL"/>–<see cref="MaxL"/> left out.</summary>
    public static SkinSpectraSet Of(IEnumerable<(string Model, double[] Reflectance)> spectra)
    {
        var members = spectra.Where(m => VisibleGrid.D65.ToLab(m.Reflectance).L is >= MinL and <= MaxL).ToList();
        if (members.Count == 0)
        {
            throw new ArgumentException("A skin spectra set needs at least one model.");
        }

        return new SkinSpectraSet(members);
    }

    private static readonly double[] MelaninFractions = [0.005, 0.01, 0.02, 0.035, 0.05, 0.07, 0.1, 0.14, 0.2, 0.3, 0.4];
    private static readonly double[] BloodFractions = [0.002, 0.005, 0.01, 0.02, 0.04];
    private static readonly double[] EpidermisMicrometres = [40, 60, 100, 150];
    private static readonly double[] Saturations = [0.6, 0.95];
    private static readonly double[] ScatteringScales = [0.7, 1.0, 1.4];
    private static readonly bool[] SpecularIncluded = [false, true];

    // The healed-tone model's skin (its default options: the constants checked against measured skin, docs/science.md
    // §3) with what is uncertain about a client's skin in a photo varied around them: epidermis thickness (40–150 µm,
    // thin scalp to thick body sites), blood oxygenation, the dermal scattering's magnitude (0.7× and 1.4× Jacques's
    // mean: an assumed spread of individual skins), and whether the camera sees the surface's Fresnel reflection (under
    // diffuse room light it does, as a d/8 instrument with the specular included does; away from a lamp's mirror
    // angle it does not). These choices were made on the 40 NIST subjects used to fit the model's constants, never on
    // the 10 held out. Solved at 400–700 nm; 380–390 and 710–730 nm take its end values.
    private static IEnumerable<HealedToneOptions> AddingDoublingVariants() =>
        from epidermis in EpidermisMicrometres
        from saturation in Saturations
        from scattering in ScatteringScales
        from specular in SpecularIncluded
        select new HealedToneOptions
        {
            EpidermisMicrometres = epidermis, BloodSaturation = saturation, ScatteringScale = scattering, SpecularIncluded = specular,
        };

    /// <summary>The adding-doubling skin of each of <paramref name="variants"/> over the set's melanin and blood fractions.</summary>
    public static IEnumerable<double[]> AddingDoublingSpectra(IEnumerable<HealedToneOptions> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var r = new double[Chromophores.Count];
        foreach (var options in variants)
        {
            var model = new HealedToneModel(options);
            foreach (double melanin in MelaninFractions)
            {
                foreach (double blood in BloodFractions)
                {
                    model.BareReflectance(melanin, blood, r);
                    var spectrum = new Spectrum(Chromophores.StartNm, Chromophores.StepNm, r);
                    yield return [.. Enumerable.Range(0, VisibleGrid.Count).Select(i => spectrum.ValueAt(VisibleGrid.WavelengthAt(i)))];
                }
            }
        }
    }

    private static IEnumerable<double[]> DiffusionSpectra()
    {
        foreach (double melanin in MelaninFractions)
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
