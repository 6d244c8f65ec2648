namespace SmpShade.Api.Photos.Reference;

/// <summary>
/// The little dense linear algebra reference correction needs: a square solve (the 8×8 homography
/// system) and least squares through the normal equations with a Cholesky factorisation (chart fits
/// have at most 6 unknowns per channel, so the squared condition number is harmless).
/// </summary>
public static class LinearSolver
{
    /// <summary>Solves A x = b by Gaussian elimination with partial pivoting; null when A is singular.</summary>
    public static double[]? Solve(double[,] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        double scale = 0;
        foreach (double v in m)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (!(Math.Abs(m[pivot, col]) > 1e-12 * scale))
            {
                return null;
            }

            if (pivot != col)
            {
                for (int k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }

                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            for (int row = col + 1; row < n; row++)
            {
                double f = m[row, col] / m[col, col];
                for (int k = col; k < n; k++)
                {
                    m[row, k] -= f * m[col, k];
                }

                x[row] -= f * x[col];
            }
        }

        for (int row = n - 1; row >= 0; row--)
        {
            double s = x[row];
            for (int k = row + 1; k < n; k++)
            {
                s -= m[row, k] * x[k];
            }

            x[row] = s / m[row, row];
        }

        return x;
    }

    /// <summary>
    /// Least squares for several right-hand sides: the k×c matrix C minimising ‖X C − Y‖ (X is n×k, Y is n×c),
    /// from XᵀX C = XᵀY solved by Cholesky. Null when XᵀX is not positive definite (rank-deficient X).
    /// </summary>
    public static double[,]? LeastSquares(double[,] x, double[,] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = x.GetLength(0), k = x.GetLength(1), c = y.GetLength(1);
        var ata = new double[k, k];
        var aty = new double[k, c];
        for (int r = 0; r < n; r++)
        {
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    ata[i, j] += x[r, i] * x[r, j];
                }

                for (int j = 0; j < c; j++)
                {
                    aty[i, j] += x[r, i] * y[r, j];
                }
            }
        }

        double[,]? l = Cholesky(ata);
        if (l is null)
        {
            return null;
        }

        var result = new double[k, c];
        var z = new double[k];
        for (int col = 0; col < c; col++)
        {
            // L z = Xᵀy, then Lᵀ β = z.
            for (int i = 0; i < k; i++)
            {
                double s = aty[i, col];
                for (int j = 0; j < i; j++)
                {
                    s -= l[i, j] * z[j];
                }

                z[i] = s / l[i, i];
            }

            for (int i = k - 1; i >= 0; i--)
            {
                double s = z[i];
                for (int j = i + 1; j < k; j++)
                {
                    s -= l[j, i] * result[j, col];
                }

                result[i, col] = s / l[i, i];
            }
        }

        return result;
    }

    // Lower-triangular L with L Lᵀ = A (only A's lower triangle is read); null if A is not positive definite
    // to working precision (a pivot below 1e-12 of the largest diagonal).
    private static double[,]? Cholesky(double[,] a)
    {
        int k = a.GetLength(0);
        double maxDiagonal = 0;
        for (int i = 0; i < k; i++)
        {
            maxDiagonal = Math.Max(maxDiagonal, a[i, i]);
        }

        var l = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = a[i, j];
                for (int p = 0; p < j; p++)
                {
                    s -= l[i, p] * l[j, p];
                }

                if (i == j)
                {
                    if (!(s > 1e-12 * maxDiagonal))
                    {
                        return null;
                    }

                    l[i, i] = Math.Sqrt(s);
                }
                else
                {
                    l[i, j] = s / l[j, j];
                }
            }
        }

        return l;
    }
}
