using OpenCvSharp;
using SmpShade.Api.Infrastructure;
using SmpShade.Colour;
using SmpShade.Colour.Numerics;

namespace SmpShade.Api.Photos.Reference;

/// <summary>A chart found without taps: its corners (normalised, dark-skin corner first, clockwise) and how.</summary>
/// <param name="Corners">The outer corners of the patch area, normalised on the upright photo.</param>
/// <param name="Patches">Patch squares that were seen and fitted to the 6 × 4 grid.</param>
/// <param name="MatchDeltaE">Mean ΔE (CIE 1976) of the 24 patches to the published values after a 3 × 3 fit, in the orientation chosen.</param>
public sealed record FoundChart(IReadOnlyList<(double X, double Y)> Corners, int Patches, double MatchDeltaE);

/// <summary>
/// Finds a ColorChecker Classic 24 (also the Mini and the Passport's Classic side: the same 6 × 4 grid) with no corners
/// given, at any rotation and in mild perspective (issue 13). On a copy downscaled to at most 1000 pixels:
/// 1. patch candidates: the squares of an adaptive threshold at five block sizes (patches are lighter than the dark gaps
///    between them), convex four-sided, nearly square;
/// 2. the largest group of candidates of similar size whose neighbours lie about one patch pitch apart;
/// 3. a lattice: each candidate gets integer grid coordinates along the group's two directions, refined through a
///    homography fitted to all of them; the 6 × 4 (or 4 × 6) windows holding the most squares are the chart's candidates;
/// 4. orientation: of the 8 ways the grid can map onto the chart (4 turns, mirrored or not), the one whose 24 patch
///    colours a 3 × 3 least-squares fit maps closest to the published values (ColorCheckerReference).
/// Refusals are 422 with a stable code: <c>reference.chart_not_found</c>, <c>reference.chart_cut_off</c>,
/// <c>reference.chart_too_small</c>, <c>reference.chart_poor_match</c>.
/// </summary>
public static class ChartFinder
{
    private const int MaxSide = 1000;

    /// <summary>Smallest patch side, in photo pixels, that leaves a sampled middle of at least 4 × 4 pixels.</summary>
    private const double MinPatchSide = 10;

    /// <summary>Above this mean ΔE76 after a 3 × 3 fit the squares are not a ColorChecker (or are too badly lit to trust).</summary>
    private const double MaxMatchDeltaE = 12;

    public static FoundChart Find(PhotoPixels pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var rgb = pixels.Thumbnail(MaxSide, out int width, out int height);
        double toPhoto = (double)pixels.Width / width;
        using var colour = Mat.FromPixelData(height, width, MatType.CV_8UC3, rgb);
        using var gray = new Mat();
        Cv2.CvtColor(colour, gray, ColorConversionCodes.RGB2GRAY);

        var candidates = Candidates(gray);
        var group = LargestGroup(candidates);
        if (group.Count < 6)
        {
            throw NotFound($"{group.Count} patch-like squares were found together; a chart shows 24.");
        }

        double side = group.Average(c => c.Side);
        if (side * toPhoto < MinPatchSide)
        {
            throw ReferenceCorrector.Unusable("reference.chart_too_small", FormattableString.Invariant(
                $"The chart's patches are about {side * toPhoto:F0} pixels wide; at least {MinPatchSide:F0} are needed. Take the photo closer to the chart."));
        }

        var (lattice, toImage) = Lattice(group);
        int iMin = lattice.Min(l => l.I), iMax = lattice.Max(l => l.I), jMin = lattice.Min(l => l.J), jMax = lattice.Max(l => l.J);

        // Every placement of a 6 × 4 (or 4 × 6) window on the grid that covers the most squares seen: more than one when
        // a row or column was not seen, and the window leaves out squares that are not the chart's (a tiled backdrop).
        var windows = new List<(int Oi, int Oj, int Cols, int Rows, int Count)>();
        foreach (var (cols, rows) in new[] { (ChartGeometry.Columns, ChartGeometry.Rows), (ChartGeometry.Rows, ChartGeometry.Columns) })
        {
            for (int oi = iMin - cols + 1; oi <= iMax; oi++)
            {
                for (int oj = jMin - rows + 1; oj <= jMax; oj++)
                {
                    int count = lattice.Count(l => l.I >= oi && l.I < oi + cols && l.J >= oj && l.J < oj + rows);
                    windows.Add((oi, oj, cols, rows, count));
                }
            }
        }

        int most = windows.Max(w => w.Count);
        var best = (DeltaE: double.MaxValue, Corners: Array.Empty<Point2d>());
        bool anyInside = false, anyOutside = false;
        foreach (var (oi, oj, cols, rows, _) in windows.Where(w => w.Count == most))
        {
            bool wide = cols == ChartGeometry.Columns;
            {
                Point2d[] quad = [Map(toImage, oi - 0.5, oj - 0.5), Map(toImage, oi + cols - 0.5, oj - 0.5),
                                  Map(toImage, oi + cols - 0.5, oj + rows - 0.5), Map(toImage, oi - 0.5, oj + rows - 0.5)];
                if (quad.Any(p => p.X < 0 || p.Y < 0 || p.X > width || p.Y > height))
                {
                    anyOutside = true;
                    continue;
                }

                anyInside = true;
                foreach (var corners in Orientations(quad, wide))
                {
                    double de = MatchDeltaE(corners, rgb, width, height, pixels.ColourSpace.Space);
                    if (de < best.DeltaE)
                    {
                        best = (de, corners);
                    }
                }
            }
        }

        if (most < 6)
        {
            throw NotFound($"At most {most} patch-like squares lie in one chart-sized grid; a chart shows 24.");
        }

        // No placement inside the frame, or the ones inside match badly while one running off the edge was as likely.
        if (!anyInside || (anyOutside && best.DeltaE > MaxMatchDeltaE))
        {
            throw ReferenceCorrector.Unusable("reference.chart_cut_off",
                "The chart runs off the edge of the photo. Take the photo with the whole chart inside the frame, or tap its four corners.");
        }

        if (best.DeltaE > MaxMatchDeltaE)
        {
            throw ReferenceCorrector.Unusable("reference.chart_poor_match", FormattableString.Invariant(
                $"Squares like a chart's were found, but their colours do not match a ColorChecker 24 (mean ΔE {best.DeltaE:F0} after the best fit). Check that the Classic side faces the camera, evenly lit, or tap its four corners."));
        }

        return new FoundChart([.. best.Corners.Select(p => (Math.Round(p.X / width, 5), Math.Round(p.Y / height, 5)))], group.Count, Math.Round(best.DeltaE, 2));
    }

