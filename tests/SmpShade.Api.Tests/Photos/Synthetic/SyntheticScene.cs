using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Photos.Synthetic;

/// <summary>A pixel rectangle.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public bool Contains(int x, int y) => x >= X && x < X + Width && y >= Y && y < Y + Height;
}

/// <summary>A rendered photo, where everything is in it, and the truth.</summary>
public sealed record SyntheticPhoto(
    string Name,
    byte[] Jpeg,
    int Width,
    int Height,
    IReadOnlyList<(double X, double Y)> ChartCorners,
    PixelRect Card,
    PixelRect Skin,
    PixelRect Hair,
    Func<int, int, bool> IsHairStrandCentre,
    Lab SkinTruth,
    Lab HairTruth);

/// <summary>
/// Draws a 600×400 scene from spectra: a ColorChecker seen slightly in perspective (left), a grey card (top right),
/// skin (bottom right) with vertical hair strands 6 px wide every 12 px over its right half, on a grey wall, then
/// exposes it through <see cref="SyntheticCamera"/> with noise and saves a quality-90 JPEG (ImageSharp, 4:2:0).
/// </summary>
public static class SyntheticScene
{
    public const int Width = 600, Height = 400, StrandPeriod = 12, StrandWidth = 6;

    public static readonly IReadOnlyList<(double X, double Y)> Corners = [(24, 50), (330, 36), (338, 250), (20, 238)];
    public static readonly PixelRect Card = new(360, 30, 90, 100);
    public static readonly PixelRect SkinArea = new(360, 150, 230, 240);
    public static readonly PixelRect SkinSample = new(370, 160, 80, 220);
    public static readonly PixelRect HairSample = new(470, 160, 120, 220);

    private const int Frame = 24, Wall = 25, CardMaterial = 26, SkinMaterial = 27, HairMaterial = 28;

    /// <param name="withChart">False draws wall where the chart would be: a photo with only the grey card, whose gray-world
    /// white balance differs from the chart photo's as a phone's does from frame to frame.</param>
    public static SyntheticPhoto Render(string name, SmpShade.Colour.Spectra.Spectrum illuminant, double[] skin, double[] hair, int seed = 1,
        IReadOnlyList<double[]>? sensitivities = null, bool withChart = true)
    {
        ArgumentNullException.ThrowIfNull(skin);
        ArgumentNullException.ThrowIfNull(hair);
        var camera = new SyntheticCamera(illuminant, sensitivities);
        double[][] reflectances =
        [
            .. SyntheticSpectra.ColorChecker.Select(p => p.Reflectance),
            SyntheticSpectra.ChartFrame, SyntheticSpectra.Background, SyntheticSpectra.GreyCard, skin, hair,
        ];
        LinearRgb[] raw = [.. reflectances.Select(camera.Raw)];

        byte[] material = new byte[Width * Height];
        Homography toChart = Homography.FromPoints(Corners, [(0, 0), (6, 0), (6, 4), (0, 4)]);
        var counts = new double[reflectances.Length];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                byte m = MaterialAt(x, y, toChart, withChart);
                material[y * Width + x] = m;
                counts[m]++;
            }
        }

        // Gray-world white balance over the frame (noise-free means), then the camera's daylight matrix. Exposure puts the
        // chart's white patch at 0.9 of full scale, both on the sensor (no raw channel saturates, as a phone's metering
        // ensures) and in the output.
        LinearRgb mean = Average(raw, counts);
        Matrix3 balance = camera.ColourMatrix * Matrix3.Diagonal(mean.G / mean.R, 1, mean.G / mean.B);
        LinearRgb white = raw[18];
        var (wr, wg, wb) = balance.Apply(white.R, white.G, white.B);
        double exposure = 0.9 / Math.Max(Math.Max(wr, Math.Max(wg, wb)), Math.Max(white.R, Math.Max(white.G, white.B)));

        var random = new Random(seed);
        using var image = new Image<Rgb24>(Width, Height);
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                LinearRgb r = raw[material[y * Width + x]];
                var (lr, lg, lb) = balance.Apply(
                    SyntheticCamera.AddNoise(r.R * exposure, random),
                    SyntheticCamera.AddNoise(r.G * exposure, random),
                    SyntheticCamera.AddNoise(r.B * exposure, random));
                image[x, y] = new Rgb24(Encode(lr), Encode(lg), Encode(lb));
            }
        }

        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 90 });
        return new SyntheticPhoto(name, stream.ToArray(), Width, Height, Corners, Card, SkinSample, HairSample,
            IsStrandCentre, SyntheticSpectra.TruthLab(skin), SyntheticSpectra.TruthLab(hair));
    }

    /// <summary>Is (x, y) one of the two middle columns of a hair strand (away from JPEG's mixing at the strand edges)?</summary>
    public static bool IsStrandCentre(int x, int y)
    {
        int phase = (x - HairSample.X) % StrandPeriod;
        return HairSample.Contains(x, y) && phase is 2 or 3;
    }

    private static byte MaterialAt(int x, int y, Homography toChart, bool withChart)
    {
        var (u, v) = toChart.Map((x + 0.5, y + 0.5));
        if (withChart && u > -0.15 && u < 6.15 && v > -0.15 && v < 4.15)
        {
            int col = (int)Math.Floor(u), row = (int)Math.Floor(v);
            double fu = u - col, fv = v - row;
            bool inPatch = col is >= 0 and < 6 && row is >= 0 and < 4 && fu > 0.1 && fu < 0.9 && fv > 0.1 && fv < 0.9;
            return inPatch ? (byte)(row * 6 + col) : (byte)Frame;
        }

        if (Card.Contains(x, y))
        {
            return CardMaterial;
        }

        if (SkinArea.Contains(x, y))
        {
            bool strand = x >= HairSample.X && (x - HairSample.X) % StrandPeriod < StrandWidth;
            return strand ? (byte)HairMaterial : (byte)SkinMaterial;
        }

        return Wall;
    }

    private static LinearRgb Average(LinearRgb[] raw, double[] counts)
    {
        double total = counts.Sum(), r = 0, g = 0, b = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            r += raw[i].R * counts[i];
            g += raw[i].G * counts[i];
            b += raw[i].B * counts[i];
        }

        return new LinearRgb(r / total, g / total, b / total);
    }

    private static byte Encode(double linear) =>
        (byte)Math.Round(255 * TransferFunction.Srgb.ToEncoded(Math.Clamp(linear, 0, 1)));
}
