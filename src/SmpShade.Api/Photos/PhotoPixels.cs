using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>What decoding noticed about the file (an undefined orientation, transparency), for the answer.</summary>
    public IReadOnlyList<PhotoWarning> DecodeWarnings { get; internal set; } = [];

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
        int span = Math.Max(0, ((u1 - u0) / step) + 1);
        var us = new int[span];
        var xs = new int[span];
        var rgb = new int[span * 3];
        var crossings = new List<double>(polygon.Count);
        for (int v = v0; v <= v1; v += step)
        {
            double cy = v + 0.5;
            int count = 0;
            if (!isRect)
            {
                Geometry.Crossings(polygon, cy / Height, crossings);
            }

            int passed = 0; // crossings at or left of the pixel centre: inside when the rest are odd in number
            for (int u = u0; u <= u1; u += step)
            {
                double cx = u + 0.5;
                bool inside;
                if (isRect)
                {
                    inside = cx >= minX && cx < maxX && cy >= minY && cy < maxY;
                }
                else
                {
                    double x = cx / Width;
                    while (passed < crossings.Count && !(x < crossings[passed]))
                    {
                        passed++;
                    }

                    inside = (crossings.Count - passed) % 2 == 1;
                }

                if (inside)
                {
                    us[count++] = u;
                }
            }

            ReadUpright(v, us.AsSpan(0, count), xs, rgb);
            for (int i = 0; i < count; i++)
            {
                read++;
                int r = rgb[3 * i], g = rgb[(3 * i) + 1], b = rgb[(3 * i) + 2];
                if (r >= high || g >= high || b >= high || (r <= low && g <= low && b <= low))
                {
                    clipped++;
                    continue;
                }

                kept.Add(new LinearRgb(lut[0][r], lut[1][g], lut[2][b]));
                positions?.Add(((us[i] + 0.5) / Width, cy / Height));
            }
        }

        return new RegionPixels([.. kept], read, clipped, step);
    }

    /// <summary>Swaps width and height: orientations 5–8 store the upright rows as columns.</summary>
    private bool Transposed => orientation >= 5;

    /// <summary>
    /// The channels of upright pixels (u, <paramref name="v"/>) for each u of <paramref name="us"/>, three per pixel into
    /// <paramref name="rgb"/>: one stored row when the photo is stored upright or mirrored, else one row per pixel.
    /// </summary>
    private void ReadUpright(int v, ReadOnlySpan<int> us, int[] xs, int[] rgb)
    {
        if (us.IsEmpty)
        {
            return;
        }

        if (!Transposed)
        {
            for (int i = 0; i < us.Length; i++)
            {
                xs[i] = ToStored(us[i], v).X;
            }

            ReadRow(ToStored(0, v).Y, xs.AsSpan(0, us.Length), rgb);
            return;
        }

        for (int i = 0; i < us.Length; i++)
        {
            var (x, y) = ToStored(us[i], v);
            xs[i] = x;
            ReadRow(y, xs.AsSpan(i, 1), rgb.AsSpan(3 * i, 3));
        }
    }

    /// <summary>
    /// A small upright copy for finding people and charts: 8-bit encoded RGB, interleaved, the longer side at most
    /// <paramref name="maxSide"/>; each output pixel is the mean of a 2 × 2 grid of taps over its footprint, so a
    /// 12 MP photo costs about 4 reads per output pixel, not a full resample. The taps are read a stored row at a time
    /// (the upright rows of a photo stored turned, EXIF orientations 5–8, are stored columns, so there a stored row
    /// serves an upright column).
    /// </summary>
    public byte[] Thumbnail(int maxSide, out int width, out int height) =>
        CropThumbnail(0, 0, Width, Height, maxSide, out width, out height);

    /// <summary>
    /// As <see cref="Thumbnail(int, out int, out int)"/>, of the upright rectangle at (<paramref name="left"/>,
    /// <paramref name="top"/>) of <paramref name="cropWidth"/> × <paramref name="cropHeight"/> pixels only (clamped to
    /// the photo): a chart's surroundings read at a finer scale than the whole frame.
    /// </summary>
    public byte[] CropThumbnail(int left, int top, int cropWidth, int cropHeight, int maxSide, out int width, out int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        left = Math.Clamp(left, 0, Width - 1);
        top = Math.Clamp(top, 0, Height - 1);
        cropWidth = Math.Clamp(cropWidth, 1, Width - left);
        cropHeight = Math.Clamp(cropHeight, 1, Height - top);
        double scale = Math.Min(1.0, (double)maxSide / Math.Max(cropWidth, cropHeight));
        width = Math.Max(1, (int)Math.Round(cropWidth * scale));
        height = Math.Max(1, (int)Math.Round(cropHeight * scale));
        double fx = (double)cropWidth / width, fy = (double)cropHeight / height;
        var tapsU = new int[2 * width];
        var tapsV = new int[2 * height];
        for (int k = 0; k < tapsU.Length; k++)
        {
            tapsU[k] = left + Math.Min(cropWidth - 1, (int)(((k / 2) + (0.25 + (0.5 * (k % 2)))) * fx));
        }

        for (int k = 0; k < tapsV.Length; k++)
        {
            tapsV[k] = top + Math.Min(cropHeight - 1, (int)(((k / 2) + (0.25 + (0.5 * (k % 2)))) * fy));
        }

        // Along a stored row only the upright coordinate that runs along it changes: u when stored upright, v when turned.
        var along = Transposed ? tapsV : tapsU;
        var across = Transposed ? tapsU : tapsV;
        var xs = new int[along.Length];
        for (int k = 0; k < along.Length; k++)
        {
            xs[k] = (Transposed ? ToStored(0, along[k]) : ToStored(along[k], 0)).X;
        }

        var sums = new int[width * height * 3];
        var channels = new int[along.Length * 3];
        int shift = high > 255 ? 8 : 0;
        bool transposed = Transposed;
        // Output pixels are `stride` sums apart along a stored row, `next` apart from one stored row pair to the next.
        int stride = transposed ? width * 3 : 3, next = transposed ? 3 : width * 3;
        for (int a = 0; a < across.Length; a++)
        {
            int storedRow = (transposed ? ToStored(across[a], 0) : ToStored(0, across[a])).Y;
            ReadRow(storedRow, xs, channels);
            int start = (a / 2) * next;
            for (int k = 0, c = 0; k < along.Length; k += 2, c += 6)
            {
                int at = start + ((k / 2) * stride);
                sums[at] += (channels[c] >> shift) + (channels[c + 3] >> shift);
                sums[at + 1] += (channels[c + 1] >> shift) + (channels[c + 4] >> shift);
                sums[at + 2] += (channels[c + 2] >> shift) + (channels[c + 5] >> shift);
            }
        }

        var rgb = new byte[sums.Length];
        for (int i = 0; i < sums.Length; i++)
        {
            rgb[i] = (byte)((sums[i] + 2) / 4);
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

    /// <summary>The encoded channel values of stored pixels (xs[i], y), three per pixel into <paramref name="rgb"/>.</summary>
    protected abstract void ReadRow(int y, ReadOnlySpan<int> xs, Span<int> rgb);

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

    /// <summary>A photo held as ImageSharp pixels of one type.</summary>
    public abstract class Typed<TPixel>(Image<TPixel> image, int orientation, PhotoColourSpace colourSpace, int maxValue)
        : PhotoPixels(image.Width, image.Height, orientation, colourSpace, maxValue)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        /// <summary>Stored row <paramref name="y"/>.</summary>
        protected Span<TPixel> Row(int y) => image.DangerousGetPixelRowMemory(y).Span;

        protected override void Dispose(bool disposing) => image.Dispose();
    }

    /// <summary>An 8-bit photo.</summary>
    public sealed class Eight(Image<Rgb24> image, int orientation, PhotoColourSpace colourSpace)
        : Typed<Rgb24>(image, orientation, colourSpace, byte.MaxValue)
    {
        protected override void ReadRow(int y, ReadOnlySpan<int> xs, Span<int> rgb)
        {
            ReadOnlySpan<byte> row = MemoryMarshal.AsBytes(Row(y));
            for (int i = 0, o = 0; i < xs.Length; i++, o += 3)
            {
                int at = xs[i] * 3;
                rgb[o] = row[at];
                rgb[o + 1] = row[at + 1];
                rgb[o + 2] = row[at + 2];
            }
        }
    }

    /// <summary>A 16-bit photo.</summary>
    public sealed class Sixteen(Image<Rgb48> image, int orientation, PhotoColourSpace colourSpace)
        : Typed<Rgb48>(image, orientation, colourSpace, ushort.MaxValue)
    {
        protected override void ReadRow(int y, ReadOnlySpan<int> xs, Span<int> rgb)
        {
            ReadOnlySpan<ushort> row = MemoryMarshal.Cast<Rgb48, ushort>(Row(y));
            for (int i = 0, o = 0; i < xs.Length; i++, o += 3)
            {
                int at = xs[i] * 3;
                rgb[o] = row[at];
                rgb[o + 1] = row[at + 1];
                rgb[o + 2] = row[at + 2];
            }
        }
    }
}
