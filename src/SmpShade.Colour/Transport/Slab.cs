namespace SmpShade.Colour.Transport;

/// <summary>
/// A slab's reflection and transmission operators on the directions of a <see cref="Quadrature"/>, in flux form:
/// entry (i, j) is the flux leaving along direction i per unit flux arriving along direction j, so stacking is plain
/// matrix algebra (Prahl, van Gemert &amp; Welch 1993, the adding equations).
/// </summary>
public sealed class Slab
{
    internal Slab(int n, double[] reflection, double[] transmission, double[] reflectionBelow, double[] transmissionUp)
    {
        N = n;
        R = reflection;
        T = transmission;
        RBelow = reflectionBelow;
        TUp = transmissionUp;
    }

    /// <summary>Number of directions.</summary>
    public int N { get; }

    /// <summary>Reflection of light arriving from above.</summary>
    internal double[] R { get; }

    /// <summary>Transmission downwards.</summary>
    internal double[] T { get; }

    /// <summary>Reflection of light arriving from below.</summary>
    internal double[] RBelow { get; }

    /// <summary>Transmission upwards.</summary>
    internal double[] TUp { get; }

    /// <summary>A homogeneous layer: the same from either side.</summary>
    internal static Slab Symmetric(int n, double[] r, double[] t) => new(n, r, t, r, t);

    /// <summary>
    /// This slab on top of <paramref name="below"/> (the adding equations): light bounces between the two any number
    /// of times, summed by (I − R_b·R'_a)⁻¹.
    /// </summary>
    public Slab Over(Slab below)
    {
        ArgumentNullException.ThrowIfNull(below);
        int n = N;
        // Downward flux at the interface per unit incident from above: (I − R'_a R_b)⁻¹ T_a.
        var down = SquareMatrix.Solve(SquareMatrix.IdentityMinus(SquareMatrix.Multiply(RBelow, below.R, n), n), T, n);
        var r = SquareMatrix.Add(R, SquareMatrix.Multiply(TUp, SquareMatrix.Multiply(below.R, down, n), n));
        var t = SquareMatrix.Multiply(below.T, down, n);
        // Upward flux at the interface per unit incident from below: (I − R_b R'_a)⁻¹ T'_b.
        var up = SquareMatrix.Solve(SquareMatrix.IdentityMinus(SquareMatrix.Multiply(below.R, RBelow, n), n), below.TUp, n);
        var rBelow = SquareMatrix.Add(below.RBelow, SquareMatrix.Multiply(below.T, SquareMatrix.Multiply(RBelow, up, n), n));
        var tUp = SquareMatrix.Multiply(TUp, up, n);
        return new Slab(n, r, t, rBelow, tUp);
    }

    /// <summary>
    /// Reflection of this slab over an opaque background that reflects with <paramref name="background"/> (seen from
    /// above): R + T'·R_g·(I − R'·R_g)⁻¹·T. Cheaper than <see cref="Over"/> when nothing leaves below.
    /// </summary>
    internal double[] ReflectionOver(double[] background)
    {
        int n = N;
        var down = SquareMatrix.Solve(SquareMatrix.IdentityMinus(SquareMatrix.Multiply(RBelow, background, n), n), T, n);
        return SquareMatrix.Add(R, SquareMatrix.Multiply(TUp, SquareMatrix.Multiply(background, down, n), n));
    }

    /// <summary>Total flux reflected per unit flux arriving along direction <paramref name="incident"/>.</summary>
    public double TotalReflection(int incident) => ColumnSum(R, incident);

    /// <summary>Total flux transmitted per unit flux arriving along direction <paramref name="incident"/>.</summary>
    public double TotalTransmission(int incident) => ColumnSum(T, incident);

    /// <summary>Reflected flux for an incident flux distribution (one value per direction).</summary>
    public double TotalReflection(ReadOnlySpan<double> incident) => Weighted(R, incident);

    /// <summary>Transmitted flux for an incident flux distribution (one value per direction).</summary>
    public double TotalTransmission(ReadOnlySpan<double> incident) => Weighted(T, incident);

    internal static double ColumnSum(double[] m, int column, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += m[(i * n) + column];
        }

        return sum;
    }

    private double ColumnSum(double[] m, int column) => ColumnSum(m, column, N);

    private double Weighted(double[] m, ReadOnlySpan<double> incident)
    {
        double sum = 0;
        for (int j = 0; j < N; j++)
        {
            if (incident[j] != 0)
            {
                sum += incident[j] * ColumnSum(m, j);
            }
        }

        return sum;
    }
}
