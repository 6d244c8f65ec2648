using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Api.Photos;

namespace SmpShade.Api.Tests.Photos;

/// <summary>
/// The region sampler finds a polygon's pixels by scanline crossings (bed4a68). It must read exactly the pixels whose
/// centres the earlier per-pixel even–odd test (<see cref="Geometry.Contains"/>) put inside, and those an independent
/// test written here puts inside: the winding number by summed angles, odd meaning inside (the even–odd rule counts
/// edge crossings of a ray, and each crossing changes the winding number by one). Checked on random polygons (most of
/// them self-intersecting, some reaching past the frame) and on concave ones (stars, combs), on a mid-grey photo so
/// that no pixel is dropped as clipped and every pixel read is reported.
/// </summary>
public sealed class PolygonSamplerTests
{
    private const int Width = 97;
    private const int Height = 61;

    /// <summary>Pixel centres closer than this (normalised) to an edge are on the boundary, where the rule is a convention.</summary>
    private const double OnEdge = 1e-9;

    public static TheoryData<string, int> Polygons()
    {
        var data = new TheoryData<string, int>();
        for (int seed = 0; seed < 40; seed++)
        {
            data.Add("random", seed);
        }

        for (int seed = 0; seed < 15; seed++)
        {
            data.Add("star", seed);
            data.Add("comb", seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Polygons))]
    public void The_scanline_sampler_reads_the_pixels_a_point_in_polygon_test_puts_inside(string shape, int seed)
    {
        var polygon = Make(shape, seed);
        foreach (int orientation in new[] { 1, 6 })
        {
            using var pixels = Grey(orientation);
            var positions = new List<(double X, double Y)>();
            var sample = pixels.Sample(polygon, int.MaxValue, positions);
            Assert.Equal(1, sample.Step);
            Assert.Equal(sample.Read, positions.Count); // nothing clipped: every pixel read is reported

            var read = positions.Select(p => Pixel(p, pixels)).ToHashSet();
            Assert.Equal(positions.Count, read.Count); // no pixel read twice
            int compared = 0;
            for (int v = 0; v < pixels.Height; v++)
            {
                for (int u = 0; u < pixels.Width; u++)
                {
                    double x = (u + 0.5) / pixels.Width, y = (v + 0.5) / pixels.Height;
                    bool old = Geometry.Contains(polygon, x, y);
                    Assert.True(old == read.Contains((u, v)), $"{shape} {seed}, orientation {orientation}: pixel ({u}, {v}) read {!old}, old test {old}");
                    if (DistanceToEdges(polygon, x, y) > OnEdge)
                    {
                        Assert.True(OddWinding(polygon, x, y) == old, $"{shape} {seed}: pixel ({u}, {v}) winding parity disagrees");
                        compared++;
                    }
                }
            }

            Assert.True(read.Count > 0 || shape == "random", $"{shape} {seed} read no pixel");
            Assert.True(compared > pixels.Width * pixels.Height * 0.95);
        }
    }

    /// <summary>
    /// Vertices on pixel centres and edges (horizontal edges through a row of centres, vertices exactly on a centre):
    /// the boundary conventions of the scanline and of the per-pixel test must agree there too.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void On_pixel_aligned_polygons_the_boundary_pixels_match_the_old_test(int seed)
    {
        var random = new Random(1000 + seed);
        var polygon = Enumerable.Range(0, 7 + seed)
            .Select(_ => ((random.Next(0, 2 * Width) / 2.0) / Width, (random.Next(0, 2 * Height) / 2.0) / Height))
            .ToList();
        using var pixels = Grey(1);
        var positions = new List<(double X, double Y)>();
        pixels.Sample(polygon, int.MaxValue, positions);
        var read = positions.Select(p => Pixel(p, pixels)).ToHashSet();
        for (int v = 0; v < Height; v++)
        {
            for (int u = 0; u < Width; u++)
            {
                Assert.True(Geometry.Contains(polygon, (u + 0.5) / Width, (v + 0.5) / Height) == read.Contains((u, v)), $"pixel ({u}, {v})");
            }
        }
    }

    /// <summary>Thinned to a grid (about a ninth of the pixels): the pixels read are the grid points the old test puts inside.</summary>
    [Fact]
    public void A_thinned_sample_reads_the_grid_points_inside()
    {
        var polygon = Make("star", 3);
        using var pixels = Grey(1);
        var positions = new List<(double X, double Y)>();
        int inside = Enumerable.Range(0, Width * Height).Count(i => Geometry.Contains(polygon, ((i % Width) + 0.5) / Width, ((i / Width) + 0.5) / Height));
        var sample = pixels.Sample(polygon, inside / 9, positions);
        int step = sample.Step;
        Assert.InRange(step, 3, 4);

        // The grid starts at the polygon's bounding box, rounded down to a pixel.
        int u0 = (int)Math.Floor(polygon.Min(p => p.X) * Width), v0 = (int)Math.Floor(polygon.Min(p => p.Y) * Height);
        var expected = new HashSet<(int, int)>();
        for (int v = v0; v < Height; v += step)
        {
            for (int u = u0; u < Width; u += step)
            {
                if (Geometry.Contains(polygon, (u + 0.5) / Width, (v + 0.5) / Height))
                {
                    expected.Add((u, v));
                }
            }
        }

        Assert.Equal(expected.OrderBy(p => p), positions.Select(p => Pixel(p, pixels)).OrderBy(p => p));
    }

