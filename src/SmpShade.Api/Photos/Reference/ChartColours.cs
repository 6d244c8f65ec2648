using OpenCvSharp;
using SmpShade.Colour;
using SmpShade.Colour.Numerics;

namespace SmpShade.Api.Photos.Reference;

/// <summary>An 8-bit upright RGB copy of the photo or part of it: interleaved bytes and size.</summary>
internal sealed record RgbCopy(byte[] Rgb, int Width, int Height);

/// <summary>Cells of a grid that may be the chart: top-left cell (<paramref name="Oi"/>, <paramref name="Oj"/>), <paramref name="Cols"/> × <paramref name="Rows"/> cells.</summary>
internal readonly record struct GridWindow(int Oi, int Oj, int Cols, int Rows)
{
    /// <summary>The window's outer corners in grid coordinates (nodes are cell centres, so half a cell out), clockwise from (Oi, Oj).</summary>
    public Point2d[] Outline =>
    [
        new(Oi - 0.5, Oj - 0.5), new(Oi + Cols - 0.5, Oj - 0.5), new(Oi + Cols - 0.5, Oj + Rows - 0.5), new(Oi - 0.5, Oj + Rows - 0.5),
    ];
}

/// <summary>A placement of the chart: its outer corners (pixels of the copy, dark-skin corner first) and how its colours fit.</summary>
/// <param name="Corners">Outer corners of the patch area, pixels of the copy, dark-skin corner first, clockwise.</param>
/// <param name="DeltaE">Mean ΔE76 of the fitted patches to the published values after a 3 × 3 fit.</param>
/// <param name="Occluded">Patches (chart order) left out as hidden: no square seen there and far off the fit.</param>
internal sealed record ChartPlacement(Point2d[] Corners, double DeltaE, int[] Occluded);

/// <summary>
/// The colour half of the chart search (<see cref="ChartFinder"/>): which of the 8 ways a 6 × 4 window of the grid can
/// be the chart (4 turns, mirrored or not) makes its 24 patch colours closest to the published ones after a 3 × 3
/// least-squares fit of linear RGB → XYZ (ColorCheckerReference), with hidden patches left out.
/// </summary>
internal static class ChartColours
{
    /// <summary>
    /// A patch where no square was seen is taken as hidden (a leaf, a finger, a label over it) when the fit through the
    /// others misses it by more than this ΔE76: about twice the worst patch of a correctly placed real chart here
    /// (docs/auto-regions.md, "The chart without taps").
    /// </summary>
    public const double OccludedDeltaE = 25;

    /// <summary>Standard deviation, in 8-bit levels of any channel, above which a patch's sampled middle holds two surfaces (a leaf's edge across it).</summary>
    private const double MixedSpread = 8;

    /// <summary>
    /// Exponents applied to the linearised values before the 3 × 3 fit: a phone's own tone curve (a contrast S-curve, a
    /// brightened exposure) is not the profile's, and one exponent per fit takes up most of that difference.
    /// </summary>
    private static readonly double[] ToneExponents = [0.5, 0.7, 1, 1.4, 2];

