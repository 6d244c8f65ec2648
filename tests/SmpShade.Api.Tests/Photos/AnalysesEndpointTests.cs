using System.Net;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Photos;

[Collection(SharedApi.Name)]
public sealed class AnalysesEndpointTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Analysis_answers_hair_and_skin_in_Lab_with_the_documented_shape()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_DisplayP3_8.jpg"), PhotoFiles.SceneRegions);
        var response = await client.PostAsync("/api/v1/analyses", form);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var root = PhotoFiles.Json(body);

        Assert.Equal("D65", root.GetProperty("illuminant").GetString());
        Assert.Equal("2°", root.GetProperty("observer").GetString());
        foreach (string part in new[] { "hair", "skin" })
        {
            var colour = root.GetProperty(part);
            foreach (string field in new[] { "lab", "sd", "standardError" })
            {
                Assert.True(colour.GetProperty(field).GetProperty("l").ValueKind == JsonValueKind.Number, $"{part}.{field}.l");
                Assert.True(colour.GetProperty(field).GetProperty("a").ValueKind == JsonValueKind.Number);
                Assert.True(colour.GetProperty(field).GetProperty("b").ValueKind == JsonValueKind.Number);
            }

            Assert.Matches("^#[0-9a-f]{6}$", colour.GetProperty("hex").GetString());
            Assert.True(colour.GetProperty("pixels").GetInt32() > 100);
            Assert.True(colour.GetProperty("lch").GetProperty("c").GetDouble() >= 0);
            Assert.Equal(JsonValueKind.True, colour.GetProperty("inGamut").ValueKind);
        }

        var skin = root.GetProperty("skin");
        // sRGB (226,182,154): ITA° = atan2(L* − 50, b*) with L* 77.3, b* 20.3 (the scene's skin) ≈ 53° → "light" (Del Bino 41–55).
        Assert.InRange(skin.GetProperty("ita").GetDouble(), 50, 56);
        Assert.Equal("light", skin.GetProperty("itaCategory").GetString());
        Assert.InRange(skin.GetProperty("monk").GetProperty("number").GetInt32(), 1, 10);
        Assert.Equal("none", root.GetProperty("reference").GetProperty("type").GetString());
        Assert.Equal("DisplayP3 color profile", root.GetProperty("profile").GetProperty("name").GetString());
        Assert.False(root.GetProperty("profile").GetProperty("assumed").GetBoolean());
        Assert.False(root.GetProperty("regions").GetProperty("guessed").GetBoolean());
        Assert.Equal(0.125, root.GetProperty("regions").GetProperty("hair").GetProperty("rect")[0].GetDouble());
        var codes = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList();
        Assert.Equal(["reference.none"], codes);
        Assert.All(root.GetProperty("warnings").EnumerateArray(), w => Assert.False(string.IsNullOrWhiteSpace(w.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Analysis_without_regions_guesses_them_says_so_and_returns_them()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"));
        var response = await client.PostAsync("/api/v1/analyses", form);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var root = PhotoFiles.Json(body);

        Assert.True(root.GetProperty("regions").GetProperty("guessed").GetBoolean());
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "regions.guessed");
        // The guessed regions must land on the scene's hair band (y 12–111 of 256) and on plain skin.
        var hair = root.GetProperty("regions").GetProperty("hair").GetProperty("rect").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var skinRect = root.GetProperty("regions").GetProperty("skin").GetProperty("rect").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.True(hair[1] + hair[3] <= 112 / 256.0 + 1e-9, $"hair rect {string.Join(',', hair)} should lie in the strand band");
        var expectedSkin = RgbColourSpace.Srgb.ToLab(226 / 255.0, 182 / 255.0, 154 / 255.0);
        var skin = root.GetProperty("skin").GetProperty("lab");
        var measured = new Lab(skin.GetProperty("l").GetDouble(), skin.GetProperty("a").GetDouble(), skin.GetProperty("b").GetDouble());
        Assert.True(DeltaE.Ciede2000(measured, expectedSkin) < 1.5, $"guessed skin {measured} vs {expectedSkin}; skin rect {string.Join(',', skinRect)}");
        Assert.True(root.GetProperty("hair").GetProperty("lab").GetProperty("l").GetDouble() < 40);
    }

    [Fact]
    public async Task A_png_without_a_profile_is_read_as_sRGB_with_a_warning()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene.png"), PhotoFiles.SceneRegions, "scene.png");
        var response = await client.PostAsync("/api/v1/analyses", form);
        var root = PhotoFiles.Json(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(root.GetProperty("profile").GetProperty("assumed").GetBoolean());
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "profile.assumed_srgb");
    }

    [Theory]
    [InlineData("scene.webp")]
    [InlineData("scene.tif")]
    public async Task WebP_and_TIFF_photos_are_accepted(string file)
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated(file), PhotoFiles.SceneRegions, file);
        var response = await client.PostAsync("/api/v1/analyses", form);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var expectedSkin = RgbColourSpace.Srgb.ToLab(226 / 255.0, 182 / 255.0, 154 / 255.0);
        var skin = PhotoFiles.Json(body).GetProperty("skin").GetProperty("lab");
        var measured = new Lab(skin.GetProperty("l").GetDouble(), skin.GetProperty("a").GetDouble(), skin.GetProperty("b").GetDouble());
        Assert.True(DeltaE.Ciede2000(measured, expectedSkin) < 1, $"{file}: skin {measured} vs {expectedSkin}");
    }
}