    private static PhotoPixels.Eight Grey(int orientation)
    {
        // Orientations 5-8 store the upright photo turned: stored Height × Width.
        var image = orientation >= 5 ? new Image<Rgb24>(Height, Width, new Rgb24(128, 128, 128)) : new Image<Rgb24>(Width, Height, new Rgb24(128, 128, 128));
        return new PhotoPixels.Eight(image, orientation, IccColourSpace.FromProfile(null));
    }

    private static (int U, int V) Pixel((double X, double Y) p, PhotoPixels pixels) =>
        ((int)Math.Floor(p.X * pixels.Width), (int)Math.Floor(p.Y * pixels.Height));

    private static List<(double X, double Y)> Make(string shape, int seed)
    {
        var random = new Random(seed);
        switch (shape)
        {
            case "random":
                // 3-12 vertices anywhere in and a little beyond the frame: most cross themselves.
                return [.. Enumerable.Range(0, random.Next(3, 13)).Select(_ => ((random.NextDouble() * 1.2) - 0.1, (random.NextDouble() * 1.2) - 0.1))];
            case "star":
                {
                    // 5-11 points, inner radius 0.3-0.6 of the outer: concave at every inner vertex.
                    int points = random.Next(5, 12);
                    double cx = 0.3 + (random.NextDouble() * 0.4), cy = 0.3 + (random.NextDouble() * 0.4), outer = 0.2 + (random.NextDouble() * 0.25);
                    double inner = outer * (0.3 + (random.NextDouble() * 0.3)), turn = random.NextDouble();
                    return [.. Enumerable.Range(0, 2 * points).Select(i =>
                    {
                        double r = i % 2 == 0 ? outer : inner, a = turn + (Math.PI * i / points);
                        return (cx + (r * Math.Cos(a)), cy + (r * Math.Sin(a) * Width / Height));
                    })];
                }

            default:
                {
                    // A comb: a spine along the bottom and 3-7 teeth pointing up, corners jittered off the pixel grid.
                    int teeth = random.Next(3, 8);
                    double Jitter() => (random.NextDouble() - 0.5) * 0.01;
                    double left = 0.05 + Jitter(), right = 0.95 + Jitter(), bottom = 0.9 + Jitter(), spine = 0.7 + Jitter();
                    var comb = new List<(double X, double Y)> { (left, bottom), (right, bottom) };
                    double pitch = (right - left) / teeth;
                    for (int t = teeth - 1; t >= 0; t--)
                    {
                        double x0 = left + (t * pitch), top = 0.05 + (random.NextDouble() * 0.3);
                        comb.Add((x0 + pitch + Jitter(), t == teeth - 1 ? bottom : spine));
                        comb.Add((x0 + pitch + Jitter(), top));
                        comb.Add((x0 + (pitch * 0.5) + Jitter(), top + Jitter()));
                        comb.Add((x0 + (pitch * 0.5) + Jitter(), spine));
                    }

                    return comb;
                }
        }
    }

    /// <summary>Winding number of the polygon about (x, y) by summing the signed angles its edges subtend; odd: inside by the even–odd rule.</summary>
    private static bool OddWinding(List<(double X, double Y)> polygon, double x, double y)
    {
        double total = 0;
        for (int i = 0; i < polygon.Count; i++)
        {
            var (ax, ay) = (polygon[i].X - x, polygon[i].Y - y);
            var (bx, by) = (polygon[(i + 1) % polygon.Count].X - x, polygon[(i + 1) % polygon.Count].Y - y);
            total += Math.Atan2((ax * by) - (ay * bx), (ax * bx) + (ay * by));
        }

        long winding = (long)Math.Round(total / (2 * Math.PI));
        return Math.Abs(winding) % 2 == 1;
    }

    private static double DistanceToEdges(List<(double X, double Y)> polygon, double x, double y)
    {
        double nearest = double.MaxValue;
        for (int i = 0; i < polygon.Count; i++)
        {
            var (ax, ay) = polygon[i];
            var (bx, by) = polygon[(i + 1) % polygon.Count];
            double dx = bx - ax, dy = by - ay, length = (dx * dx) + (dy * dy);
            double t = length == 0 ? 0 : Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / length, 0, 1);
            double px = ax + (t * dx) - x, py = ay + (t * dy) - y;
            nearest = Math.Min(nearest, Math.Sqrt((px * px) + (py * py)));
        }

        return nearest;
    }
}
