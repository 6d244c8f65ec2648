using System.Globalization;
using System.Net;
using SmpShade.Api.Photos;
using SmpShade.Api.Photos.Reference;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Api.Tests.Photos.Synthetic;
using SmpShade.Colour;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Tests.Photos.Reference;

/// <summary>
/// <c>reference.camera</c>: what a chart answer returns, what a grey-card request may send back, and what is refused.
/// Accuracy is in CalibratedGreyCardTests and EndToEndAccuracyTests.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class CameraCalibrationTests(SmpShadeFactory factory)
{
    private const string CardRegions =
        "\"regions\":{\"hair\":{\"rect\":[0.125,0.06,0.75,0.38]},\"skin\":{\"rect\":[0.05,0.6,0.5,0.35]},\"reference\":{\"rect\":[0.6,0.6,0.3,0.3]}}";

    private static readonly Lazy<(CameraResponses Xyz, LinearRgb Card, LinearRgb Skin)> Tungsten = new(() =>
    {
        SyntheticPhoto chart = SyntheticScene.Render("calibration under A", Cie.A, SyntheticSpectra.MediumSkin, SyntheticSpectra.BlackHair, 11);
        var chartSampler = new PhotoSampler(chart.Jpeg);
        CameraResponses camera = ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb,
            [.. ChartGeometry.PatchSamplingQuads(chart.ChartCorners).Select(chartSampler.Mean)]).Camera!;
        SyntheticPhoto card = SyntheticScene.Render("card under A", Cie.A, SyntheticSpectra.LightSkin, SyntheticSpectra.DarkBrownHair, 12, withChart: false);
        var sampler = new PhotoSampler(card.Jpeg);
        return (camera, sampler.Mean(card.Card with { X = card.Card.X + 10, Y = card.Card.Y + 10, Width = card.Card.Width - 20, Height = card.Card.Height - 20 }),
            sampler.Mean(card.Skin));
    });

    [Fact]
    public void The_wire_form_is_normalised_to_white_and_reads_back_as_the_same_responses()
    {
        CameraResponses camera = Tungsten.Value.Xyz;
        CameraCalibration wire = CameraCalibration.From(camera);
        Assert.Equal(380, wire.StartNm);
        Assert.Equal(10, wire.StepNm);
        Assert.Equal(1, wire.Y!.Sum(), 6); // a perfect white gives Y = 1
        Assert.Null(wire.Problem());

        // Same shape as the estimate, up to the one normalising factor (rounding to 8 decimals aside).
        CameraResponses back = wire.ToResponses()!;
        double scale = 1 / camera.Channels[1].Sum();
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < VisibleGrid.Count; i++)
            {
                Assert.Equal(camera.Channels[c][i] * scale, back.Channels[c][i], tolerance: 5e-9); // half the last of 8 decimals
            }
        }
    }

    [Fact]
    public void A_calibration_does_not_depend_on_the_profile_the_card_photo_was_saved_in()
    {
        // The calibration is in XYZ, so a card photo saved as Display P3 or ProPhoto (the same light, re-expressed in
        // another profile's linear RGB) must measure the skin as the sRGB one does, within issue 3's cross-profile ΔE00 1.
        var (camera, card, skin) = Tungsten.Value;
        Lab Measure(RgbColourSpace space)
        {
            Matrix3 toSpace = space.RgbToXyzD65.Invert() * RgbColourSpace.Srgb.RgbToXyzD65;
            LinearRgb In(LinearRgb v)
            {
                var (r, g, b) = toSpace.Apply(v.R, v.G, v.B);
                return new LinearRgb(r, g, b);
            }

            ReferenceResult result = ReferenceCorrector.GreyCard(space, In(card), ReferenceCorrector.NeutralCardLab(), camera);
            Assert.Equal(SkinSpectralCorrection.Name, result.SkinModel);
            return result.ForSkin.ToXyz(In(skin)).ToLab(WhitePoint.D65);
        }

        Lab srgb = Measure(RgbColourSpace.Srgb);
        foreach (var space in new[] { RgbColourSpace.DisplayP3, RgbColourSpace.ProPhotoRgb, RgbColourSpace.Rec2020 })
        {
            double difference = DeltaE.Ciede2000(srgb, Measure(space));
            Assert.True(difference <= 1, string.Create(CultureInfo.InvariantCulture, $"{space.Name}: ΔE00 {difference:0.00} from sRGB"));
        }
    }

    [Fact]
    public void With_a_calibration_the_card_still_corrects_hair_with_its_gains_and_says_what_it_used()
    {
        var (camera, card, _) = Tungsten.Value;
        ReferenceResult alone = ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, card, ReferenceCorrector.NeutralCardLab());
        ReferenceResult calibrated = ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, card, ReferenceCorrector.NeutralCardLab(), camera);
        var probe = new LinearRgb(0.05, 0.04, 0.03);
        Assert.Equal(alone.Correction.ToXyz(probe), calibrated.Correction.ToXyz(probe));
        Assert.NotEqual(calibrated.Correction.ToXyz(probe), calibrated.ForSkin.ToXyz(probe));
        Assert.Null(alone.SkinModel);
        Assert.Empty(alone.Warnings);
        Assert.Contains(calibrated.Warnings, w => w.Code == ReferenceCorrector.CalibrationUsedCode);
    }

    [Fact]
    public async Task A_chart_answer_carries_the_camera_and_other_answers_do_not()
    {
        using HttpClient client = factory.CreateClient();
        SyntheticPhoto chart = SyntheticScene.Render("chart", Cie.D65, SyntheticSpectra.MediumSkin, SyntheticSpectra.BlackHair, 13);
        string corners = string.Join(",", chart.ChartCorners.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"[{c.X / chart.Width},{c.Y / chart.Height}]")));
        using var chartForm = PhotoFiles.Form(chart.Jpeg, "{\"reference\":{\"type\":\"colorChecker24\",\"corners\":[" + corners + "]}}");
        using HttpResponseMessage chartResponse = await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), chartForm);
        Assert.Equal(HttpStatusCode.OK, chartResponse.StatusCode);
        var camera = PhotoFiles.Json(await chartResponse.Content.ReadAsStringAsync()).GetProperty("reference").GetProperty("camera");
        Assert.Equal(380, camera.GetProperty("startNm").GetDouble());
        Assert.Equal(10, camera.GetProperty("stepNm").GetDouble());
        foreach (string channel in new[] { "x", "y", "z" })
        {
            Assert.Equal(VisibleGrid.Count, camera.GetProperty(channel).GetArrayLength());
        }

        using var plainForm = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), "{" + CardRegions + ",\"reference\":{\"type\":\"greyCard\"}}");
        using HttpResponseMessage plain = await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), plainForm);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            PhotoFiles.Json(await plain.Content.ReadAsStringAsync()).GetProperty("reference").GetProperty("camera").ValueKind);
    }

    public static TheoryData<string, string> Refused => new()
    {
        // With a chart (it calibrates itself) or no reference: refused, not ignored.
        { "{\"reference\":{\"type\":\"colorChecker24\",\"corners\":[[0.1,0.1],[0.9,0.1],[0.9,0.9],[0.1,0.9]],\"camera\":" + Camera() + "}}", "reference.camera_invalid" },
        { "{\"reference\":{\"type\":\"none\",\"camera\":" + Camera() + "}}", "reference.camera_invalid" },
        { Card(Camera(startNm: 400)), "reference.camera_invalid" },
        { Card(Camera(stepNm: 5)), "reference.camera_invalid" },
        { Card(Camera(count: 35)), "reference.camera_invalid" },
        { Card(Camera(y: 0)), "reference.camera_invalid" },
        { Card(Camera(x: 1e6)), "reference.camera_invalid" },
        { Card("""{"startNm":380,"stepNm":10,"x":[],"y":[]}"""), "reference.camera_invalid" },
        { Card(Camera().Replace("\"z\":[", "\"z\":[\"NaN\",", StringComparison.Ordinal)), "options.invalid" },
        { Card(Camera()[..^1] + ",\"gain\":2}"), "options.invalid" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_malformed_camera_is_refused_with_a_stable_code(string options, string code)
    {
        using HttpClient client = factory.CreateClient();
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), options);
        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_well_formed_camera_that_cannot_see_the_card_is_unprocessable()
    {
        // Z negative everywhere: the sRGB blue channel it predicts for the card is negative, so no positive gain exists.
        using HttpClient client = factory.CreateClient();
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), Card(Camera(x: 0, z: -0.05)));
        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "reference.camera_unusable");
    }

    private static string Card(string camera) => "{" + CardRegions + ",\"reference\":{\"type\":\"greyCard\",\"camera\":" + camera + "}}";

    private static string Camera(double startNm = 380, double stepNm = 10, int count = 36, double x = 0.03, double y = 1.0 / 36, double z = 0.03)
    {
        string Values(double v) => string.Join(",", Enumerable.Repeat(v.ToString("R", CultureInfo.InvariantCulture), count));
        return string.Create(CultureInfo.InvariantCulture, $"{{\"startNm\":{startNm},\"stepNm\":{stepNm},\"x\":[{Values(x)}],\"y\":[{Values(y)}],\"z\":[{Values(z)}]}}");
    }
}
