using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Photos;

/// <summary>Small test photos drawn in code (sRGB, 8 bit): flat patches with known colours.</summary>
public static class SceneImages
{
    public static readonly Rgb24 Skin = new(226, 182, 154);
    public static readonly Rgb24 Hair = new(55, 40, 32);

    /// <summary>Fills a rectangle.</summary>
    public static void Fill(Image<Rgb24> image, int x0, int y0, int w, int h, Rgb24 colour)
    {
        for (int y = y0; y < y0 + h; y++)
        {
            for (int x = x0; x < x0 + w; x++)
            {
                image[x, y] = colour;
            }
        }
    }

    /// <summary>
    /// A 320×240 scene: skin background, hair strands (4 px on, 4 px off) at x 170–310, y 10–110, an 18 % grey card
    /// at x 170–230, y 150–210, and a ColorChecker 24 (20 px patches, no gaps) with its patch area at x 10–130, y 10–90.
    /// The chart's sRGB values come from the published Lab (D50 → Bradford → D65 → sRGB, clipped).
    /// </summary>
    public static Image<Rgb24> ReferenceScene()
    {
        var image = new Image<Rgb24>(320, 240, Skin);
        for (int y = 10; y < 110; y += 8)
        {
            Fill(image, 170, y, 140, 4, Hair);
        }

        Fill(image, 170, 150, 60, 60, new Rgb24(119, 119, 119));
        var patches = ColorCheckerReference.Patches;
        for (int i = 0; i < patches.Count; i++)
        {
            var rgb = RgbColourSpace.Srgb.FromLab(patches[i].LabD50.Adapt(WhitePoint.D50, WhitePoint.D65)).Rgb;
            Fill(image, 10 + (i % 6 * 20), 10 + (i / 6 * 20), 20, 20, new Rgb24(To8(rgb.R), To8(rgb.G), To8(rgb.B)));
        }

        return image;
    }

    /// <summary>Multiplies each channel in linear light (a light source's colour on a linear sensor), re-encodes as sRGB.</summary>
    public static void Cast(Image<Rgb24> image, double r, double g, double b)
    {
        var tf = TransferFunction.Srgb;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                var p = image[x, y];
                image[x, y] = new Rgb24(
                    To8(tf.ToEncoded(tf.ToLinear(p.R / 255.0) * r)),
                    To8(tf.ToEncoded(tf.ToLinear(p.G / 255.0) * g)),
                    To8(tf.ToEncoded(tf.ToLinear(p.B / 255.0) * b)));
            }
        }
    }

    public static byte[] Png(Image<Rgb24> image)
    {
        using var stream = new MemoryStream();
        image.Save(stream, new PngEncoder());
        return stream.ToArray();
    }

    public static byte[] Jpeg(Image<Rgb24> image, int quality = 95)
    {
        using var stream = new MemoryStream();
        image.Save(stream, new JpegEncoder { Quality = quality });
        return stream.ToArray();
    }

    private static byte To8(double v) => (byte)Math.Round(Math.Clamp(v, 0, 1) * 255);
}
