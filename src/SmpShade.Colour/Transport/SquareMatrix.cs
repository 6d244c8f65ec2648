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

    /// <summary>a⁻¹·b by Gauss–Jordan elimination with partial pivoting (a is not modified).</summary>
    public static double[] Solve(double[] a, double[] b, int n)
    {
        var m = (double[])a.Clone();
        var x = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[(row * n) + col]) > Math.Abs(m[(pivot * n) + col]))
                {
                    pivot = row;
                }
            }

            if (pivot != col)
            {
                for (int j = 0; j < n; j++)
                {
                    (m[(col * n) + j], m[(pivot * n) + j]) = (m[(pivot * n) + j], m[(col * n) + j]);
                    (x[(col * n) + j], x[(pivot * n) + j]) = (x[(pivot * n) + j], x[(col * n) + j]);
                }
            }

            double inverse = 1 / m[(col * n) + col];
            for (int row = 0; row < n; row++)
            {
                double factor = m[(row * n) + col];
                if (row == col || factor == 0)
                {
                    continue;
                }

                factor *= inverse;
                for (int j = col; j < n; j++)
                {
                    m[(row * n) + j] -= factor * m[(col * n) + j];
                }

                for (int j = 0; j < n; j++)
                {
                    x[(row * n) + j] -= factor * x[(col * n) + j];
                }
            }
        }

        for (int row = 0; row < n; row++)
        {
            double inverse = 1 / m[(row * n) + row];
            for (int j = 0; j < n; j++)
            {
                x[(row * n) + j] *= inverse;
            }
        }

        return x;
    }

    /// <summary>a⁻¹·b for a vector b (Gaussian elimination with partial pivoting; a is not modified).</summary>
    public static double[] SolveVector(double[] a, double[] b, int n)
    {
        var m = (double[])a.Clone();
        var x = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[(row * n) + col]) > Math.Abs(m[(pivot * n) + col]))
                {
                    pivot = row;
                }
            }

            if (pivot != col)
            {
                for (int j = col; j < n; j++)
                {
                    (m[(col * n) + j], m[(pivot * n) + j]) = (m[(pivot * n) + j], m[(col * n) + j]);
                }

                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            double inverse = 1 / m[(col * n) + col];
            for (int row = col + 1; row < n; row++)
            {
                double factor = m[(row * n) + col] * inverse;
                if (factor == 0)
                {
                    continue;
                }

                for (int j = col; j < n; j++)
                {
                    m[(row * n) + j] -= factor * m[(col * n) + j];
                }

                x[row] -= factor * x[col];
            }
        }

        for (int row = n - 1; row >= 0; row--)
        {
            double sum = x[row];
            for (int j = row + 1; j < n; j++)
            {
                sum -= m[(row * n) + j] * x[j];
            }

            x[row] = sum / m[(row * n) + row];
        }

        return x;
    }
}