    private sealed record Square(Point2d Centre, double Side);

    private static List<Square> Candidates(Mat gray)
    {
        var found = new List<Square>();
        int longest = Math.Max(gray.Width, gray.Height);
        using var binary = new Mat();
        // Adaptive threshold blocks of 2–3 patch sides, for charts filling the frame (patches ≈ 1/5 of it) down to small ones (≈ 1/60).
        foreach (int divisor in new[] { 2, 4, 8, 16, 24 })
        {
            int block = Math.Max(3, (longest / divisor) | 1);
            Cv2.AdaptiveThreshold(gray, binary, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, block, -2);
            Cv2.FindContours(binary, out Point[][] contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);
            foreach (var contour in contours)
            {
                double area = Cv2.ContourArea(contour);
                if (area < 36 || area > gray.Width * gray.Height / 8.0)
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

    /// <summary>Squares of similar size (within 35 %) that have neighbours 1–1.8 sides away, grouped transitively.</summary>
    private static List<Square> LargestGroup(List<Square> squares)
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

        return Enumerable.Range(0, n).GroupBy(Root).MaxBy(g => g.Count())?.Select(i => squares[i]).ToList() ?? [];
    }

    /// <summary>Integer grid coordinates for each square and the homography grid → thumbnail pixels.</summary>
    private static (List<(int I, int J, Point2d Centre)> Lattice, double[,] ToImage) Lattice(List<Square> group)
    {
        // The pitch and direction from each square's nearest neighbour; the direction folded into 0°–90°.
        var steps = group.Select(s => group.Where(o => o != s).MinBy(o => Distance(o.Centre, s.Centre))!)
            .Zip(group, (o, s) => (Dx: o.Centre.X - s.Centre.X, Dy: o.Centre.Y - s.Centre.Y)).ToList();
        double pitch = Median(steps.Select(v => Math.Sqrt((v.Dx * v.Dx) + (v.Dy * v.Dy))));
        double angle = CircularMedian90(steps.Select(v => Math.Atan2(v.Dy, v.Dx)));
        var u = new Point2d(Math.Cos(angle) * pitch, Math.Sin(angle) * pitch);
        var v = new Point2d(-u.Y, u.X);
        var origin = group.OrderBy(s => Distance(s.Centre, Centroid(group))).First().Centre;
        double det = (u.X * v.Y) - (u.Y * v.X);
        var coords = group.Select(s =>
        {
            double dx = s.Centre.X - origin.X, dy = s.Centre.Y - origin.Y;
            return ((dx * v.Y) - (dy * v.X)) / det is var a && ((u.X * dy) - (u.Y * dx)) / det is var b
                ? (I: (int)Math.Round(a), J: (int)Math.Round(b), s.Centre) : default;
        }).ToList();

        double[,] h = Identity();
        for (int pass = 0; pass < 3; pass++)
        {
            // Keep one square per grid cell, then fit grid → image and re-read the grid coordinates through it.
            var unique = coords.GroupBy(c => (c.I, c.J)).Select(g => g.First()).ToList();
            if (unique.Count < 4)
            {
                throw NotFound("The squares found do not form a grid.");
            }

            using var src = Mat.FromArray(unique.Select(c => new Point2d(c.I, c.J)).ToArray());
            using var dst = Mat.FromArray(unique.Select(c => c.Centre).ToArray());
            using var fitted = Cv2.FindHomography(src, dst, HomographyMethods.None);
            if (fitted.Empty())
            {
                throw NotFound("The squares found do not form a grid.");
            }

            h = new double[3, 3];
            for (int r = 0; r < 3; r++)
            {
                for (int c = 0; c < 3; c++)
                {
                    h[r, c] = fitted.At<double>(r, c);
                }
            }

            var inverse = Invert(h);
            coords = [.. coords.Select(c =>
            {
                var g = Map(inverse, c.Centre.X, c.Centre.Y);
                return (I: (int)Math.Round(g.X), J: (int)Math.Round(g.Y), c.Centre);
            })];
        }

        return (coords.GroupBy(c => (c.I, c.J)).Select(g => g.First()).ToList(), h);
    }

    /// <summary>The 8 corner orders of a grid quad (its corners at grid (0,0), (c,0), (c,r), (0,r)): 4 starting corners × 2 directions, keeping those whose first edge runs along the chart's 6 columns.</summary>
    private static IEnumerable<Point2d[]> Orientations(Point2d[] quad, bool wide)
    {
        for (int start = 0; start < 4; start++)
        {
            foreach (int dir in new[] { 1, 3 })
            {
                var order = Enumerable.Range(0, 4).Select(k => quad[(start + (k * dir)) % 4]).ToArray();
                // The first edge (dark skin → bluish green) spans the 6 columns: along the grid's long side.
                bool firstEdgeAlongI = (start % 2 == 0) == (dir == 1);
                if (firstEdgeAlongI == wide)
                {
                    yield return order;
                }
            }
        }
    }

    /// <summary>Mean ΔE76 of the 24 patch means (middle 40 %, thumbnail pixels) to the published Lab after a 3 × 3 least-squares fit of linear RGB → XYZ.</summary>
    private static double MatchDeltaE(Point2d[] corners, byte[] rgb, int width, int height, RgbColourSpace space)
    {
        var quads = ChartGeometry.PatchSamplingQuads([.. corners.Select(c => (c.X, c.Y))]);
        var x = new double[24, 3];
        var y = new double[24, 3];
        for (int p = 0; p < 24; p++)
        {
            var poly = quads[p];
            int x0 = Math.Max(0, (int)poly.Min(q => q.X)), x1 = Math.Min(width - 1, (int)poly.Max(q => q.X));
            int y0 = Math.Max(0, (int)poly.Min(q => q.Y)), y1 = Math.Min(height - 1, (int)poly.Max(q => q.Y));
            double r = 0, g = 0, b = 0;
            int count = 0;
            for (int yy = y0; yy <= y1; yy++)
            {
                for (int xx = x0; xx <= x1; xx++)
                {
                    if (Geometry.Contains(poly, xx + 0.5, yy + 0.5))
                    {
                        int i = ((yy * width) + xx) * 3;
                        var lin = space.ToLinear8(rgb[i], rgb[i + 1], rgb[i + 2]);
                        (r, g, b, count) = (r + lin.R, g + lin.G, b + lin.B, count + 1);
                    }
                }
            }

            count = Math.Max(1, count);
            (x[p, 0], x[p, 1], x[p, 2]) = (r / count, g / count, b / count);
            var target = ColorCheckerReference.XyzD65[p];
            (y[p, 0], y[p, 1], y[p, 2]) = (target.X, target.Y, target.Z);
        }

        var m = LinearSolver.LeastSquares(x, y);
        if (m is null)
        {
            return double.MaxValue;
        }

        double sum = 0;
        for (int p = 0; p < 24; p++)
        {
            var fitted = new Xyz(
                (x[p, 0] * m[0, 0]) + (x[p, 1] * m[1, 0]) + (x[p, 2] * m[2, 0]),
                (x[p, 0] * m[0, 1]) + (x[p, 1] * m[1, 1]) + (x[p, 2] * m[2, 1]),
                (x[p, 0] * m[0, 2]) + (x[p, 1] * m[1, 2]) + (x[p, 2] * m[2, 2]));
            sum += DeltaE.Cie76(ColorCheckerReference.LabD65[p], fitted.ToLab(WhitePoint.D65));
        }

        return sum / 24;
    }

    private static ProblemException NotFound(string why) => ReferenceCorrector.Unusable("reference.chart_not_found",
        why + " No ColorChecker 24 was found: photograph its Classic side whole, facing the camera, or tap its four corners.");

    private static Point2d Map(double[,] h, double x, double y)
    {
        double w = (h[2, 0] * x) + (h[2, 1] * y) + h[2, 2];
        return new Point2d(((h[0, 0] * x) + (h[0, 1] * y) + h[0, 2]) / w, ((h[1, 0] * x) + (h[1, 1] * y) + h[1, 2]) / w);
    }

    private static double[,] Invert(double[,] h) => LinearSolver.Inverse(h) ?? throw NotFound("The squares found do not form a grid.");

    private static double[,] Identity() => new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };

    private static double Distance(Point2d a, Point2d b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static Point2d Centroid(List<Square> group) => new(group.Average(s => s.Centre.X), group.Average(s => s.Centre.Y));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
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
