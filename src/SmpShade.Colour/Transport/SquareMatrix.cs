namespace SmpShade.Colour.Transport;

/// <summary>Small dense square matrices, stored row-major in a flat array, for the adding-doubling solver.</summary>
internal static class SquareMatrix
{
    public static double[] Identity(int n)
    {
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            m[(i * n) + i] = 1;
        }

        return m;
    }

    public static double[] Diagonal(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            m[(i * n) + i] = values[i];
        }

        return m;
    }

    public static double[] Multiply(double[] a, double[] b, int n)
    {
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                double aik = a[(i * n) + k];
                if (aik == 0)
                {
                    continue;
                }

                for (int j = 0; j < n; j++)
                {
                    c[(i * n) + j] += aik * b[(k * n) + j];
                }
            }
        }

        return c;
    }

    public static double[] Add(double[] a, double[] b)
    {
        var c = new double[a.Length];
        for (int i = 0; i < c.Length; i++)
        {
            c[i] = a[i] + b[i];
        }

        return c;
    }

    /// <summary>I − a.</summary>
    public static double[] IdentityMinus(double[] a, int n)
    {
        var c = new double[a.Length];
        for (int i = 0; i < c.Length; i++)
        {
            c[i] = -a[i];
        }

        for (int i = 0; i < n; i++)
        {
            c[(i * n) + i] += 1;
        }

        return c;
    }

    /// <summary>a⁻¹·b for an n×n matrix b (partial pivoting, <see cref="Kernels.Solve"/>; a and b are not modified).</summary>
    public static double[] Solve(double[] a, double[] b, int n)
    {
        var x = (double[])b.Clone();
        Kernels.Solve((double[])a.Clone(), x, n, n);
        return x;
    }
}
