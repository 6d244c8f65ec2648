using System.Runtime.CompilerServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Colour;

namespace SmpShade.Api.Photos;

/// <summary>Pixels of one region: linear RGB of the usable (unclipped) ones, and how many were clipped.</summary>
/// <param name="Linear">Linear RGB in the photo's own space, one per usable pixel read.</param>
/// <param name="Read">Pixels read (after grid subsampling), clipped ones included.</param>
/// <param name="Clipped">Pixels discarded as clipped (any channel ≥ 0.98 or all ≤ 0.02, encoded; docs/api.md, "Analysing a photo").</param>
/// <param name="Step">The subsampling grid step in pixels (1 = every pixel).</param>
public sealed record RegionPixels(LinearRgb[] Linear, int Read, int Clipped, int Step)
{
    /// <summary>Share of read pixels that were clipped.</summary>
    public double ClippedFraction => Read == 0 ? 0 : (double)Clipped / Read;
}

/// <summary>
/// A decoded photo as stored, with its orientation and colour space. Regions are given on the upright image and
/// mapped to stored pixels here, so the photo is never rotated (no second buffer). Only the pixels of a region are
/// linearised, through a per-channel lookup table (256 or 65536 entries).
/// </summary>
public abstract class PhotoPixels : IDisposable
{
    private static readonly ConditionalWeakTable<RgbColourSpace, float[][]> Luts8 = [];
    private static readonly ConditionalWeakTable<RgbColourSpace, float[][]> Luts16 = [];

    private readonly int storedWidth;
    private readonly int storedHeight;
    private readonly int orientation;
    private readonly float[][] lut;
    private readonly int high;
    private readonly int low;

    private PhotoPixels(int storedWidth, int storedHeight, int orientation, PhotoColourSpace colourSpace, int maxValue)
    {
        this.storedWidth = storedWidth;
        this.storedHeight = storedHeight;
        this.orientation = orientation is >= 1 and <= 8 ? orientation : 1;
        ColourSpace = colourSpace;
        bool swap = this.orientation >= 5;
        Width = swap ? storedHeight : storedWidth;
        Height = swap ? storedWidth : storedHeight;
        var table = maxValue == 255 ? Luts8 : Luts16;
        lut = table.GetValue(colourSpace.Space, space => BuildLut(space, maxValue));
        high = (int)Math.Ceiling(0.98 * maxValue); // clip thresholds on encoded values (docs/api.md, "Analysing a photo")
        low = (int)Math.Floor(0.02 * maxValue);
    }

    /// <summary>Upright width in pixels.</summary>
    public int Width { get; }

    /// <summary>Upright height in pixels.</summary>
    public int Height { get; }

    /// <summary>The colour space the pixels are encoded in.</summary>
    public PhotoColourSpace ColourSpace { get; }

