using OpenCvSharp;
using SmpShade.Colour.Numerics;

namespace SmpShade.Api.Photos.Reference;

/// <summary>A patch-like square seen in a grey image: its centre and side, in that image's pixels.</summary>
internal sealed record Square(Point2d Centre, double Side);

/// <summary>Squares placed on a grid: integer grid coordinates (patch centres one unit apart) and the homography grid → image.</summary>
/// <param name="Cells">One square per grid node, each within a third of a pitch of its node.</param>
/// <param name="ToImage">Grid (i, j) → image pixels.</param>
/// <param name="Side">Median side of the squares, image pixels.</param>
internal sealed record SquareGrid(IReadOnlyList<(int I, int J, Point2d Centre)> Cells, double[,] ToImage, double Side);

/// <summary>
/// The geometric half of the chart search (<see cref="ChartFinder"/>): squares from an adaptive threshold (patches are
/// lighter than the dark gaps between them), grouped by size and spacing, and placed on a grid by a robust homography.
/// </summary>
internal static class ChartSquares
{
    /// <summary>A square may lie this share of a pitch from its grid node after the fit (a stray square half a pitch off is dropped).</summary>
    private const double NodeTolerance = 0.3;

    /// <summary>Convex four-sided, nearly square contours of the image thresholded at each block size (odd, pixels).</summary>
    public static List<Square> Find(Mat gray, IEnumerable<int> blocks, double minArea)
    {
        var found = new List<Square>();
        using var binary = new Mat();
        double maxArea = gray.Width * gray.Height / 8.0;
        foreach (int block in blocks)
        {
            Cv2.AdaptiveThreshold(gray, binary, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, Math.Max(3, block | 1), -2);
            Cv2.FindContours(binary, out Point[][] contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);
            foreach (var contour in contours)
            {
                double area = Cv2.ContourArea(contour);
                if (area < minArea || area > maxArea)
                {
                    continue;
                }

                var poly = Cv2.ApproxPolyDP(contour, 0.08 * Cv2.ArcLength(contour, true), true);
                if (poly.Length != 4 || !Cv2.IsContourConvex(poly))
                {
                    continue;
                }

                var box = Cv2.MinAreaRect(poly);
                double w = box.Size.Width, h = box.Size.Height;
                if (w < 1 || h < 1 || Math.Max(w, h) / Math.Min(w, h) > 1.6 || area / (w * h) < 0.8)
                {
                    continue;
                }

                var centre = new Point2d(box.Center.X, box.Center.Y);
                double side = Math.Sqrt(area);
                if (!found.Any(f => Distance(f.Centre, centre) < 0.3 * Math.Min(side, f.Side)))
                {
                    found.Add(new Square(centre, side));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Groups of squares of similar size (within 35 %) with neighbours 1–1.8 sides away, grouped transitively, largest
    /// first, each of at least <paramref name="minCount"/> squares (a chart beside a tiled backdrop is a second group).
    /// </summary>
    public static List<List<Square>> Groups(List<Square> squares, int minCount)
    {
        int n = squares.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                var (sa, sb) = (squares[a], squares[b]);
                double ratio = sa.Side / sb.Side;
                double d = Distance(sa.Centre, sb.Centre) / ((sa.Side + sb.Side) / 2);
                if (ratio is > 0.74 and < 1.35 && d is > 0.95 and < 1.8)
                {
                    parent[Root(a)] = Root(b);
                }
            }
        }

        return [.. Enumerable.Range(0, n).GroupBy(Root).Where(g => g.Count() >= minCount)
            .OrderByDescending(g => g.Count()).Select(g => g.Select(i => squares[i]).ToList())];
    }

    /// <summary>A grid through a group: axes from each square's nearest neighbour, then <see cref="Settle"/>. Null when the squares form no grid.</summary>
    public static SquareGrid? Lattice(List<Square> group)
    {
        // The pitch and direction from each square's nearest neighbour; the direction folded into 0°–90°.
        var steps = group.Select(s => group.Where(o => o != s).MinBy(o => Distance(o.Centre, s.Centre))!)
            .Zip(group, (o, s) => (Dx: o.Centre.X - s.Centre.X, Dy: o.Centre.Y - s.Centre.Y)).ToList();
        double pitch = Median(steps.Select(v => Math.Sqrt((v.Dx * v.Dx) + (v.Dy * v.Dy))));
        double angle = CircularMedian90(steps.Select(v => Math.Atan2(v.Dy, v.Dx)));
        var origin = group.OrderBy(s => Distance(s.Centre, Centroid(group))).First().Centre;
        // Grid → image is the similarity origin + i·u + j·v (u along the angle, v a quarter turn on, both one pitch long).
        double c = Math.Cos(angle) * pitch, s = Math.Sin(angle) * pitch;
        double[,] start = { { c, -s, origin.X }, { s, c, origin.Y }, { 0, 0, 1 } };
        return Settle(group, start, pitch);
    }

    /// <summary>
    /// From a first grid → image guess: each square takes the nearest grid node (if within a third of a pitch), one
    /// square per node, and grid → image is refitted by RANSAC (inliers within a quarter pitch), three times; squares
    /// off their node at the end are dropped. Null when fewer than 4 squares agree on a grid.
    /// </summary>
    public static SquareGrid? Settle(IReadOnlyList<Square> squares, double[,] toImage, double pitch)
    {
        double[,] h = toImage;
        List<(int I, int J, Point2d Centre)> cells = [];
        for (int pass = 0; pass < 3; pass++)
        {
            var inverse = Invert(h);
            if (inverse is null)
            {
                return null;
            }

            cells = Nearest(squares, inverse, NodeTolerance + 0.1);
            if (cells.Count < 4)
            {
                return null;
            }

            using var src = Mat.FromArray(cells.Select(c => new Point2d(c.I, c.J)).ToArray());
            using var dst = Mat.FromArray(cells.Select(c => c.Centre).ToArray());
            using var fitted = Cv2.FindHomography(src, dst, HomographyMethods.Ransac, 0.25 * pitch);
            if (fitted.Empty())
            {
                return null;
            }

            h = FromMat(fitted);
        }

        var kept = cells.Where(c => Distance(Map(h, c.I, c.J), c.Centre) < NodeTolerance * pitch).ToList();
        if (kept.Count < 4)
        {
            return null;
        }

        double side = Median(squares.Where(s => kept.Any(k => k.Centre == s.Centre)).Select(s => s.Side));
        return new SquareGrid(kept, h, side);
    }

    /// <summary>Each square's nearest grid node, when within <paramref name="tolerance"/> of a unit; the square nearest its node wins a shared node.</summary>
    private static List<(int I, int J, Point2d Centre)> Nearest(IReadOnlyList<Square> squares, double[,] toGrid, double tolerance) =>
        [.. squares.Select(s => (Grid: Map(toGrid, s.Centre.X, s.Centre.Y), s.Centre))
            .Select(g => (I: (int)Math.Round(g.Grid.X), J: (int)Math.Round(g.Grid.Y), g.Centre, Off: Distance(g.Grid, new Point2d(Math.Round(g.Grid.X), Math.Round(g.Grid.Y)))))
            .Where(g => g.Off < tolerance)
            .GroupBy(g => (g.I, g.J))
            .Select(g => g.MinBy(x => x.Off))
            .Select(g => (g.I, g.J, g.Centre))];

    /// <summary>Where the 3 × 3 projective matrix <paramref name="h"/> takes (x, y).</summary>
    public static Point2d Map(double[,] h, double x, double y)
    {
        double w = (h[2, 0] * x) + (h[2, 1] * y) + h[2, 2];
        return new(((h[0, 0] * x) + (h[0, 1] * y) + h[0, 2]) / w, ((h[1, 0] * x) + (h[1, 1] * y) + h[1, 2]) / w);
    }

    public static double[,]? Invert(double[,] h) => LinearSolver.Inverse(h);

    private static double[,] FromMat(Mat m)
    {
        var h = new double[3, 3];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                h[r, c] = m.At<double>(r, c);
            }
        }

        return h;
    }

    public static double Distance(Point2d a, Point2d b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static Point2d Centroid(List<Square> group) => new(group.Average(s => s.Centre.X), group.Average(s => s.Centre.Y));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    /// <summary>The dominant direction of a set of angles modulo 90° (a grid's two directions fold onto one).</summary>
    private static double CircularMedian90(IEnumerable<double> angles)
    {
        // Average on the circle of 4θ, so θ and θ + 90° agree.
        double sx = 0, sy = 0;
        foreach (var a in angles)
        {
            sx += Math.Cos(4 * a);
            sy += Math.Sin(4 * a);
        }

        return Math.Atan2(sy, sx) / 4;
    }
}
