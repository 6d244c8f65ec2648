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

    /// <summary>
    /// A browser shows the photo the regions are drawn on; CSS Images 3 has orientation metadata after the image data ignored.
    /// A WebP's EXIF chunk always follows its image data, and Chromium shows a WebP with EXIF orientation 6 as stored
    /// (checked with a headless screenshot), so the service reads it as stored too; before, it turned it, and regions
    /// drawn on the page measured other pixels. A PNG's <c>eXIf</c> before <c>IDAT</c> is applied (Chromium does), one
    /// moved after the image data is not.
    /// </summary>
    [Theory]
    [InlineData("webp", false, false)]
    [InlineData("png", true, true)]
    [InlineData("png", false, false)]
    public void Regions_are_read_on_the_photo_as_a_browser_shows_it(string format, bool exifFirst, bool turned)
    {
        using var stored = Upright();
        stored.Mutate(c => c.Rotate(RotateMode.Rotate270)); // as an EXIF 6 photo is stored
        stored.Metadata.ExifProfile = new ExifProfile();
        stored.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        using var stream = new MemoryStream();
        if (format == "webp")
        {
            stored.SaveAsWebp(stream, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { FileFormat = SixLabors.ImageSharp.Formats.Webp.WebpFileFormatType.Lossless });
        }
        else
        {
            stored.SaveAsPng(stream);
        }

        byte[] photo = exifFirst || format != "png" ? stream.ToArray() : ExifAfterImageData(stream.ToArray());
        Assert.Contains(format == "png" ? "eXIf" : "EXIF", System.Text.Encoding.Latin1.GetString(photo), StringComparison.Ordinal);

        // The upright picture has hair on its left 30 %; as stored (turned back a quarter), hair is along the bottom 30 %.
        var result = PhotoFiles.Analyse(photo, turned
            ? """{"regions":{"hair":{"rect":[0.02,0.1,0.25,0.8]},"skin":{"rect":[0.4,0.1,0.55,0.8]}}}"""
            : """{"regions":{"hair":{"rect":[0.1,0.75,0.8,0.23]},"skin":{"rect":[0.1,0.05,0.8,0.55]}}}""");
        Assert.InRange(result.Hair.Lab.L, 10, 25);
        Assert.InRange(result.Skin.Lab.L, 72, 82);
    }

    /// <summary>The PNG with its eXIf chunk moved to just before IEND (chunk bytes moved whole, CRCs intact).</summary>
    private static byte[] ExifAfterImageData(byte[] png)
    {
        var chunks = new List<byte[]>();
        int pos = 8;
        while (pos + 12 <= png.Length)
        {
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            chunks.Add(png[pos..(pos + 12 + length)]);
            pos += 12 + length;
        }

        var exif = chunks.Single(c => c.AsSpan(4, 4).SequenceEqual("eXIf"u8));
        chunks.Remove(exif);
        chunks.Insert(chunks.Count - 1, exif);
        return [.. png.AsSpan(0, 8), .. chunks.SelectMany(c => c)];
    }
}
