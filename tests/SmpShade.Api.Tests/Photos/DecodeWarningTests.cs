using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace SmpShade.Api.Tests.Photos;

/// <summary>Files that decode but do not show what was photographed are measured with a warning saying so (issue 15).</summary>
public sealed class DecodeWarningTests
{
    private const string Regions = """{"regions":{"hair":{"rect":[0.02,0.1,0.25,0.8]},"skin":{"rect":[0.4,0.1,0.55,0.8]}}}""";

    [Fact]
    public void A_fully_transparent_png_is_measured_with_the_transparent_warning()
    {
        // The colours under the transparency are a plausible scene (a layer hidden in an editor, say): before, they were
        // measured as if photographed, with no warning. (An all-black one is refused anyway as under-exposed.)
        using var image = new Image<Rgba32>(200, 100, new Rgba32(226, 182, 154, 0));
        for (int y = 0; y < 100; y++)
        {
            for (int x = 0; x < 60; x++)
            {
                image[x, y] = new Rgba32(55, 40, 32, 0);
            }
        }

        var result = PhotoFiles.Analyse(Png(image, PngColorType.RgbWithAlpha), Regions);
        var warning = Assert.Single(result.Warnings, w => w.Code == "image.transparent");
        Assert.Contains("fully transparent", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partly_transparent_png_names_the_transparent_share()
    {
        // The left 60 of 200 columns transparent: 30 %.
        using var image = new Image<Rgba32>(200, 100, new Rgba32(226, 182, 154, 255));
        for (int y = 0; y < 100; y++)
        {
            for (int x = 0; x < 60; x++)
            {
                image[x, y] = new Rgba32(55, 40, 32, 0);
            }
        }

        var result = PhotoFiles.Analyse(Png(image, PngColorType.RgbWithAlpha), Regions);
        var warning = Assert.Single(result.Warnings, w => w.Code == "image.transparent");
        Assert.StartsWith("30 % of the photo is transparent (30 % fully)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opaque_png_with_an_alpha_channel_has_no_transparent_warning()
    {
        using var image = new Image<Rgba32>(200, 100, new Rgba32(226, 182, 154, 255));
        var result = PhotoFiles.Analyse(Png(image, PngColorType.RgbWithAlpha), Regions);
        Assert.DoesNotContain(result.Warnings, w => w.Code == "image.transparent");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(65535)]
    public void An_exif_orientation_outside_1_to_8_is_read_as_stored_with_a_warning(ushort orientation)
    {
        using var image = new Image<Rgb24>(200, 100, SceneImages.Skin);
        SceneImages.Fill(image, 0, 0, 60, 100, SceneImages.Hair);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);
        var result = PhotoFiles.Analyse(SceneImages.Jpeg(image), Regions);

        var warning = Assert.Single(result.Warnings, w => w.Code == "image.orientation_invalid");
        Assert.Contains($"orientation is {orientation}", warning.Message, StringComparison.Ordinal);
        Assert.InRange(result.Hair.Lab.L, 10, 25); // read as stored: hair still on the left (sRGB (55,40,32): L* ≈ 17.6)
    }

    [Fact]
    public void A_defined_orientation_has_no_orientation_warning()
    {
        using var image = new Image<Rgb24>(200, 100, SceneImages.Skin);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)1);
        Assert.DoesNotContain(PhotoFiles.Analyse(SceneImages.Jpeg(image), Regions).Warnings, w => w.Code == "image.orientation_invalid");
    }

    private static byte[] Png(Image<Rgba32> image, PngColorType type)
    {
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, new PngEncoder { ColorType = type, BitDepth = PngBitDepth.Bit8 });
        return stream.ToArray();
    }
}
