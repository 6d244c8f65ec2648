namespace SmpShade.Colour.Transport;

/// <summary>
/// The directions (cosines μ in (0, 1] inside the slab) and weights the adding-doubling solver integrates over.
/// </summary>
/// <remarks>
/// As in Prahl, van Gemert &amp; Welch (1993), the hemisphere is split where the integrand has kinks: at the critical
/// cosine μc = √(1 − 1/n²) (light beyond it never leaves the slab) and at the cosine the incident beam has inside the
/// slab, which is made a node (Gauss–Radau with that end fixed) so a collimated beam enters one direction exactly.
/// Gauss–Legendre on the other pieces. Each piece gets <c>points</c> nodes.
/// </remarks>
public sealed class Quadrature
{
    private Quadrature(double[] mu, double[] weight, int incident, double criticalCosine)
    {
        Mu = mu;
        Weight = weight;
        IncidentIndex = incident;
        CriticalCosine = criticalCosine;
    }

    /// <summary>The phase function's redistribution between these directions for the last anisotropy asked (<see cref="AddingDoubling"/>).</summary>
    internal Redistribution? LastRedistribution { get; set; }

    /// <summary>Direction cosines inside the slab, ascending.</summary>
    public IReadOnlyList<double> Mu { get; }

    /// <summary>Weights: Σ wᵢ f(μᵢ) ≈ ∫₀¹ f(μ) dμ.</summary>
    public IReadOnlyList<double> Weight { get; }

    /// <summary>Number of directions.</summary>
    public int Count => Mu.Count;

    /// <summary>The node that an incident collimated beam enters along.</summary>
    public int IncidentIndex { get; }

    /// <summary>Cosine inside the slab beyond which light cannot leave to air (0 when n = 1).</summary>
    public double CriticalCosine { get; }

    /// <summary>
    /// A quadrature for a slab of index <paramref name="slabIndex"/> under air, lit at cosine
    /// <paramref name="incidentCosine"/> outside; <paramref name="points"/> nodes per piece.
    /// </summary>
    public static Quadrature For(double slabIndex, double incidentCosine = 1, int points = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slabIndex, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        double critical = slabIndex > 1 ? Math.Sqrt(1 - (1 / (slabIndex * slabIndex))) : 0;
        // Snell: sin θ_in = sin θ_out / n.
        double incident = Math.Sqrt(1 - ((1 - (incidentCosine * incidentCosine)) / (slabIndex * slabIndex)));
        var mu = new List<double>();
        var w = new List<double>();
        if (critical > 0)
        {
            Append(GaussLegendre(points), 0, critical, mu, w);
        }

        Append(RadauRight(points), critical, incident, mu, w);
        int incidentIndex = mu.Count - 1;
        if (incident < 1 - 1e-12)
        {
            Append(GaussLegendre(points), incident, 1, mu, w);
        }

        return new Quadrature([.. mu], [.. w], incidentIndex, critical);
    }

    /// <summary>Forward and backward redistribution matrices for anisotropy g; a reference swap replaces the whole entry.</summary>
    internal sealed record Redistribution(double Anisotropy, double[] Forward, double[] Backward);

    private static void Append((double[] X, double[] W) rule, double from, double to, List<double> mu, List<double> w)
    {
        for (int i = 0; i < rule.X.Length; i++)
        {
            mu.Add(from + ((to - from) * (rule.X[i] + 1) / 2));
            w.Add(rule.W[i] * (to - from) / 2);
        }
    }

    /// <summary>Legendre polynomials P_{n−1}(x) and P_n(x) by the three-term recurrence.</summary>
    internal static (double Previous, double Current) Legendre(int n, double x)
    {
        double p0 = 1, p1 = x;
        if (n == 0)
        {
            return (0, 1);
        }

        for (int k = 2; k <= n; k++)
        {
            (p0, p1) = (p1, (((2 * k) - 1) * x * p1 - ((k - 1) * p0)) / k);
        }

        return (p0, p1);
    }

    /// <summary>Gauss–Legendre nodes and weights on [−1, 1], ascending (Newton from Chebyshev-like guesses).</summary>
    public static (double[] X, double[] W) GaussLegendre(int n)
    {
        var x = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = -Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            for (int iteration = 0; iteration < 100; iteration++)
            {
                var (previous, current) = Legendre(n, z);
                double derivative = n * ((z * current) - previous) / ((z * z) - 1);
                double step = current / derivative;
                z -= step;
                if (Math.Abs(step) < 1e-15)
                {
                    break;
                }
            }

            var (pm, pn) = Legendre(n, z);
            double d = n * ((z * pn) - pm) / ((z * z) - 1);
            x[i] = z;
            w[i] = 2 / ((1 - (z * z)) * d * d);
        }

        return (x, w);
    }

    /// <summary>
    /// Gauss–Radau nodes and weights on [−1, 1] with the node x = 1 fixed (last): the other nodes are the roots of
    /// P_{n−1}(x) − P_n(x), weights (1 + x)/(n²·P_{n−1}(x)²), and 2/n² at x = 1 (Abramowitz &amp; Stegun 25.4.31, mirrored).
    /// </summary>
    public static (double[] X, double[] W) RadauRight(int n)
    {
        var x = new List<double>();
        double F(double v)
        {
            var (previous, current) = Legendre(n, v);
            return previous - current;
        }

        // The roots are simple and separated by more than 1/(4n²): bracket on a fine grid, then bisect.
        int steps = 64 * n * n;
        double left = -1, fLeft = F(left);
        for (int s = 1; s < steps && x.Count < n - 1; s++)
        {
            double right = -1 + (2.0 * s / steps);
            double fRight = F(right);
            if (fLeft == 0)
            {
                x.Add(left);
            }
            else if (fLeft * fRight < 0)
            {
                double a = left, b = right, fa = fLeft;
                for (int k = 0; k < 80; k++)
                {
                    double m = (a + b) / 2, fm = F(m);
                    if (fa * fm <= 0)
                    {
                        b = m;
                    }
                    else
                    {
                        (a, fa) = (m, fm);
                    }
                }

                x.Add((a + b) / 2);
            }

            (left, fLeft) = (right, fRight);
        }

        var w = x.Select(v => (1 + v) / (n * n * Math.Pow(Legendre(n - 1, v).Current, 2))).ToList();
        x.Add(1);
        w.Add(2.0 / (n * n));
        return ([.. x], [.. w]);
    }
}
