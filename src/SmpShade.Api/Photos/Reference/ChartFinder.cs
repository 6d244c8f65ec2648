using OpenCvSharp;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Photos.Reference;

/// <summary>A chart found without taps: its corners (normalised, dark-skin corner first, clockwise) and how.</summary>
/// <param name="Corners">The outer corners of the patch area, normalised on the upright photo.</param>
/// <param name="Patches">Patch squares that were seen and fitted to the 6 × 4 grid.</param>
/// <param name="MatchDeltaE">Mean ΔE (CIE 1976) of the fitted patches to the published values after a 3 × 3 fit, in the orientation chosen.</param>
/// <param name="Occluded">Patches (chart order, 0 = dark skin) taken as hidden: no square seen there and far off the fit.</param>
public sealed record FoundChart(IReadOnlyList<(double X, double Y)> Corners, int Patches, double MatchDeltaE, IReadOnlyList<int> Occluded);

/// <summary>
/// Finds a ColorChecker Classic 24 (also the Mini and the Passport's Classic side: the same 6 × 4 grid) with no corners
/// given, at any rotation and in mild perspective (issue 13), coarse to fine:
/// 1. on a copy at most <see cref="CoarseSide"/> pixels long, patch-like squares (<see cref="ChartSquares"/>: an
///    adaptive threshold at five block sizes), grouped by size and spacing, each group placed on a grid by a robust
///    homography; every 6 × 4 (or 4 × 6) window holding the most squares is tried in its 8 orientations by colour
///    (<see cref="ChartColours"/>);
/// 2. around the best, a crop of the photo read at about <see cref="FinePitch"/> pixels a patch: the squares again
///    (block sizes from the known pitch), the grid refitted through them, the corners and colours measured there.
/// Refusals are 422 with a stable code: <c>reference.chart_not_found</c>, <c>reference.chart_cut_off</c>,
/// <c>reference.chart_too_small</c>, <c>reference.chart_poor_match</c>.
/// </summary>
public static class ChartFinder
{
    /// <summary>Longer side of the coarse copy: a chart whose patches are about 1/80 of the frame or more is seen there (6 pixels).</summary>
    private const int CoarseSide = 640;

    /// <summary>Patch pitch, in pixels, of the fine crop (or the photo's own, if smaller).</summary>
    private const double FinePitch = 32;

    /// <summary>Smallest patch side, in photo pixels, that leaves a sampled middle of at least 4 × 4 pixels.</summary>
    private const double MinPatchSide = 10;

    /// <summary>Above this mean ΔE76 after a 3 × 3 fit the squares are not a ColorChecker (or are too badly lit to trust).</summary>
    private const double MaxMatchDeltaE = 20;

    /// <summary>Groups of squares tried (a chart beside a tiled backdrop or a pegboard).</summary>
    private const int MaxGroups = 3;

    private const int MinSquares = 6;

    /// <summary>Coarse block sizes as fractions of the copy's longer side: 2–3 patch sides, for charts filling the frame (patches ≈ 1/5 of it) down to small ones (≈ 1/60).</summary>
    private static readonly int[] CoarseDivisors = [2, 4, 8, 16, 24];

    /// <summary>Fine block sizes, in patch pitches: the middle one suits a patch among its neighbours, the small one an edge patch against a light background.</summary>
    private static readonly double[] FineBlocks = [1.5, 2.5, 4];

