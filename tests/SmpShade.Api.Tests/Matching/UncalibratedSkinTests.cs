using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Api.Tests.Photos;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Matching;

/// <summary>
/// A skin the model cannot fit is explained by how it was measured (issue 13): without a reference the camera's own
/// rendering is the usual cause (skin.uncalibrated_colour, with the remedy); with a grey card or a chart, or unsaid,
/// skin.poor_fit as before.
/// </summary>
[Collection(MatchingApi.Name)]
public sealed class UncalibratedSkinTests(MatchingFactory factory, ITestOutputHelper output)
{
    private readonly HttpClient client = factory.CreateClient();

    // C*ab 30 at hue 53°: more chroma than any of NIST's 50 measured skins (14.4–25.7), as an ordinary phone portrait reads.
    private static readonly object VividSkin = new { l = 60.0, a = 18.0, b = 24.0 };
    private static readonly object Hair = new { l = 30.0, a = 3.0, b = 6.0 };

    [Theory]
    [InlineData("none", "skin.uncalibrated_colour", "skin.poor_fit")]
    [InlineData("greyCard", "skin.poor_fit", "skin.uncalibrated_colour")]
    [InlineData("colorChecker24", "skin.poor_fit", "skin.uncalibrated_colour")]
    [InlineData(null, "skin.poor_fit", "skin.uncalibrated_colour")]
    public async Task A_skin_no_model_fits_is_explained_by_how_it_was_measured(string? reference, string expected, string absent)
    {
        using var doc = await OkAsync(await client.PostAsJsonAsync("/api/v1/matches", new { skinLab = VividSkin, hairLab = Hair, skinReference = reference }));
        Assert.True(doc.RootElement.GetProperty("skinFit").GetProperty("deltaE00").GetDouble() > 3);
        var warnings = doc.RootElement.GetProperty("warnings").EnumerateArray().ToList();
        var warning = Assert.Single(warnings, w => w.GetProperty("code").GetString() == expected);
        Assert.DoesNotContain(warnings, w => w.GetProperty("code").GetString() == absent);
        string message = warning.GetProperty("message").GetString()!;
        if (expected == "skin.uncalibrated_colour")
        {
            Assert.Contains("C*ab 30", message, StringComparison.Ordinal);
            Assert.Contains("grey card or a ColorChecker", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_skin_the_model_fits_gets_neither_warning_whatever_the_reference()
    {
        using var doc = await OkAsync(await client.PostAsJsonAsync("/api/v1/matches",
            new { skinLab = new { l = 62.0, a = 9.0, b = 17.0 }, hairLab = Hair, skinReference = "none" }));
        Assert.DoesNotContain(doc.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString()!.StartsWith("skin.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sunlight")]
    [InlineData("None")] // the values are the analysis answer's reference.type, spelt exactly
    [InlineData("")]
    public async Task An_unknown_skin_reference_is_a_400_naming_the_field(string value)
    {
        var response = await client.PostAsJsonAsync("/api/v1/matches", new { skinLab = VividSkin, hairLab = Hair, skinReference = value });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "match.skin_reference_invalid");
    }

    /// <summary>
    /// The real case: an ordinary portrait with no card or chart, sent as a photo match with no regions. The skin the camera
    /// rendered is fitted poorly, and the answer says why (the photo's own reference type, none, is used).
    /// </summary>
    [Theory]
    [InlineData("portrait-short-hair-dark-skin_sRGB.jpg")]
    [InlineData("short-black-hair-dark-skin-man-speaking_face-recognition-obama2.jpg")]
    [InlineData("short-brown-hair-light-skin-man_ibm-max-facerec-chris.jpg")]
    public async Task An_ordinary_portrait_without_a_reference_says_the_camera_coloured_the_skin(string file)
    {
        using var form = PhotoFiles.Form(PhotoFiles.Real(file), null, file);
        using var doc = await OkAsync(await client.PostAsync("/api/v1/matches", form));
        var root = doc.RootElement;
        var skin = root.GetProperty("analysis").GetProperty("skin").GetProperty("lch");
        double fit = root.GetProperty("skinFit").GetProperty("deltaE00").GetDouble();
        var codes = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList();
        output.WriteLine($"{file}: skin C* {skin.GetProperty("c").GetDouble():F1}, fit ΔE00 {fit:F2}; warnings {string.Join(", ", codes)}");
        Assert.Equal("none", root.GetProperty("analysis").GetProperty("reference").GetProperty("type").GetString());
        Assert.True(fit > 3, $"fit {fit:F2}: this portrait no longer shows the case");
        Assert.Contains("skin.uncalibrated_colour", codes);
        Assert.DoesNotContain("skin.poor_fit", codes);
    }

    private static async Task<JsonDocument> OkAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
