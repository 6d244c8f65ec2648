using System.Globalization;
using System.Text;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos.Synthetic;

/// <summary>
/// A grey card with an earlier chart's calibration (<c>reference.camera</c>): one photo of a ColorChecker with the phone
/// under the room's light gives the camera's responses; later photos with only a grey card, of other clients, under the
/// same light, are balanced on the card per channel and their skin put through the skin-spectra correction. The card
/// photos have no chart in them, so the phone's gray-world white balance differs from the calibration photo's, as it
/// does from frame to frame. Skin is drawn from both optical models (the retired Kubelka–Munk layers and the
/// diffusion model, neither of which the service's set contains). Prints the docs/accuracy.md table:
/// <c>dotnet test tests/SmpShade.Api.Tests --filter CalibratedGreyCardTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class CalibratedGreyCardTests(ITestOutputHelper output)
{
    private sealed record Row(string Light, string Scene, string SkinModel, string Method, double DeltaE00);

    private const string Bradford = "card alone (Bradford)", Calibrated = "card + chart calibration, same light",
        WrongLight = "card + chart calibration from D65";

    private static readonly Lazy<List<Row>> Rows = new(Measure);

    [Fact]
    public void Prints_the_table()
    {
        output.WriteLine(Table());
        Assert.Equal(ReferenceAccuracy.Illuminants.Count * Scenes().Count() * 3 - Scenes().Count(), Rows.Value.Count);
    }

    [Fact]
    public void With_a_chart_calibration_a_grey_card_measures_skin_under_tungsten_within_3()
    {
        // Issue 3's grey-card goal under A, met when the card comes with an earlier chart photo's calibration (the card
        // alone misses it: ReferenceAccuracyTests), on skin from both optical models.
        Assert.True(Mean("A", "kubelka-munk", Calibrated) <= 3.0, Table());
        Assert.True(Mean("A", "diffusion", Calibrated) <= 3.0, Table());
    }

    [Theory]
    [InlineData("D65")]
    [InlineData("A")]
    [InlineData("F11")]
    public void The_calibration_measures_skin_better_than_the_card_alone(string light)
    {
        foreach (string model in new[] { "kubelka-munk", "diffusion" })
        {
            Assert.True(Mean(light, model, Calibrated) < Mean(light, model, Bradford), $"{light}, {model}{Environment.NewLine}{Table()}");
        }
    }

    [Theory]
    [InlineData("A")]
    [InlineData("F11")]
    public void A_calibration_holds_for_the_light_it_was_made_under(string light)
    {
        // Why docs/accuracy.md says "same phone, same light": the same card photos with a daylight chart's calibration. The
        // card cannot tell (a phone's white balance hides the light), so the service cannot warn; the client keeps
        // one calibration per room.
        foreach (string model in new[] { "kubelka-munk", "diffusion" })
        {
            Assert.True(Mean(light, model, Calibrated) < Mean(light, model, WrongLight), $"{light}, {model}{Environment.NewLine}{Table()}");
        }
    }

    private static IEnumerable<(string Name, string Model, double[] Skin, double[] Hair)> Scenes() =>
        ReferenceAccuracy.Scenes.Select(s => (s.Name, "kubelka-munk", s.Skin, s.Hair))
            .Concat(SkinCorrectionRobustnessTests.DiffusionScenes.Select(s => (s.Name, "diffusion", s.Skin, SyntheticSpectra.DarkBrownHair)));

    private static double Mean(string light, string model, string method) =>
        Rows.Value.Where(r => r.Light == light && r.SkinModel == model && r.Method == method).Average(r => r.DeltaE00);

    private static string Table()
    {
        var text = new StringBuilder($"| light | skin drawn from | {Bradford} | {Calibrated} | {WrongLight} |\n|---|---|---|---|---|\n");
        foreach (var (light, _) in ReferenceAccuracy.Illuminants)
        {
            foreach (string model in new[] { "kubelka-munk", "diffusion" })
            {
                var rows = Rows.Value.Where(r => r.Light == light && r.SkinModel == model).ToList();
                string Cell(string method) => rows.Any(r => r.Method == method)
                    ? string.Create(CultureInfo.InvariantCulture, $"{rows.Where(r => r.Method == method).Average(r => r.DeltaE00):0.00} (max {rows.Where(r => r.Method == method).Max(r => r.DeltaE00):0.00})")
                    : "–";
                text.AppendLine($"| {light} | {model} | {Cell(Bradford)} | {Cell(Calibrated)} | {Cell(WrongLight)} |");
            }
        }

        return text.ToString();
    }

    private static List<Row> Measure()
    {
        // One calibration photo per light: a chart beside a client not among the card photos' scenes.
        var calibrations = ReferenceAccuracy.Illuminants.ToDictionary(i => i.Name, i =>
        {
            SyntheticPhoto photo = SyntheticScene.Render($"calibration under {i.Name}", i.Spd, SyntheticSpectra.MediumSkin, SyntheticSpectra.BlackHair, 900);
            var sampler = new PhotoSampler(photo.Jpeg);
            ReferenceResult chart = ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb,
                [.. ChartGeometry.PatchSamplingQuads(photo.ChartCorners).Select(sampler.Mean)]);
            return chart.Camera!;
        });

        var rows = new List<Row>();
        int seed = 700;
        foreach (var (light, spd) in ReferenceAccuracy.Illuminants)
        {
            foreach (var (name, model, skin, hair) in Scenes())
            {
                SyntheticPhoto photo = SyntheticScene.Render($"{name} under {light}, card only", spd, skin, hair, seed++, withChart: false);
                var sampler = new PhotoSampler(photo.Jpeg);
                LinearRgb skinMean = sampler.Mean(photo.Skin);
                LinearRgb card = sampler.Mean(photo.Card with { X = photo.Card.X + 10, Y = photo.Card.Y + 10, Width = photo.Card.Width - 20, Height = photo.Card.Height - 20 });
                Lab cardLab = ReferenceCorrector.NeutralCardLab();
                double Error(CameraResponses? calibration) => DeltaE.Ciede2000(photo.SkinTruth,
                    ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, card, cardLab, calibration).ForSkin.ToXyz(skinMean).ToLab(WhitePoint.D65));
                rows.Add(new Row(light, name, model, Bradford, Error(null)));
                rows.Add(new Row(light, name, model, Calibrated, Error(calibrations[light])));
                if (light != "D65")
                {
                    rows.Add(new Row(light, name, model, WrongLight, Error(calibrations["D65"])));
                }
            }
        }

        return rows;
    }
}
