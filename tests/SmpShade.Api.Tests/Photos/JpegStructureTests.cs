using System.Net;
using SmpShade.Api.Photos;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Photos;

/// <summary>
/// Is a JPEG's primary image complete? Decided from its own segments and scans (ITU T.81 Annex B), so that data phones
/// append after it (an MPF second image, a motion photo's video) neither hides a truncation nor fakes one.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class JpegStructureTests(SmpShadeFactory factory)
{
    public static TheoryData<string> Jpegs => new()
    {
        "scene_sRGB_8.jpg", "scene_DisplayP3_8.jpg", "scene_noprofile_8.jpg", "dark-skin_8.jpg",
        "scene_sRGB_progressive_8.jpg", // 10 scans with tables between them
        "scene_sRGB_restart_8.jpg", // restart markers inside the scan
    };

    [Theory]
    [MemberData(nameof(Jpegs))]
    public void Complete_jpegs_are_complete_and_every_cut_of_them_is_not(string name)
    {
        byte[] bytes = PhotoFiles.Generated(name);
        Assert.True(JpegStructure.PrimaryImageIsComplete(bytes));
        // Every cut short of the last two bytes (the EOI marker itself) loses the end.
        for (int length = 0; length < bytes.Length - 1; length += Math.Max(1, bytes.Length / 97))
        {
            Assert.False(JpegStructure.PrimaryImageIsComplete(bytes.AsSpan(0, length)), $"{name} cut at {length} of {bytes.Length}");
        }

        Assert.False(JpegStructure.PrimaryImageIsComplete(bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void The_real_portraits_are_complete()
    {
        foreach (string path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Images", "Real"), "*.jpg"))
        {
            Assert.True(JpegStructure.PrimaryImageIsComplete(File.ReadAllBytes(path)), path);
        }
    }

    [Fact]
    public void A_cut_image_followed_by_a_whole_one_is_not_complete()
    {
        // The old check looked for an end marker after the last scan anywhere in the file, which the second image has.
        byte[] whole = PhotoFiles.Generated("scene_sRGB_8.jpg");
        byte[] joined = [.. whole.AsSpan(0, whole.Length / 2), .. whole];
        Assert.False(JpegStructure.PrimaryImageIsComplete(joined));
    }

    [Fact]
    public void Non_jpeg_starts_are_not_complete()
    {
        Assert.False(JpegStructure.PrimaryImageIsComplete([]));
        Assert.False(JpegStructure.PrimaryImageIsComplete([0xFF, 0xD8]));
        Assert.False(JpegStructure.PrimaryImageIsComplete(PhotoFiles.Generated("scene.png")));
        // A segment length that runs past the end.
        Assert.False(JpegStructure.PrimaryImageIsComplete([0xFF, 0xD8, 0xFF, 0xE0, 0x7F, 0xFF, 0x00, 0x00]));
    }

    [Fact]
    public async Task A_photo_with_data_appended_after_its_end_is_measured()
    {
        // What a motion photo looks like: the JPEG, then a video whose bytes hold a start-of-scan-like pair and no end
        // marker. The old check took that for a cut-off scan and refused the photo.
        byte[] photo = PhotoFiles.Generated("scene_sRGB_8.jpg");
        byte[] trailer = [.. "\0\0\0\x18ftypmp42"u8, 0xFF, 0xDA, 0x00, 0x0C, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 37 % 251))];
        Assert.DoesNotContain(Enumerable.Range(0, trailer.Length - 1), i => trailer[i] == 0xFF && trailer[i + 1] == 0xD9);
        using var form = PhotoFiles.Form([.. photo, .. trailer], PhotoFiles.SceneRegions);
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("scene_sRGB_progressive_8.jpg")]
    [InlineData("scene_sRGB_restart_8.jpg")]
    public async Task Progressive_and_restart_jpegs_are_measured_like_the_baseline(string name)
    {
        using HttpClient client = factory.CreateClient();
        using var form = PhotoFiles.Form(PhotoFiles.Generated(name), PhotoFiles.SceneRegions);
        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var variant = PhotoFiles.Json(await response.Content.ReadAsStringAsync()).GetProperty("skin").GetProperty("lab");
        var baseline = PhotoFiles.Analyse(PhotoFiles.Generated("scene_sRGB_8.jpg")).Skin.Lab;
        // The restart file is the same coefficients (jpegtran is lossless); the progressive one is re-encoded at 95.
        Assert.True(SmpShade.Colour.DeltaE.Ciede2000(baseline.ToLab(), new SmpShade.Colour.Lab(
            variant.GetProperty("l").GetDouble(), variant.GetProperty("a").GetDouble(), variant.GetProperty("b").GetDouble())) < 1);
    }
}
