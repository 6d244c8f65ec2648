using SmpShade.Colour;

using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Photos;

/// <summary>
/// Turns pixel colours into a measurement: the mean is taken in linear light (XYZ) and then converted to Lab
/// (docs/api.md, "Analysing a photo": the eye mixes a region's pixels in light, not in Lab); the spread is of the pixels' own Lab values.
/// </summary>
public static class ColourStatistics
{
    /// <summary>Mean XYZ of a set of pixels, as Lab (D65).</summary>
    public static Lab MeanLab(ReadOnlySpan<Xyz> xyz)
    {
        double x = 0, y = 0, z = 0;
        foreach (var p in xyz)
        {
            x += p.X;
            y += p.Y;
            z += p.Z;
        }

        int n = Math.Max(1, xyz.Length);
        return new Xyz(x / n, y / n, z / n).ToLab(WhitePoint.D65);
    }

    /// <summary>The full measurement of a set of pixels (XYZ and their Lab, same order).</summary>
    public static MeasuredColour Measure(ReadOnlySpan<Xyz> xyz, ReadOnlySpan<Lab> labs)
    {
        var mean = MeanLab(xyz);
        var (sd, se) = Spread(labs);
        var display = RgbColourSpace.Srgb.FromLab(mean);
        var lch = mean.ToLCh();
        return new MeasuredColour(LabValue.From(mean), new LChValue(AnswerPrecision.Colour(lch.L), AnswerPrecision.Colour(lch.C), AnswerPrecision.Colour(lch.H)), display.Rgb.ToHex(), display.InGamut,
            xyz.Length, sd, se);
    }

    private static (LabValue Sd, LabValue StandardError) Spread(ReadOnlySpan<Lab> labs)
    {
        int n = labs.Length;
        if (n < 2)
        {
            return (new LabValue(0, 0, 0), new LabValue(0, 0, 0));
        }

        double ml = 0, ma = 0, mb = 0;
        foreach (var p in labs)
        {
            ml += p.L;
            ma += p.A;
            mb += p.B;
        }

        ml /= n;
        ma /= n;
        mb /= n;
        double vl = 0, va = 0, vb = 0;
        foreach (var p in labs)
        {
            vl += (p.L - ml) * (p.L - ml);
            va += (p.A - ma) * (p.A - ma);
            vb += (p.B - mb) * (p.B - mb);
        }

        // Sample standard deviation (n − 1).
        double sl = Math.Sqrt(vl / (n - 1)), sa = Math.Sqrt(va / (n - 1)), sb = Math.Sqrt(vb / (n - 1));
        double root = Math.Sqrt(n);
        return (LabValue.Rounded(sl, sa, sb), LabValue.Rounded(sl / root, sa / root, sb / root));
    }
}
