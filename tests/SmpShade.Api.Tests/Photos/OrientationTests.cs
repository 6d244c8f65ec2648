using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace SmpShade.Api.Tests.Photos;

/// <summary>Regions refer to the upright image: the EXIF orientation is applied (issue 3).</summary>
public sealed class OrientationTests
{
    /// <summary>Upright 200×100: hair colour on the left 30 %, skin on the rest.</summary>
    private static Image<Rgb24> Upright()
    {
        var image = new Image<Rgb24>(200, 100, SceneImages.Skin);
        SceneImages.Fill(image, 0, 0, 60, 100, SceneImages.Hair);
        return image;
    }

    [Theory]
    [InlineData(1, RotateMode.None, FlipMode.None)]
    [InlineData(2, RotateMode.None, FlipMode.Horizontal)]
    [InlineData(3, RotateMode.Rotate180, FlipMode.None)]
    [InlineData(4, RotateMode.None, FlipMode.Vertical)]
    [InlineData(5, RotateMode.Rotate90, FlipMode.Horizontal)] // transposed: stored = the upright transposed
    [InlineData(6, RotateMode.Rotate270, FlipMode.None)]
    [InlineData(7, RotateMode.Rotate270, FlipMode.Horizontal)] // transversed
    [InlineData(8, RotateMode.Rotate90, FlipMode.None)]
    public void Regions_are_read_on_the_upright_image_whatever_the_stored_orientation(ushort orientation, RotateMode rotate, FlipMode flip)
    {
        using var stored = Upright();
        stored.Mutate(c => c.RotateFlip(rotate, flip));
        stored.Metadata.ExifProfile = new ExifProfile();
        stored.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);
        byte[] jpeg = SceneImages.Jpeg(stored);

        // Independent check that the file is what we meant: ImageSharp's own AutoOrient gives back the upright picture.
        using (var check = Image.Load<Rgb24>(jpeg))
        {
            check.Mutate(c => c.AutoOrient());
            Assert.Equal((200, 100), (check.Width, check.Height));
            Assert.True(check[10, 50].R < 100 && check[190, 50].R > 200, "AutoOrient restores hair on the left");
        }

        var result = PhotoFiles.Analyse(jpeg,
            """{"regions":{"hair":{"rect":[0.02,0.1,0.25,0.8]},"skin":{"rect":[0.4,0.1,0.55,0.8]}}}""");
        Assert.InRange(result.Hair.Lab.L, 10, 25);  // sRGB (55,40,32): L* ≈ 17.6
        Assert.InRange(result.Skin.Lab.L, 72, 82);  // sRGB (226,182,154): L* ≈ 77.3
    }
}
