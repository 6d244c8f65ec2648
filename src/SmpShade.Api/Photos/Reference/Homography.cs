using SmpShade.Colour.Numerics;

namespace SmpShade.Api.Photos.Reference;

/// <summary>
/// A plane projective transform x' = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), y' = (h3 x + h4 y + h5) / (h6 x + h7 y + 1):
/// how a flat chart photographed at an angle lands on the sensor (Hartley &amp; Zisserman, Multiple View Geometry, §4.1).
/// </summary>
public sealed class Homography
{
    private readonly double[] h;

    private Homography(double[] h) => this.h = h;

    /// <summary>
    /// The transform taking each of four source points to the matching destination point, from the 8×8 linear system
    /// the four correspondences give (two equations each). Throws when three points are collinear.
    /// </summary>
    public static Homography FromPoints(IReadOnlyList<(double X, double Y)> source, IReadOnlyList<(double X, double Y)> destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (source.Count != 4 || destination.Count != 4)
        {
            throw new ArgumentException("A homography needs exactly four point pairs.");
        }

        var a = new double[8, 8];
        var b = new double[8];
        for (int i = 0; i < 4; i++)
        {
            var (x, y) = source[i];
            var (u, v) = destination[i];
            int r = 2 * i;
            a[r, 0] = x; a[r, 1] = y; a[r, 2] = 1; a[r, 6] = -u * x; a[r, 7] = -u * y; b[r] = u;
            a[r + 1, 3] = x; a[r + 1, 4] = y; a[r + 1, 5] = 1; a[r + 1, 6] = -v * x; a[r + 1, 7] = -v * y; b[r + 1] = v;
        }

        double[] solution = LinearSolver.Solve(a, b)
            ?? throw new ArgumentException("The four points are degenerate (three of them lie on one line).");
        return new Homography(solution);
    }

    /// <summary>Where <paramref name="point"/> lands.</summary>
    public (double X, double Y) Map((double X, double Y) point)
    {
        double w = h[6] * point.X + h[7] * point.Y + 1;
        return ((h[0] * point.X + h[1] * point.Y + h[2]) / w, (h[3] * point.X + h[4] * point.Y + h[5]) / w);
    }
}
