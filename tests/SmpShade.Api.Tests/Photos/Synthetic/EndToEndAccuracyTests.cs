using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SmpShade.Api.Photos.Reference;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Colour;
using SmpShade.Colour.Spectra;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos.Synthetic;

/// <summary>
/// The synthetic photos through the real service: <c>POST /api/v1/analyses</c> (multipart, the options as JSON) with
/// hair, skin and reference regions in normalised coordinates, so decoding, profile, sampling (clipping, skin trim,
/// hair k-means) and the reference correction are all in the loop. Prints the docs/accuracy.md table:
/// <c>dotnet test tests/SmpShade.Api.Tests --filter EndToEndAccuracyTests --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class EndToEndAccuracyTests(SmpShadeFactory factory, ITestOutputHelper output)
{
    [Fact]
    public async Task The_service_measures_synthetic_photos_and_a_reference_always_beats_none()
    {
        using HttpClient client = factory.CreateClient();
        var rows = new List<AccuracyRow>();
        int seed = 101;
        foreach (var (illuminantName, spd) in ReferenceAccuracy.Illuminants)
        {
            foreach (var (sceneName, skin, hair) in ReferenceAccuracy.Scenes)
            {
                SyntheticPhoto photo = SyntheticScene.Render($"{sceneName} under {illuminantName}", spd, skin, hair, seed++);
                foreach (string type in ReferenceAccuracy.ReferenceTypes)
                {
                    using JsonDocument answer = await AnalyseAsync(client, photo, type);
                    JsonElement root = answer.RootElement;
                    Assert.Equal(type, root.GetProperty("reference").GetProperty("type").GetString());
                    string[] warnings = [.. root.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()!)];
                    Assert.Equal(type == "none", warnings.Contains(ReferenceCorrector.NoneCode));
                    Assert.Equal(type == "colorChecker24" ? "skinSpectra" : null,
                        root.GetProperty("reference").TryGetProperty("skinModel", out JsonElement skinModel) ? skinModel.GetString() : null);
                    rows.Add(new AccuracyRow(type, illuminantName, sceneName,
                        DeltaE.Ciede2000(photo.SkinTruth, LabOf(root.GetProperty("skin"))),
                        DeltaE.Ciede2000(photo.HairTruth, LabOf(root.GetProperty("hair"))),
                        new ReferenceResult(type, ReferenceCorrector.None(RgbColourSpace.Srgb).Correction,
                            root.GetProperty("reference").TryGetProperty("model", out JsonElement model) ? model.GetString() : null,
                            Nullable(root.GetProperty("reference"), "looMeanDeltaE00"), Nullable(root.GetProperty("reference"), "looMaxDeltaE00"), [])));
                }
            }
        }

        output.WriteLine(ReferenceAccuracy.Table(rows));
        foreach (var illuminant in ReferenceAccuracy.Illuminants.Select(i => i.Name))
        {
            double Mean(string type) => rows.Where(r => r.Reference == type && r.Illuminant == illuminant).Average(r => r.SkinDeltaE00);
            Assert.True(Mean("colorChecker24") < Mean("none"), ReferenceAccuracy.Table(rows));
            Assert.True(Mean("greyCard") < Mean("none"), ReferenceAccuracy.Table(rows));
        }

        // Issue 3's chart goals, through the service (the grey card's under A is not met: ReferenceAccuracyTests).
        double ChartSkin(string illuminant) => rows.Where(r => r.Reference == "colorChecker24" && r.Illuminant == illuminant).Average(r => r.SkinDeltaE00);
        Assert.True(ChartSkin("D65") <= 1.5, ReferenceAccuracy.Table(rows));
        Assert.True(ChartSkin("A") <= 2.5, ReferenceAccuracy.Table(rows));
    }

    [Fact]
    public async Task A_grey_card_sent_with_a_chart_answers_camera_measures_skin_under_tungsten_within_3()
    {
        // The calibrate-once workflow through the service: a chart photo's answer carries reference.camera; later photos
        // with only a grey card, same phone, same light, send it back unchanged.
        using HttpClient client = factory.CreateClient();
        (string Name, Spectrum Spd) tungsten = ReferenceAccuracy.Illuminants.Single(i => i.Name == "A");
        SyntheticPhoto chartPhoto = SyntheticScene.Render("calibration under A", tungsten.Spd, SyntheticSpectra.MediumSkin, SyntheticSpectra.BlackHair, 950);
        using JsonDocument chartAnswer = await AnalyseAsync(client, chartPhoto, "colorChecker24");
        JsonElement camera = chartAnswer.RootElement.GetProperty("reference").GetProperty("camera");
        Assert.Equal(36, camera.GetProperty("y").GetArrayLength());

        var calibrated = new List<double>();
        var alone = new List<double>();
        int seed = 960;
        foreach (var (sceneName, skin, hair) in ReferenceAccuracy.Scenes)
        {
            SyntheticPhoto photo = SyntheticScene.Render($"{sceneName} under A, card only", tungsten.Spd, skin, hair, seed++, withChart: false);
            using JsonDocument withCamera = await AnalyseAsync(client, photo, "greyCard", camera.GetRawText());
            JsonElement root = withCamera.RootElement;
            Assert.Equal("skinSpectra", root.GetProperty("reference").GetProperty("skinModel").GetString());
            Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == ReferenceCorrector.CalibrationUsedCode);
            calibrated.Add(DeltaE.Ciede2000(photo.SkinTruth, LabOf(root.GetProperty("skin"))));
            using JsonDocument cardOnly = await AnalyseAsync(client, photo, "greyCard");
            Assert.Equal(JsonValueKind.Null, cardOnly.RootElement.GetProperty("reference").GetProperty("skinModel").ValueKind);
            alone.Add(DeltaE.Ciede2000(photo.SkinTruth, LabOf(cardOnly.RootElement.GetProperty("skin"))));
        }

        string figures = string.Create(CultureInfo.InvariantCulture,
            $"grey card under A, skin mean ΔE00: with the chart's camera {calibrated.Average():0.00} (max {calibrated.Max():0.00}); card alone {alone.Average():0.00} (max {alone.Max():0.00})");
        output.WriteLine(figures);
        Assert.True(calibrated.Average() <= 3.0, figures); // issue 3's grey-card goal under A, with a chart calibration
        Assert.True(calibrated.Average() < alone.Average(), figures);
    }

    /// <summary>Analyses <paramref name="photo"/> with its regions and a reference of <paramref name="type"/>; asserts 200.</summary>
    internal static async Task<JsonDocument> AnalyseAsync(HttpClient client, SyntheticPhoto photo, string type, string? camera = null)
    {
        using var form = new MultipartFormDataContent();
        using var image = new ByteArrayContent(photo.Jpeg);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(image, "photo", "synthetic.jpg");
        using var options = new StringContent(Options(photo, type, camera));
        options.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(options, "options");
        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{photo.Name}, {type}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private static string Options(SyntheticPhoto photo, string type, string? camera)
    {
        string Rect(PixelRect r) => string.Create(CultureInfo.InvariantCulture,
            $"{{\"rect\": [{(double)r.X / photo.Width}, {(double)r.Y / photo.Height}, {(double)r.Width / photo.Width}, {(double)r.Height / photo.Height}]}}");
        PixelRect card = photo.Card with { X = photo.Card.X + 10, Y = photo.Card.Y + 10, Width = photo.Card.Width - 20, Height = photo.Card.Height - 20 };
        string corners = string.Join(", ", photo.ChartCorners.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"[{c.X / photo.Width}, {c.Y / photo.Height}]")));
        string reference = type switch
        {
            "colorChecker24" => $"{{\"type\": \"colorChecker24\", \"corners\": [{corners}]}}",
            "greyCard" => "{\"type\": \"greyCard\", \"reflectance\": 0.18" + (camera is null ? "}" : $", \"camera\": {camera}}}"),
            _ => "{\"type\": \"none\"}",
        };
        return $"{{\"regions\": {{\"hair\": {Rect(photo.Hair)}, \"skin\": {Rect(photo.Skin)}, \"reference\": {Rect(card)}}}, \"reference\": {reference}}}";
    }

    private static Lab LabOf(JsonElement colour)
    {
        JsonElement lab = colour.GetProperty("lab");
        return new Lab(lab.GetProperty("l").GetDouble(), lab.GetProperty("a").GetDouble(), lab.GetProperty("b").GetDouble());
    }

    private static double? Nullable(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
