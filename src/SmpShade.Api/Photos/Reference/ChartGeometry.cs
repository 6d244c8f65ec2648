using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Photos.Reference;

/// <summary>Where the 24 patches of a ColorChecker lie in a photo, from its four outer corners.</summary>
public static class ChartGeometry
{
    /// <summary>Patch columns on a ColorChecker Classic 24.</summary>
    public const int Columns = 6;

    /// <summary>Patch rows on a ColorChecker Classic 24.</summary>
    public const int Rows = 4;

    /// <summary>Fraction of each patch cell's width and height that is sampled (the middle 40 %, docs/accuracy.md "The reference methods").</summary>
    public const double SampledFraction = 0.4;

    /// <summary>
    /// The homography from chart coordinates (u = 0..6 across the columns, v = 0..4 down the rows, the dark-skin
    /// patch at u, v in [0, 1]) to pixels.
    /// </summary>
    /// <param name="corners">Outer corners of the patch area in pixels: the dark-skin corner first, then clockwise
    /// on screen (y down): the bluish-green corner, the black corner, the blue corner.</param>
    /// <exception cref="ProblemException">422 <c>reference.corners_invalid</c> when the corners are not a convex quadrilateral.</exception>
    public static Homography ChartToImage(IReadOnlyList<(double X, double Y)> corners)
    {
        ArgumentNullException.ThrowIfNull(corners);
        if (corners.Count != 4)
        {
            throw new ArgumentException("A ColorChecker needs exactly four corners.", nameof(corners));
        }

        if (!IsConvex(corners))
        {
            throw ReferenceCorrector.Unusable("reference.corners_invalid",
                "The chart's corners must form a convex quadrilateral, in order: dark skin, bluish green, black, blue.");
        }

        (double X, double Y)[] chart = [(0, 0), (Columns, 0), (Columns, Rows), (0, Rows)];
        return Homography.FromPoints(chart, corners);
    }

    /// <summary>
    /// True when the four points turn the same way at every corner and enclose some area: a chart seen from the front
    /// (either turning direction, so a mirrored selfie works too).
    /// </summary>
    public static bool IsConvex(IReadOnlyList<(double X, double Y)> corners)
    {
        ArgumentNullException.ThrowIfNull(corners);
        if (corners.Count != 4 || corners.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y)))
        {
            return false;
        }

        double area = 0;
        int sign = 0;
        for (int i = 0; i < 4; i++)
        {
            var (ax, ay) = corners[i];
            var (bx, by) = corners[(i + 1) % 4];
            var (cx, cy) = corners[(i + 2) % 4];
            double turn = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
            int s = Math.Sign(turn);
            if (s == 0 || (sign != 0 && s != sign))
            {
                return false;
            }

            sign = s;
            area += ax * by - bx * ay;
        }

        return Math.Abs(area) / 2 >= 1e-9;
    }

    /// <summary>
    /// The sampling quadrilateral (middle 40 % of each patch cell, 4 pixel points) of every patch, in chart order:
    /// dark skin first, row by row.
    /// </summary>
    /// <param name="corners">Outer corners of the patch area in pixels: the dark-skin corner first, then clockwise
    /// on screen (y down).</param>
    public static IReadOnlyList<(double X, double Y)[]> PatchSamplingQuads(IReadOnlyList<(double X, double Y)> corners)
    {
        Homography toImage = ChartToImage(corners);
        const double Lo = (1 - SampledFraction) / 2, Hi = 1 - Lo;
        var quads = new List<(double X, double Y)[]>(Columns * Rows);
        for (int row = 0; row < Rows; row++)
        {
            for (int col = 0; col < Columns; col++)
            {
                quads.Add(
                [
                    toImage.Map((col + Lo, row + Lo)),
                    toImage.Map((col + Hi, row + Lo)),
                    toImage.Map((col + Hi, row + Hi)),
                    toImage.Map((col + Lo, row + Hi)),
                ]);
            }
        }

        return quads;
    }
}
