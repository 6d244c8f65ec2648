using System.Globalization;
using System.Text;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;
using SmpShade.Colour.Skin;
using SmpShade.Colour.Spectra;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos.Synthetic;

/// <summary>
/// The chart's skin correction (<see cref="SkinSpectralCorrection"/>) must not owe its accuracy to the renderer drawing
/// skin with the same model the service's skin spectra set contains. So photos are also rendered with skin from the
/// other model (<see cref="DiffusionSkin"/>, at parameters off the set's grid) and with measured skin (the NIST subjects
/// held out of the skin model's constants), and the set is cut down to one model at a time to show what each
/// contributes. Prints the table:
/// <c>dotnet test tests/SmpShade.Api.Tests --filter SkinCorrectionRobustnessTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class SkinCorrectionRobustnessTests(ITestOutputHelper output)
{
    // Off the set's grid in every parameter (the set uses saturation 0.6/0.8/0.95, scattering 2.5/4.6/8, power 1/1.42).
    internal static readonly (string Name, double[] Skin)[] DiffusionScenes =
    [
        ("diffusion light", SyntheticSpectra.FromVisibleGrid(DiffusionSkin.Reflectance(new DiffusionSkinParameters(0.012, 0.008, 0.7, 3.5, 1.2)))),
        ("diffusion medium", SyntheticSpectra.FromVisibleGrid(DiffusionSkin.Reflectance(new DiffusionSkinParameters(0.06, 0.015, 0.85, 6.0, 1.6)))),
        ("diffusion dark", SyntheticSpectra.FromVisibleGrid(DiffusionSkin.Reflectance(new DiffusionSkinParameters(0.18, 0.01, 0.7, 3.5, 1.2)))),
    ];

    private static readonly (string Name, double[] Skin)[] ModelScenes =
        [("kubelka-munk light", SyntheticSpectra.LightSkin), ("kubelka-munk medium", SyntheticSpectra.MediumSkin), ("kubelka-munk dark", SyntheticSpectra.DarkSkin)];

    // Real skin: the NIST subjects held out of the healed-tone skin model's constants (the set's family uses those
    // constants, and its variants were chosen on the other 40, so only these are unseen by it). Used to measure, never
    // to tune.
    private static readonly (string Name, double[] Skin)[] MeasuredScenes =
        [.. SyntheticSpectra.HeldOutMeasuredSkins.Select(s => ("measured " + s.Name, s.Reflectance))];

    private static readonly (string Name, SkinSpectraSet Set)[] Sets =
    [
        ("adding-doubling (the service)", SkinSpectraSet.Default),
        ("adding-doubling + diffusion", SkinSpectraSet.Build(addingDoubling: true, diffusion: true)),
        ("diffusion only", SkinSpectraSet.Build(addingDoubling: false, diffusion: true)),
    ];

    private static readonly Lazy<List<(string Light, string SkinModel, string Set, double DeltaE00)>> Rows = new(Measure);

    [Fact]
    public void Under_tungsten_a_chart_measures_skin_from_the_other_model_within_the_goal_too()
    {
        Print();
        Assert.True(Mean("A", "diffusion", Sets[0].Name) <= 2.5, Table()); // issue 3's goal for a chart under A, on skin the test did not draw from the §6 model
    }

    [Fact]
    public void Under_every_light_a_chart_measures_held_out_measured_skin_within_the_goals()
    {
        Print();
        // Issue 3's goals for a chart: ≤ 1.5 in daylight, ≤ 2.5 under tungsten; F11 held to the tungsten goal. Measured
        // skin is drawn by no model, so this is the test of the set's assumptions about real skin spectra.
        Assert.True(Mean("D65", "measured", Sets[0].Name) <= 1.5, Table());
        Assert.True(Mean("A", "measured", Sets[0].Name) <= 2.5, Table());
        Assert.True(Mean("F11", "measured", Sets[0].Name) <= 2.5, Table());
    }

    [Fact]
    public void On_measured_skin_the_service_set_beats_the_chart_fit_and_the_diffusion_family_under_room_light()
    {
        foreach (string light in new[] { "A", "F11" })
        {
            Assert.True(Mean(light, "measured", Sets[0].Name) < Mean(light, "measured", "chart"), light + Environment.NewLine + Table());
            Assert.True(Mean(light, "measured", Sets[0].Name) < Mean(light, "measured", Sets[2].Name), light + Environment.NewLine + Table());
        }
    }

    private void Print() => output.WriteLine(Table());

    private static double Mean(string light, string skinModel, string set) =>
        Rows.Value.Where(r => r.Light == light && r.SkinModel == skinModel && r.Set == set).Average(r => r.DeltaE00);

    private static double Max(string light, string skinModel, string set) =>
        Rows.Value.Where(r => r.Light == light && r.SkinModel == skinModel && r.Set == set).Max(r => r.DeltaE00);

    private static string Table()
    {
        var text = new StringBuilder($"| light | skin drawn from | {Sets[0].Name} | {Sets[1].Name} | {Sets[2].Name} | chart's own fit |\n|---|---|---|---|---|---|\n");
        foreach (var (light, _) in ReferenceAccuracy.Illuminants)
        {
            foreach (string model in new[] { "kubelka-munk", "diffusion", "measured" })
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {light} | {model} | {Mean(light, model, Sets[0].Name):0.00} (max {Max(light, model, Sets[0].Name):0.00}) | {Mean(light, model, Sets[1].Name):0.00} | {Mean(light, model, Sets[2].Name):0.00} | {Mean(light, model, "chart"):0.00} |"));
            }
        }

        return text.ToString();
    }

    private static List<(string, string, string, double)> Measure()
    {
        var rows = new List<(string, string, string, double)>();
        int seed = 500, measuredSeed = 900; // the measured scenes have their own seeds, so the model scenes' noise is as before
        foreach (var (light, spd) in ReferenceAccuracy.Illuminants)
        {
            foreach (var (name, skin) in ModelScenes.Concat(DiffusionScenes).Concat(MeasuredScenes))
            {
                string model = name.Split(' ')[0];
                SyntheticPhoto photo = SyntheticScene.Render(name, spd, skin, SyntheticSpectra.DarkBrownHair, model == "measured" ? measuredSeed++ : seed++);
                var sampler = new PhotoSampler(photo.Jpeg);
                LinearRgb skinMean = sampler.Mean(photo.Skin);
                LinearRgb[] patches = [.. ChartGeometry.PatchSamplingQuads(photo.ChartCorners).Select(sampler.Mean)];
                ReferenceResult chart = ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, patches);
                rows.Add((light, model, "chart", DeltaE.Ciede2000(photo.SkinTruth, chart.Correction.ToXyz(skinMean).ToLab(WhitePoint.D65))));
                CameraResponses camera = CameraResponses.Estimate(ColorCheckerSpectra.Reflectances, patches)!;
                foreach (var (setName, set) in Sets)
                {
                    var correction = SkinSpectralCorrection.Fit(camera, set)!;
                    rows.Add((light, model, setName, DeltaE.Ciede2000(photo.SkinTruth, correction.ToXyz(skinMean).ToLab(WhitePoint.D65))));
                }
            }
        }

        return rows;
    }
}