    public static FoundChart Find(PhotoPixels pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var space = pixels.ColourSpace.Space;
        var coarse = new RgbCopy(pixels.Thumbnail(CoarseSide, out int width, out int height), width, height);
        double toPhotoX = (double)pixels.Width / width, toPhotoY = (double)pixels.Height / height;
        using var gray = Gray(coarse);
        int longest = Math.Max(width, height);
        var squares = ChartSquares.Find(gray, CoarseDivisors.Select(d => longest / d), 36);
        var groups = ChartSquares.Groups(squares, MinSquares);
        if (groups.Count == 0)
        {
            int largest = ChartSquares.Groups(squares, 1).FirstOrDefault()?.Count ?? 0;
            throw NotFound($"{largest} patch-like squares were found together; a chart shows 24.");
        }

        double side = groups[0].Average(c => c.Side) * Math.Min(toPhotoX, toPhotoY);
        if (side < MinPatchSide)
        {
            throw ReferenceCorrector.Unusable("reference.chart_too_small", FormattableString.Invariant(
                $"The chart's patches are about {side:F0} pixels wide; at least {MinPatchSide:F0} are needed. Take the photo closer to the chart."));
        }

        (SquareGrid Grid, GridWindow Window, ChartPlacement Placement)? best = null;
        bool anyOutside = false;
        int most = 0;
        foreach (var group in groups.Take(MaxGroups))
        {
            if (ChartSquares.Lattice(group) is not { } grid)
            {
                continue;
            }

            var seen = grid.Cells.Select(c => (c.I, c.J)).ToHashSet();
            var (windows, count) = Windows(grid);
            most = Math.Max(most, count);
            foreach (var window in count >= MinSquares ? windows : [])
            {
                if (!Inside(window.Outline.Select(p => ChartSquares.Map(grid.ToImage, p.X, p.Y)), width, height))
                {
                    anyOutside = true;
                    continue;
                }

                var placement = ChartColours.Best(coarse, grid.ToImage, window, seen, space);
                if (placement is not null && (best is null || placement.DeltaE < best.Value.Placement.DeltaE))
                {
                    best = (grid, window, placement);
                }
            }
        }

        if (most < MinSquares)
        {
            throw NotFound($"At most {most} patch-like squares lie in one chart-sized grid; a chart shows 24.");
        }

        var (found, fine) = best is { } b ? Refine(pixels, b.Grid, b.Window, toPhotoX, toPhotoY) : (0, null);
        // No placement inside the frame, or the ones inside match badly while one running off the edge was as likely.
        if (fine is null || (anyOutside && fine.DeltaE > MaxMatchDeltaE))
        {
            throw ReferenceCorrector.Unusable("reference.chart_cut_off",
                "The chart runs off the edge of the photo. Take the photo with the whole chart inside the frame, or tap its four corners.");
        }

        if (fine.DeltaE > MaxMatchDeltaE)
        {
            throw ReferenceCorrector.Unusable("reference.chart_poor_match", FormattableString.Invariant(
                $"Squares like a chart's were found, but their colours do not match a ColorChecker 24 (mean ΔE {fine.DeltaE:F0} after the best fit). Check that the Classic side faces the camera, evenly lit, or tap its four corners."));
        }

        return new FoundChart([.. fine.Corners.Select(p => (Math.Round(p.X / pixels.Width, 5), Math.Round(p.Y / pixels.Height, 5)))],
            found, Math.Round(fine.DeltaE, 2), fine.Occluded);
    }

