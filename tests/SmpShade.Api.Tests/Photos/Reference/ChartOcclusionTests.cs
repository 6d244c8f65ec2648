using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;
using SmpShade.Api.Photos.Reference;
using SmpShade.Api.Tests.Photos.Synthetic;
using SmpShade.Colour;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos.Reference;

/// <summary>
/// The chart search's two safety properties (issue 13): a chart partly covered is found with the covered patches left
/// out (reference.patches_occluded), never fitted; and squares that are not a ColorChecker (the chart's own colours in
/// another order, random colours) are refused, never taken for one.
/// </summary>
public sealed class ChartOcclusionTests(ITestOutputHelper output)
{
    private static readonly PhotoOptions Limits = new();

    private static FoundChart Find(Image<Rgb24> image)
    {
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        using var pixels = PhotoDecoder.Decode(png.ToArray(), Limits, CancellationToken.None);
        return ChartFinder.Find(pixels);
    }

    /// <summary>
    /// A rendered chart (SyntheticScene, D65) with a leaf-green disc over its dark-skin corner: centre at chart
    /// coordinates (0.3, 0.3), radius 1.9 patch pitches. Each patch's sampled middle (ChartGeometry.PatchSamplingQuads)
    /// is classed from the drawing: wholly inside the disc must be left out, wholly outside must be fitted, in between
    /// may go either way.
    /// </summary>
    [Fact]
    public void Patches_under_a_leaf_are_left_out_and_the_rest_are_fitted()
    {
        var photo = SyntheticScene.Render("leaf over the chart", ReferenceAccuracy.Illuminants[0].Spd, SyntheticSpectra.MediumSkin, SyntheticSpectra.DarkBrownHair, 31);
        using var image = Image.Load<Rgb24>(photo.Jpeg);
        var toChart = Homography.FromPoints(photo.ChartCorners, [(0, 0), (6, 0), (6, 4), (0, 4)]);
        const double Cx = 0.3, Cy = 0.3, Radius = 1.9;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                var (u, v) = toChart.Map((x + 0.5, y + 0.5));
                if (((u - Cx) * (u - Cx)) + ((v - Cy) * (v - Cy)) < Radius * Radius)
                {
                    image[x, y] = new Rgb24(86, 120, 58);
                }
            }
        }

        var found = Find(image);
        var quads = ChartGeometry.PatchSamplingQuads(photo.ChartCorners);
        var inside = new List<int>();
        var outside = new List<int>();
        for (int p = 0; p < 24; p++)
        {
            var distances = quads[p].Select(q => toChart.Map(q)).Select(c => Math.Sqrt(((c.X - Cx) * (c.X - Cx)) + ((c.Y - Cy) * (c.Y - Cy)))).ToList();
            if (distances.Max() < Radius)
            {
                inside.Add(p);
            }
            else if (distances.Min() > Radius + 0.3)
            {
                outside.Add(p);
            }
        }

        output.WriteLine($"occluded {string.Join(",", found.Occluded)}; wholly under {string.Join(",", inside)}; clear {string.Join(",", outside)}; ΔE {found.MatchDeltaE}");
        Assert.NotEmpty(inside);
        Assert.All(inside, p => Assert.Contains(p, found.Occluded));
        Assert.All(outside, p => Assert.DoesNotContain(p, found.Occluded));
        Assert.True(found.MatchDeltaE < 6, $"match ΔE {found.MatchDeltaE} of the visible patches");
    }

    [Fact]
    public void Too_few_visible_patches_are_refused_as_chart_occluded()
    {
        // The published colours as an sRGB camera would see them (cyan, 17, lies outside sRGB: clipped unless hidden).
        var means = ColorCheckerReference.XyzD65.Select(x => RgbColourSpace.Srgb.XyzToLinear(x)).ToList();
        var error = Assert.Throws<ProblemException>(() => ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, means, [.. Enumerable.Range(11, 13)]));
        Assert.Equal("reference.chart_occluded", error.Code);
        var fitted = ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, means, [.. Enumerable.Range(12, 11)]);
        var warning = Assert.Single(fitted.Warnings, w => w.Code == ReferenceCorrector.OccludedCode);
        Assert.Contains("magenta", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fitted.Warnings, w => w.Code == ReferenceCorrector.ClippedCode);
    }

    /// <summary>
    /// A flat drawing of a chart: 24 squares of 50 × 47 pixels, 60 and 57 pixels apart, on a near-black card on a beige
    /// wall; the patch colours are the published Lab (ColorCheckerReference, D65) in sRGB, in the order given.
    /// </summary>
    private static Image<Rgb24> DrawnChart(Rgb24[] colours)
    {
        var image = new Image<Rgb24>(600, 400, new Rgb24(200, 190, 170));
        Fill(image, 110, 90, 491, 331, new Rgb24(20, 20, 20));
        for (int k = 0; k < 24; k++)
        {
            int x = 120 + ((k % 6) * 60), y = 100 + ((k / 6) * 57);
            Fill(image, x, y, x + 50, y + 47, colours[k]);
        }

        return image;
    }

    private static void Fill(Image<Rgb24> image, int x0, int y0, int x1, int y1, Rgb24 colour)
    {
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                image[x, y] = colour;
            }
        }
    }

    private static Rgb24[] ChartColours() => [.. ColorCheckerReference.LabD65.Select(lab =>
    {
        var rgb = RgbColourSpace.Srgb.FromLabUnclipped(lab);
        static byte Byte(double v) => (byte)Math.Round(255 * Math.Clamp(v, 0, 1));
        return new Rgb24(Byte(rgb.R), Byte(rgb.G), Byte(rgb.B));
    })];

    [Fact]
    public void A_drawn_chart_in_the_published_order_is_found_at_its_drawn_corners()
    {
        using var image = DrawnChart(ChartColours());
        var found = Find(image);
        // Patch centres at x = 145 + 60 c, y = 124 + 57 r; the outer corners are half a pitch beyond the corner patches.
        (double X, double Y)[] drawn = [(115, 95.5), (475, 95.5), (475, 323.5), (115, 323.5)];
        output.WriteLine($"corners {string.Join(" ", found.Corners.Select(c => $"({c.X * 600:F1}, {c.Y * 400:F1})"))}, ΔE {found.MatchDeltaE}");
        for (int k = 0; k < 4; k++)
        {
            Assert.True(Math.Abs((found.Corners[k].X * 600) - drawn[k].X) < 0.25 * 57 && Math.Abs((found.Corners[k].Y * 400) - drawn[k].Y) < 0.25 * 57,
                $"corner {k}: found ({found.Corners[k].X * 600:F1}, {found.Corners[k].Y * 400:F1}), drawn {drawn[k]}");
        }

        Assert.Empty(found.Occluded);
    }

    /// <summary>The same drawing with the chart's own colours shuffled (fixed seeds), or with random colours: squares that are not a ColorChecker.</summary>
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void Squares_in_another_order_or_of_other_colours_are_not_taken_for_a_chart(int seed, bool randomColours)
    {
        var random = new Random(seed);
        var colours = ChartColours();
        if (randomColours)
        {
            colours = [.. colours.Select(_ => new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)))];
        }
        else
        {
            random.Shuffle(colours);
        }

        using var image = DrawnChart(colours);
        var error = Assert.Throws<ProblemException>(() => Find(image));
        output.WriteLine($"{error.Code}: {error.Message}");
        Assert.StartsWith("reference.chart_", error.Code, StringComparison.Ordinal);
    }
}
