using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Photos.Synthetic;

/// <summary>
/// The test's own region means (before, and independent of, the photos pipeline): decodes the JPEG, linearises with
/// the sRGB curve (the photos carry no profile, so sRGB is what the service assumes too) and averages in linear light.
/// </summary>
public sealed class PhotoSampler
{
    private readonly LinearRgb[] pixels;
    private readonly int width;

    public PhotoSampler(byte[] jpeg)
    {
        using var image = Image.Load<Rgb24>(jpeg);
        width = image.Width;
        pixels = new LinearRgb[image.Width * image.Height];
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                Rgb24 p = image[x, y];
                pixels[y * width + x] = RgbColourSpace.Srgb.ToLinear(p.R / 255.0, p.G / 255.0, p.B / 255.0);
            }
        }
    }

    public LinearRgb Mean(PixelRect rect, Func<int, int, bool>? keep = null)
    {
        double r = 0, g = 0, b = 0;
        int n = 0;
        for (int y = rect.Y; y < rect.Y + rect.Height; y++)
        {
            for (int x = rect.X; x < rect.X + rect.Width; x++)
            {
                if (keep is null || keep(x, y))
                {
                    LinearRgb p = pixels[y * width + x];
                    r += p.R;
                    g += p.G;
                    b += p.B;
                    n++;
                }
            }
        }

        return new LinearRgb(r / n, g / n, b / n);
    }

    /// <summary>Mean over the pixels whose centres lie inside a convex quadrilateral.</summary>
    public LinearRgb Mean((double X, double Y)[] quad)
    {
        ArgumentNullException.ThrowIfNull(quad);
        int x0 = (int)Math.Floor(quad.Min(p => p.X)), x1 = (int)Math.Ceiling(quad.Max(p => p.X));
        int y0 = (int)Math.Floor(quad.Min(p => p.Y)), y1 = (int)Math.Ceiling(quad.Max(p => p.Y));
        return Mean(new PixelRect(x0, y0, x1 - x0, y1 - y0), (x, y) => Inside(quad, x + 0.5, y + 0.5));
    }

    /// <summary>Inside a convex polygon: the point is on the same side of every edge.</summary>
    public static bool Inside((double X, double Y)[] polygon, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        int sign = 0;
        for (int i = 0; i < polygon.Length; i++)
        {
            var (ax, ay) = polygon[i];
            var (bx, by) = polygon[(i + 1) % polygon.Length];
            double cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
            int s = Math.Sign(cross);
            if (s != 0 && sign != 0 && s != sign)
            {
                return false;
            }

            sign = s != 0 ? s : sign;
        }

        return true;
    }
}