    /// <summary>
    /// The fine step: the chart's surroundings (one pitch around it) read from the photo at about <see cref="FinePitch"/>
    /// pixels a patch, squares found there with block sizes from that pitch, the coarse grid refitted through those
    /// on its nodes, and the orientation chosen again on these pixels. Returns the squares seen in the window (fine or
    /// coarse) and the placement in photo pixels; null when it runs off the photo.
    /// </summary>
    private static (int Seen, ChartPlacement? Placement) Refine(PhotoPixels pixels, SquareGrid grid, GridWindow window, double toPhotoX, double toPhotoY)
    {
        var outline = window.Outline.Select(p => ChartSquares.Map(grid.ToImage, p.X, p.Y)).Select(p => new Point2d(p.X * toPhotoX, p.Y * toPhotoY)).ToArray();
        double perimeter = Enumerable.Range(0, 4).Sum(k => ChartSquares.Distance(outline[k], outline[(k + 1) % 4]));
        double pitch = perimeter / (2 * (window.Cols + window.Rows));
        double scale = Math.Min(1, FinePitch / pitch);
        int left = (int)Math.Floor(outline.Min(p => p.X) - pitch), top = (int)Math.Floor(outline.Min(p => p.Y) - pitch);
        int right = (int)Math.Ceiling(outline.Max(p => p.X) + pitch), bottom = (int)Math.Ceiling(outline.Max(p => p.Y) + pitch);
        (left, top) = (Math.Max(0, left), Math.Max(0, top));
        (right, bottom) = (Math.Min(pixels.Width, right), Math.Min(pixels.Height, bottom));
        int maxSide = (int)Math.Ceiling(Math.Max(right - left, bottom - top) * scale);
        var crop = new RgbCopy(pixels.CropThumbnail(left, top, right - left, bottom - top, maxSide, out int w, out int h), w, h);
        double sx = (double)w / (right - left), sy = (double)h / (bottom - top);

        // Grid → crop: the coarse grid → coarse copy, then coarse → photo → crop.
        double[,] toCrop = Multiply(new double[,] { { toPhotoX * sx, 0, -left * sx }, { 0, toPhotoY * sy, -top * sy }, { 0, 0, 1 } }, grid.ToImage);
        double finePitch = pitch * Math.Sqrt(sx * sy);
        using var gray = Gray(crop);
        var inverse = ChartSquares.Invert(toCrop);
        var squares = ChartSquares.Find(gray, FineBlocks.Select(k => (int)Math.Round(k * finePitch)), Math.Pow(0.35 * finePitch, 2))
            .Where(s => inverse is not null && ChartSquares.Map(inverse, s.Centre.X, s.Centre.Y) is var g
                && g.X > window.Oi - 0.5 && g.X < window.Oi + window.Cols - 0.5 && g.Y > window.Oj - 0.5 && g.Y < window.Oj + window.Rows - 0.5)
            .ToList();
        var settled = ChartSquares.Settle(squares, toCrop, finePitch);
        var seen = grid.Cells.Select(c => (c.I, c.J)).ToHashSet();
        if (settled is not null && settled.Cells.Count >= MinSquares)
        {
            toCrop = settled.ToImage;
            seen.UnionWith(settled.Cells.Select(c => (c.I, c.J)));
        }

        seen.RemoveWhere(c => c.I < window.Oi || c.I >= window.Oi + window.Cols || c.J < window.Oj || c.J >= window.Oj + window.Rows);
        var cropOutline = window.Outline.Select(p => ChartSquares.Map(toCrop, p.X, p.Y)).ToArray();
        if (!Inside(cropOutline.Select(p => new Point2d((p.X / sx) + left, (p.Y / sy) + top)), pixels.Width, pixels.Height))
        {
            return (seen.Count, null);
        }

        var placement = ChartColours.Best(crop, toCrop, window, seen, pixels.ColourSpace.Space);
        return (seen.Count, placement is null ? null : placement with
        {
            Corners = [.. placement.Corners.Select(p => new Point2d((p.X / sx) + left, (p.Y / sy) + top))],
        });
    }

    /// <summary>Every placement of a 6 × 4 (or 4 × 6) window on the grid that covers the most squares seen: more than one when a row or column was not seen.</summary>
    private static (List<GridWindow> Windows, int Count) Windows(SquareGrid grid)
    {
        var cells = grid.Cells;
        int iMin = cells.Min(l => l.I), iMax = cells.Max(l => l.I), jMin = cells.Min(l => l.J), jMax = cells.Max(l => l.J);
        var windows = new List<(GridWindow Window, int Count)>();
        foreach (var (cols, rows) in new[] { (ChartGeometry.Columns, ChartGeometry.Rows), (ChartGeometry.Rows, ChartGeometry.Columns) })
        {
            for (int oi = iMin - cols + 1; oi <= iMax; oi++)
            {
                for (int oj = jMin - rows + 1; oj <= jMax; oj++)
                {
                    int count = cells.Count(l => l.I >= oi && l.I < oi + cols && l.J >= oj && l.J < oj + rows);
                    windows.Add((new GridWindow(oi, oj, cols, rows), count));
                }
            }
        }

        int most = windows.Max(w => w.Count);
        return ([.. windows.Where(w => w.Count == most).Select(w => w.Window)], most);
    }

    private static bool Inside(IEnumerable<Point2d> points, int width, int height) =>
        points.All(p => p.X >= 0 && p.Y >= 0 && p.X <= width && p.Y <= height);

    private static Mat Gray(RgbCopy copy)
    {
        using var colour = Mat.FromPixelData(copy.Height, copy.Width, MatType.CV_8UC3, copy.Rgb);
        var gray = new Mat();
        Cv2.CvtColor(colour, gray, ColorConversionCodes.RGB2GRAY);
        return gray;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var m = new double[3, 3];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                m[r, c] = (a[r, 0] * b[0, c]) + (a[r, 1] * b[1, c]) + (a[r, 2] * b[2, c]);
            }
        }

        return m;
    }

    private static ProblemException NotFound(string why) => ReferenceCorrector.Unusable("reference.chart_not_found",
        why + " No ColorChecker 24 was found: photograph its Classic side whole, facing the camera, or tap its four corners.");
}
