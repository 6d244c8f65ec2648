using SmpShade.Colour;
using SmpShade.Colour.Numerics;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Photos.Reference;

/// <summary>
/// The camera's spectral responses under the photo's light, estimated from a ColorChecker: each channel's linear value
/// is Σλ Q(λ)·R(λ), and with the 24 patches' published spectra R (<see cref="ColorCheckerSpectra"/>) and their measured
/// values, Q follows by regularised least squares. The camera's own white balance and matrix are linear, so they are
/// folded into Q. 24 patches cannot pin 36 unknowns per channel, so Q is also asked to be smooth (Tikhonov on second
/// differences, as in camera-sensitivity estimation from charts, e.g. Jiang et al. 2013, "What is the space of spectral
/// sensitivity functions for digital color cameras?", WACV); the strength is chosen per photo by leave-one-patch-out.
/// </summary>
public sealed class CameraResponses
{
    /// <summary>Smoothing strengths tried, relative to the mean diagonal of RᵀR.</summary>
    public static IReadOnlyList<double> SmoothingGrid { get; } = [0.001, 0.003, 0.01, 0.03, 0.1];

    private readonly double[][] channels;

    private CameraResponses(double[][] channels, double smoothing)
    {
        this.channels = channels;
        Smoothing = smoothing;
    }

    /// <summary>The smoothing strength leave-one-out chose.</summary>
    public double Smoothing { get; }

    /// <summary>Q for R, G, B on <see cref="VisibleGrid"/>.</summary>
    public IReadOnlyList<double[]> Channels => channels;

    /// <summary>The linear RGB this camera would record for a reflectance on <see cref="VisibleGrid"/>.</summary>
    public LinearRgb Response(double[] reflectance)
    {
        ArgumentNullException.ThrowIfNull(reflectance);
        double r = 0, g = 0, b = 0;
        for (int i = 0; i < VisibleGrid.Count; i++)
        {
            r += channels[0][i] * reflectance[i];
            g += channels[1][i] * reflectance[i];
            b += channels[2][i] * reflectance[i];
        }

        return new LinearRgb(r, g, b);
    }

    /// <summary>
    /// Responses given channel by channel (R, G, B on <see cref="VisibleGrid"/>), e.g. a calibration a client sends back.
    /// Null unless there are three channels of <see cref="VisibleGrid.Count"/> finite values.
    /// </summary>
    public static CameraResponses? FromChannels(IReadOnlyList<IReadOnlyList<double>> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count != 3 || channels.Any(c => c is null || c.Count != VisibleGrid.Count || c.Any(v => !double.IsFinite(v))))
        {
            return null;
        }

        return new CameraResponses([.. channels.Select(c => c.ToArray())], double.NaN);
    }

    /// <summary>
    /// The responses seen through a linear map of the channels: Q′(λ) = m · Q(λ). With a profile's RGB → XYZ matrix
    /// this expresses the camera in XYZ, independent of the profile the photo was saved in; with its inverse, back.
    /// </summary>
    public CameraResponses Transform(Matrix3 m)
    {
        var q = new double[3][];
        for (int c = 0; c < 3; c++)
        {
            q[c] = new double[VisibleGrid.Count];
        }

        for (int i = 0; i < VisibleGrid.Count; i++)
        {
            (q[0][i], q[1][i], q[2][i]) = m.Apply(channels[0][i], channels[1][i], channels[2][i]);
        }

        return new CameraResponses(q, Smoothing);
    }

    /// <summary>
    /// Estimates Q from <paramref name="reflectances"/> (on <see cref="VisibleGrid"/>) and the linear RGB measured for
    /// each. Null when the system cannot be solved (too few or identical patches).
    /// </summary>
    public static CameraResponses? Estimate(IReadOnlyList<double[]> reflectances, IReadOnlyList<LinearRgb> measured)
    {
        ArgumentNullException.ThrowIfNull(reflectances);
        ArgumentNullException.ThrowIfNull(measured);
        if (reflectances.Count != measured.Count || reflectances.Count < 3)
        {
            return null;
        }

        const int n = VisibleGrid.Count;
        int m = reflectances.Count;
        var normal = new double[n, n];
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                double s = 0;
                for (int k = 0; k < m; k++)
                {
                    s += reflectances[k][a] * reflectances[k][b];
                }

                normal[a, b] = s;
            }
        }

        double meanDiagonal = Enumerable.Range(0, n).Average(a => normal[a, a]);
        double[,] roughness = SecondDifferencePenalty(n);
        double[][] values = [.. Enumerable.Range(0, 3).Select(c => measured.Select(v => Channel(v, c)).ToArray())];
        double[][] rhs = [.. values.Select(v => Enumerable.Range(0, n).Select(a => Enumerable.Range(0, m).Sum(k => reflectances[k][a] * v[k])).ToArray())];

        CameraResponses? best = null;
        double bestScore = double.PositiveInfinity;
        foreach (double smoothing in SmoothingGrid)
        {
            var system = new double[n, n];
            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    system[a, b] = normal[a, b] + smoothing * meanDiagonal * roughness[a, b];
                }
            }

            if (LinearSolver.Inverse(system) is not { } inverse)
            {
                continue;
            }

            var q = new double[3][];
            for (int c = 0; c < 3; c++)
            {
                q[c] = Multiply(inverse, rhs[c]);
            }

            // Leave-one-patch-out residuals of a linear smoother, in closed form: e_k / (1 − h_kk), h_kk = r_kᵀ G⁻¹ r_k
            // (the same for every channel).
            double[] leverage = [.. reflectances.Select(r => Dot(r, Multiply(inverse, r)))];
            double score = 0;
            for (int c = 0; c < 3; c++)
            {
                double press = 0, total = 0;
                for (int k = 0; k < m; k++)
                {
                    double residual = (values[c][k] - Dot(q[c], reflectances[k])) / (1 - leverage[k]);
                    press += residual * residual;
                    total += values[c][k] * values[c][k];
                }

                score += total > 0 ? press / total : double.PositiveInfinity;
            }

            if (double.IsFinite(score) && score < bestScore)
            {
                (best, bestScore) = (new CameraResponses(q, smoothing), score);
            }
        }

        return best;
    }

    private static double Channel(LinearRgb v, int c) => c switch { 0 => v.R, 1 => v.G, _ => v.B };

    private static double[,] SecondDifferencePenalty(int n)
    {
        var p = new double[n, n];
        for (int i = 1; i < n - 1; i++)
        {
            int[] at = [i - 1, i, i + 1];
            double[] d = [1, -2, 1];
            for (int x = 0; x < 3; x++)
            {
                for (int y = 0; y < 3; y++)
                {
                    p[at[x], at[y]] += d[x] * d[y];
                }
            }
        }

        return p;
    }

    private static double[] Multiply(double[,] m, double[] v)
    {
        var result = new double[v.Length];
        for (int i = 0; i < v.Length; i++)
        {
            double s = 0;
            for (int j = 0; j < v.Length; j++)
            {
                s += m[i, j] * v[j];
            }

            result[i] = s;
        }

        return result;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
