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
/// other model (<see cref="DiffusionSkin"/>, at parameters off the set's grid), and the set is cut down to one model at a
/// time to show what each contributes. Prints the table:
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

    private static readonly (string Name, double[] Skin)[] LayerScenes =
        [("layers light", SyntheticSpectra.LightSkin), ("layers medium", SyntheticSpectra.MediumSkin), ("layers dark", SyntheticSpectra.DarkSkin)];

    private static readonly (string Name, SkinSpectraSet Set)[] Sets =
    [
        ("both models (the service)", SkinSpectraSet.Default),
        ("layers only", SkinSpectraSet.Build(layers: true, diffusion: false)),
        ("diffusion only", SkinSpectraSet.Build(layers: false, diffusion: true)),
    ];

    private static readonly Lazy<List<(string Light, string SkinModel, string Set, double DeltaE00)>> Rows = new(Measure);

    [Fact]
    public void Under_tungsten_a_chart_measures_skin_from_the_other_model_within_the_goal_too()
    {
        Print();
        Assert.True(Mean("A", "diffusion", Sets[0].Name) <= 2.5, Table()); // issue 3's goal for a chart under A, on skin the test did not draw from the §6 model
    }

    [Fact]
    public void Both_models_in_the_set_do_better_on_the_worse_kind_of_skin_than_either_alone()
    {
        foreach (string light in new[] { "A", "F11" })
        {
            double Worst(string set) => Math.Max(Mean(light, "layers", set), Mean(light, "diffusion", set));
            Assert.True(Worst(Sets[0].Name) < Worst(Sets[1].Name), light + Environment.NewLine + Table());
            Assert.True(Worst(Sets[0].Name) < Worst(Sets[2].Name), light + Environment.NewLine + Table());
        }
    }

    private void Print() => output.WriteLine(Table());

    private static double Mean(string light, string skinModel, string set) =>
        Rows.Value.Where(r => r.Light == light && r.SkinModel == skinModel && r.Set == set).Average(r => r.DeltaE00);

    private static string Table()
    {
        var text = new StringBuilder("| light | skin drawn from | both models (the service) | layers only | diffusion only | chart's own fit |\n|---|---|---|---|---|---|\n");
        foreach (var (light, _) in ReferenceAccuracy.Illuminants)
        {
            foreach (string model in new[] { "layers", "diffusion" })
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {light} | {model} | {Mean(light, model, Sets[0].Name):0.00} | {Mean(light, model, Sets[1].Name):0.00} | {Mean(light, model, Sets[2].Name):0.00} | {Mean(light, model, "chart"):0.00} |"));
            }
        }

        return text.ToString();
    }

    private static List<(string, string, string, double)> Measure()
    {
        var rows = new List<(string, string, string, double)>();
        int seed = 500;
        foreach (var (light, spd) in ReferenceAccuracy.Illuminants)
        {
            foreach (var (name, skin) in LayerScenes.Concat(DiffusionScenes))
            {
                string model = name.Split(' ')[0];
                SyntheticPhoto photo = SyntheticScene.Render(name, spd, skin, SyntheticSpectra.DarkBrownHair, seed++);
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