    /// <summary>
    /// Reads the pixels whose centres fall inside a normalised polygon on the upright image, on a regular grid
    /// thinned so that at most about <paramref name="maxSamples"/> are read.
    /// </summary>
    /// <param name="polygon">The region, normalised 0..1 on the upright image.</param>
    /// <param name="maxSamples">About the most pixels to read.</param>
    /// <param name="positions">When given, receives the normalised centre of every kept pixel.</param>
    public RegionPixels Sample(IReadOnlyList<(double X, double Y)> polygon, int maxSamples, List<(double X, double Y)>? positions = null)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        double minX = polygon.Min(p => p.X) * Width, maxX = polygon.Max(p => p.X) * Width;
        double minY = polygon.Min(p => p.Y) * Height, maxY = polygon.Max(p => p.Y) * Height;
        double area = Math.Abs(Geometry.SignedArea(polygon)) * Width * Height;
        int step = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(area / maxSamples)));
        bool isRect = polygon.Count == 4 && polygon[0].Y == polygon[1].Y && polygon[1].X == polygon[2].X
            && polygon[2].Y == polygon[3].Y && polygon[3].X == polygon[0].X;

        var kept = new List<LinearRgb>((int)Math.Min(area / step / step + 16, maxSamples * 2L));
        int read = 0, clipped = 0;
        int u0 = Math.Max(0, (int)Math.Floor(minX)), u1 = Math.Min(Width - 1, (int)Math.Ceiling(maxX));
        int v0 = Math.Max(0, (int)Math.Floor(minY)), v1 = Math.Min(Height - 1, (int)Math.Ceiling(maxY));
        for (int v = v0; v <= v1; v += step)
        {
            double cy = v + 0.5;
            for (int u = u0; u <= u1; u += step)
            {
                double cx = u + 0.5;
                bool inside = isRect
                    ? cx >= minX && cx < maxX && cy >= minY && cy < maxY
                    : Geometry.Contains(polygon, cx / Width, cy / Height);
                if (!inside)
                {
                    continue;
                }

                read++;
                var (x, y) = ToStored(u, v);
                Read(x, y, out int r, out int g, out int b);
                if (r >= high || g >= high || b >= high || (r <= low && g <= low && b <= low))
                {
                    clipped++;
                    continue;
                }

                kept.Add(new LinearRgb(lut[0][r], lut[1][g], lut[2][b]));
                positions?.Add((cx / Width, cy / Height));
            }
        }

        return new RegionPixels([.. kept], read, clipped, step);
    }

    /// <summary>
    /// A small upright copy for finding people (Photos/People): 8-bit encoded RGB, interleaved, the longer side at most
    /// <paramref name="maxSide"/>; each output pixel is the mean of a 2 × 2 grid of taps over its footprint, so a
    /// 12 MP photo costs about 4 reads per output pixel, not a full resample.
    /// </summary>
    public byte[] Thumbnail(int maxSide, out int width, out int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        double scale = Math.Min(1.0, (double)maxSide / Math.Max(Width, Height));
        width = Math.Max(1, (int)Math.Round(Width * scale));
        height = Math.Max(1, (int)Math.Round(Height * scale));
        var rgb = new byte[width * height * 3];
        var sums = new int[width * 3];
        double fx = (double)Width / width, fy = (double)Height / height;
        int shift = high > 255 ? 8 : 0;
        for (int y = 0; y < height; y++)
        {
            Array.Clear(sums);
            for (int ty = 0; ty < 2; ty++)
            {
                int v = Math.Min(Height - 1, (int)((y + (0.25 + (0.5 * ty))) * fy));
                for (int x = 0; x < width; x++)
                {
                    for (int tx = 0; tx < 2; tx++)
                    {
                        int u = Math.Min(Width - 1, (int)((x + (0.25 + (0.5 * tx))) * fx));
                        var (sx, sy) = ToStored(u, v);
                        Read(sx, sy, out int r, out int g, out int b);
                        sums[x * 3] += r >> shift;
                        sums[(x * 3) + 1] += g >> shift;
                        sums[(x * 3) + 2] += b >> shift;
                    }
                }
            }

            for (int i = 0; i < sums.Length; i++)
            {
                rgb[(y * width * 3) + i] = (byte)((sums[i] + 2) / 4);
            }
        }

        return rgb;
    }

    /// <summary>Upright pixel (u, v) → stored pixel, per the EXIF orientation (TIFF 6.0 tag 274, values 1–8).</summary>
    private (int X, int Y) ToStored(int u, int v) => orientation switch
    {
        2 => (storedWidth - 1 - u, v),
        3 => (storedWidth - 1 - u, storedHeight - 1 - v),
        4 => (u, storedHeight - 1 - v),
        5 => (v, u),
        6 => (v, storedHeight - 1 - u),
        7 => (storedWidth - 1 - v, storedHeight - 1 - u),
        8 => (storedWidth - 1 - v, u),
        _ => (u, v),
    };

    /// <summary>The encoded channel values of a stored pixel.</summary>
    protected abstract void Read(int x, int y, out int r, out int g, out int b);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    private static float[][] BuildLut(RgbColourSpace space, int maxValue)
    {
        var curves = new[] { space.Red, space.Green, space.Blue };
        var tables = new float[3][];
        for (int c = 0; c < 3; c++)
        {
            tables[c] = c > 0 && ReferenceEquals(curves[c], curves[0]) ? tables[0] : new float[maxValue + 1];
            if (c == 0 || !ReferenceEquals(curves[c], curves[0]))
            {
                for (int i = 0; i <= maxValue; i++)
                {
                    tables[c][i] = (float)curves[c].ToLinear((double)i / maxValue);
                }
            }
        }

        return tables;
    }

    /// <summary>
    /// A photo held as ImageSharp pixels of one type: reads a pixel's channels through the current row, which is fetched
    /// once per row (regions are read row by row on upright images, so one row serves a whole run of pixels).
    /// </summary>
    public abstract class Typed<TPixel>(Image<TPixel> image, int orientation, PhotoColourSpace colourSpace, int maxValue)
        : PhotoPixels(image.Width, image.Height, orientation, colourSpace, maxValue)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        private Memory<TPixel> row;
        private int rowIndex = -1;

        protected sealed override void Read(int x, int y, out int r, out int g, out int b)
        {
            if (y != rowIndex)
            {
                row = image.DangerousGetPixelRowMemory(y);
                rowIndex = y;
            }

            Channels(row.Span[x], out r, out g, out b);
        }

        /// <summary>The pixel's R, G and B as integers of the image's depth.</summary>
        protected abstract void Channels(in TPixel pixel, out int r, out int g, out int b);

        protected override void Dispose(bool disposing) => image.Dispose();
    }

    /// <summary>An 8-bit photo.</summary>
    public sealed class Eight(Image<Rgb24> image, int orientation, PhotoColourSpace colourSpace)
        : Typed<Rgb24>(image, orientation, colourSpace, byte.MaxValue)
    {
        protected override void Channels(in Rgb24 pixel, out int r, out int g, out int b) => (r, g, b) = (pixel.R, pixel.G, pixel.B);
    }

    /// <summary>A 16-bit photo.</summary>
    public sealed class Sixteen(Image<Rgb48> image, int orientation, PhotoColourSpace colourSpace)
        : Typed<Rgb48>(image, orientation, colourSpace, ushort.MaxValue)
    {
        protected override void Channels(in Rgb48 pixel, out int r, out int g, out int b) => (r, g, b) = (pixel.R, pixel.G, pixel.B);
    }
}
