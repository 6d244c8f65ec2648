using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;

namespace SmpShade.Api.Tests.Photos.Reference;

public sealed class ChartGeometryTests
{
    private const double Tolerance = 1e-9;

    // Corner sets (dark-skin corner first, clockwise on screen): upright, rotated 30°, a strong perspective view, and
    // a chart held in portrait (rotated 90° clockwise, so the dark-skin corner is top right).
    public static TheoryData<string> Charts => new() { "upright", "rotated", "perspective", "portrait" };

    private static (double X, double Y)[] Corners(string name) => name switch
    {
        "upright" => [(100, 100), (700, 100), (700, 500), (100, 500)],
        "rotated" => Rotate([(100, 100), (700, 100), (700, 500), (100, 500)], 30, (400, 300)),
        "perspective" => [(120, 80), (760, 140), (700, 470), (150, 560)],
        "portrait" => [(500, 100), (500, 700), (100, 700), (100, 100)],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public void The_homography_maps_the_chart_corners_exactly_onto_the_photo(string chart)
    {
        var corners = Corners(chart);
        Homography h = ChartGeometry.ChartToImage(corners);
        (double, double)[] chartCorners = [(0, 0), (6, 0), (6, 4), (0, 4)];
        for (int i = 0; i < 4; i++)
        {
            var (x, y) = h.Map(chartCorners[i]);
            Assert.Equal(corners[i].X, x, Tolerance);
            Assert.Equal(corners[i].Y, y, Tolerance);
        }
    }

    [Fact]
    public void An_affine_view_places_points_by_linear_interpolation_along_the_edges()
    {
        // A parallelogram is an affine image of the chart: a point (u, v) lands at c0 + u/6 (c1 − c0) + v/4 (c3 − c0).
        (double X, double Y)[] c = [(50, 60), (650, 160), (590, 520), (-10, 420)];
        Homography h = ChartGeometry.ChartToImage(c);
        foreach (var (u, v) in new[] { (0.5, 0.5), (3.0, 2.0), (5.7, 3.2) })
        {
            var (x, y) = h.Map((u, v));
            Assert.Equal(c[0].X + u / 6 * (c[1].X - c[0].X) + v / 4 * (c[3].X - c[0].X), x, Tolerance);
            Assert.Equal(c[0].Y + u / 6 * (c[1].Y - c[0].Y) + v / 4 * (c[3].Y - c[0].Y), y, Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Every_sampling_quad_lies_in_the_middle_40_percent_of_its_own_cell(string chart)
    {
        var corners = Corners(chart);
        var quads = ChartGeometry.PatchSamplingQuads(corners);
        Homography back = Homography.FromPoints(corners, [(0, 0), (6, 0), (6, 4), (0, 4)]);
        Assert.Equal(24, quads.Count);
        for (int patch = 0; patch < 24; patch++)
        {
            int col = patch % 6, row = patch / 6;
            Assert.Equal(4, quads[patch].Length);
            foreach (var point in quads[patch])
            {
                var (u, v) = back.Map(point);
                Assert.InRange(u, col + 0.3 - 1e-6, col + 0.7 + 1e-6);
                Assert.InRange(v, row + 0.3 - 1e-6, row + 0.7 + 1e-6);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Patches_come_in_chart_order_starting_at_the_dark_skin_corner(string chart)
    {
        var corners = Corners(chart);
        var quads = ChartGeometry.PatchSamplingQuads(corners);

        // Dark skin (1st) is nearest corner 0, bluish green (6th) corner 1, black (24th) corner 2, blue (19th) corner 3.
        Assert.Equal(0, NearestCorner(quads[0], corners));
        Assert.Equal(1, NearestCorner(quads[5], corners));
        Assert.Equal(2, NearestCorner(quads[23], corners));
        Assert.Equal(3, NearestCorner(quads[18], corners));
    }

    [Fact]
    public void An_upright_chart_samples_a_centred_square_40_percent_of_the_cell_side()
    {
        var quads = ChartGeometry.PatchSamplingQuads(Corners("upright"));

        // Cells are 100 × 100 px; the first patch's sample is x 130–170, y 130–170.
        (double, double)[] expected = [(130, 130), (170, 130), (170, 170), (130, 170)];
        Assert.Equal(expected.Select(p => p.Item1), quads[0].Select(p => Math.Round(p.X, 9)));
        Assert.Equal(expected.Select(p => p.Item2), quads[0].Select(p => Math.Round(p.Y, 9)));
    }

    [Fact]
    public void Three_collinear_corners_are_refused()
    {
        var error = Assert.Throws<ProblemException>(() => ChartGeometry.PatchSamplingQuads([(0, 0), (100, 0), (200, 0), (0, 100)]));
        Assert.Equal("reference.corners_invalid", error.Code);
    }

    [Fact]
    public void Corners_clicked_in_a_crossed_order_are_refused()
    {
        // Dark skin, black, bluish green, blue: the edges cross.
        var error = Assert.Throws<ProblemException>(() => ChartGeometry.PatchSamplingQuads([(100, 100), (700, 500), (700, 100), (100, 500)]));
        Assert.Equal("reference.corners_invalid", error.Code);
    }

    [Fact]
    public void A_mirrored_photo_of_the_chart_is_accepted_in_patch_order()
    {
        // A front camera mirrors the chart: dark skin top right, bluish green top left, so the corners turn anticlockwise.
        (double X, double Y)[] corners = [(700, 100), (100, 100), (100, 500), (700, 500)];
        var quads = ChartGeometry.PatchSamplingQuads(corners);
        Assert.Equal(0, NearestCorner(quads[0], corners));
        Assert.Equal(1, NearestCorner(quads[5], corners));
    }

    [Fact]
    public void A_chart_needs_exactly_four_corners()
    {
        Assert.Throws<ArgumentException>(() => ChartGeometry.PatchSamplingQuads([(0, 0), (100, 0), (100, 100)]));
    }

    private static int NearestCorner((double X, double Y)[] quad, (double X, double Y)[] corners)
    {
        double cx = quad.Average(p => p.X), cy = quad.Average(p => p.Y);
        return Enumerable.Range(0, 4).MinBy(i => Math.Pow(corners[i].X - cx, 2) + Math.Pow(corners[i].Y - cy, 2));
    }

    private static (double X, double Y)[] Rotate((double X, double Y)[] points, double degrees, (double X, double Y) centre)
    {
        double r = degrees * Math.PI / 180, cos = Math.Cos(r), sin = Math.Sin(r);
        return [.. points.Select(p => (
            centre.X + (p.X - centre.X) * cos - (p.Y - centre.Y) * sin,
            centre.Y + (p.X - centre.X) * sin + (p.Y - centre.Y) * cos))];
    }
}