    /// <summary>The best of the 8 orientations of <paramref name="window"/>; null when no orientation can be fitted.</summary>
    /// <param name="copy">The pixels the grid was found in.</param>
    /// <param name="toImage">Grid → copy pixels.</param>
    /// <param name="window">The 6 × 4 or 4 × 6 cells.</param>
    /// <param name="seen">Grid cells where a patch square was seen.</param>
    /// <param name="space">The photo's colour space (linearises the copy's 8-bit values).</param>
    public static ChartPlacement? Best(RgbCopy copy, double[,] toImage, GridWindow window, IReadOnlySet<(int I, int J)> seen, RgbColourSpace space)
    {
        var means = new Dictionary<(int I, int J), (LinearRgb Mean, bool Mixed)>();
        for (int i = window.Oi; i < window.Oi + window.Cols; i++)
        {
            for (int j = window.Oj; j < window.Oj + window.Rows; j++)
            {
                means[(i, j)] = CellMean(copy, toImage, i, j, space);
            }
        }


        // The centres of the corner cells and the outer corners, in the same clockwise order.
        (int I, int J)[] cells = [(window.Oi, window.Oj), (window.Oi + window.Cols - 1, window.Oj),
            (window.Oi + window.Cols - 1, window.Oj + window.Rows - 1), (window.Oi, window.Oj + window.Rows - 1)];
        var outline = window.Outline;
        ChartPlacement? best = null;
        for (int start = 0; start < 4; start++)
        {
            foreach (int dir in new[] { 1, 3 })
            {
                int[] order = [.. Enumerable.Range(0, 4).Select(k => (start + (k * dir)) % 4)];
                var (a, b, d) = (cells[order[0]], cells[order[1]], cells[order[3]]);
                // The first edge (dark skin → bluish green) spans the chart's 6 columns.
                if (Math.Max(Math.Abs(b.I - a.I), Math.Abs(b.J - a.J)) != ChartGeometry.Columns - 1)
                {
                    continue;
                }

                var x = new LinearRgb[ChartGeometry.Columns * ChartGeometry.Rows];
                var isSeen = new bool[x.Length];
                var isMixed = new bool[x.Length];
                for (int r = 0; r < ChartGeometry.Rows; r++)
                {
                    for (int c = 0; c < ChartGeometry.Columns; c++)
                    {
                        int i = a.I + (c * (b.I - a.I) / (ChartGeometry.Columns - 1)) + (r * (d.I - a.I) / (ChartGeometry.Rows - 1));
                        int j = a.J + (c * (b.J - a.J) / (ChartGeometry.Columns - 1)) + (r * (d.J - a.J) / (ChartGeometry.Rows - 1));
                        (x[(r * ChartGeometry.Columns) + c], isMixed[(r * ChartGeometry.Columns) + c]) = means[(i, j)];
                        isSeen[(r * ChartGeometry.Columns) + c] = seen.Contains((i, j));
                    }
                }

                var (deltaE, occluded) = ToneExponents.Select(g => RobustFit([.. x.Select(v => new LinearRgb(Math.Pow(v.R, g), Math.Pow(v.G, g), Math.Pow(v.B, g)))], isSeen, isMixed))
                    .MinBy(f => f.DeltaE);
                if (best is null || deltaE < best.DeltaE)
                {
                    best = new ChartPlacement([.. order.Select(k => ChartSquares.Map(toImage, outline[k].X, outline[k].Y))], deltaE, occluded);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Mean ΔE76 of the fitted patches after a 3 × 3 least-squares fit, leaving out patches with no usable mean (NaN) and,
    /// one at a time, the worst unseen patch the fit misses by more than <see cref="OccludedDeltaE"/>, while at least
    /// <see cref="ReferenceCorrector.MinimumUsablePatches"/> remain.
    /// </summary>
    public static (double DeltaE, int[] Occluded) RobustFit(LinearRgb[] x, bool[] seen, bool[] mixed)
    {
        var usable = Enumerable.Range(0, x.Length).Where(p => double.IsFinite(x[p].R + x[p].G + x[p].B)).ToList();
        var occluded = usable.Where(p => mixed[p]).Take(usable.Count - ReferenceCorrector.MinimumUsablePatches).ToList();
        var de = new double[x.Length];
        while (true)
        {
            var fit = usable.Except(occluded).ToList();
            var m = fit.Count < 3 ? null : LinearSolver.LeastSquares(Design(x, fit), Targets(fit));
            if (m is null)
            {
                return (double.MaxValue, []);
            }

            foreach (int p in usable)
            {
                var fitted = new Xyz(
                    (x[p].R * m[0, 0]) + (x[p].G * m[1, 0]) + (x[p].B * m[2, 0]),
                    (x[p].R * m[0, 1]) + (x[p].G * m[1, 1]) + (x[p].B * m[2, 1]),
                    (x[p].R * m[0, 2]) + (x[p].G * m[1, 2]) + (x[p].B * m[2, 2]));
                de[p] = DeltaE.Cie76(ColorCheckerReference.LabD65[p], fitted.ToLab(WhitePoint.D65));
            }

            var hidden = fit.Where(p => !seen[p] && de[p] > OccludedDeltaE).OrderByDescending(p => de[p]).ToList();
            if (hidden.Count == 0 || fit.Count <= ReferenceCorrector.MinimumUsablePatches)
            {
                return (fit.Average(p => de[p]), [.. occluded.Order()]);
            }

            occluded.Add(hidden[0]);
        }
    }

    /// <summary>
    /// Mean linear RGB of the middle 40 % of grid cell (i, j) (ChartGeometry.SampledFraction), over its unclipped pixels
    /// (the thresholds of PhotoPixels.Sample); NaN when more than <see cref="ReferenceCorrector.MaxClippedPatchShare"/> of
    /// them are clipped (the rest would be biased dark) or none lies inside.
    /// </summary>
    private static (LinearRgb Mean, bool Mixed) CellMean(RgbCopy copy, double[,] toImage, int i, int j, RgbColourSpace space)
    {
        const double Half = ChartGeometry.SampledFraction / 2;
        (double X, double Y)[] poly = [.. new[] { (-Half, -Half), (Half, -Half), (Half, Half), (-Half, Half) }
            .Select(o => ChartSquares.Map(toImage, i + o.Item1, j + o.Item2)).Select(p => (p.X, p.Y))];
        int x0 = Math.Max(0, (int)poly.Min(q => q.X)), x1 = Math.Min(copy.Width - 1, (int)poly.Max(q => q.X));
        int y0 = Math.Max(0, (int)poly.Min(q => q.Y)), y1 = Math.Min(copy.Height - 1, (int)poly.Max(q => q.Y));
        double r = 0, g = 0, b = 0;
        int count = 0, clipped = 0;
        Span<double> sum = stackalloc double[3], squares = stackalloc double[3];
        for (int yy = y0; yy <= y1; yy++)
        {
            for (int xx = x0; xx <= x1; xx++)
            {
                if (!Geometry.Contains(poly, xx + 0.5, yy + 0.5))
                {
                    continue;
                }

                int at = ((yy * copy.Width) + xx) * 3;
                byte cr = copy.Rgb[at], cg = copy.Rgb[at + 1], cb = copy.Rgb[at + 2];
                if (cr >= 250 || cg >= 250 || cb >= 250 || (cr <= 5 && cg <= 5 && cb <= 5))
                {
                    clipped++;
                    continue;
                }

                (sum[0], sum[1], sum[2]) = (sum[0] + cr, sum[1] + cg, sum[2] + cb);
                (squares[0], squares[1], squares[2]) = (squares[0] + (cr * cr), squares[1] + (cg * cg), squares[2] + (cb * cb));
                var lin = space.ToLinear8(cr, cg, cb);
                (r, g, b, count) = (r + lin.R, g + lin.G, b + lin.B, count + 1);
            }
        }

        if (count == 0 || clipped > ReferenceCorrector.MaxClippedPatchShare * (count + clipped))
        {
            return (new LinearRgb(double.NaN, double.NaN, double.NaN), false);
        }

        double spread = 0;
        for (int c = 0; c < 3; c++)
        {
            spread = Math.Max(spread, Math.Sqrt(Math.Max(0, (squares[c] / count) - ((sum[c] / count) * (sum[c] / count)))));
        }

        return (new LinearRgb(r / count, g / count, b / count), spread > MixedSpread);
    }

    private static double[,] Design(LinearRgb[] x, List<int> rows)
    {
        var design = new double[rows.Count, 3];
        for (int k = 0; k < rows.Count; k++)
        {
            (design[k, 0], design[k, 1], design[k, 2]) = (x[rows[k]].R, x[rows[k]].G, x[rows[k]].B);
        }

        return design;
    }

    private static double[,] Targets(List<int> rows)
    {
        var y = new double[rows.Count, 3];
        for (int k = 0; k < rows.Count; k++)
        {
            var t = ColorCheckerReference.XyzD65[rows[k]];
            (y[k, 0], y[k, 1], y[k, 2]) = (t.X, t.Y, t.Z);
        }

        return y;
    }
}
