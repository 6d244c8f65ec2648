namespace SmpShade.Colour.Numerics;

/// <summary>
/// The service's one dense linear solver, for small systems: a square solve (the smoothest-reflectance KKT system,
/// the 8×8 homography), an inverse (the 36×36 camera-response system) and least squares through the normal equations
/// with a Cholesky factorisation (chart fits have at most 6 unknowns per channel, so the squared condition number is
/// harmless). Gauss–Jordan elimination with partial pivoting; a pivot below the tolerance (by default 1e-12 of the
/// matrix's largest entry) means singular (null), never a division by a rounding error.
/// </summary>
public static class LinearSolver
{
    /// <summary>Solves A x = b (A square, not modified); null when A is singular.</summary>
    /// <param name="a">The square matrix.</param>
    /// <param name="b">The right-hand side, one entry per row of <paramref name="a"/>.</param>
    /// <param name="pivotTolerance">A pivot smaller than this means singular; by default 1e-12 of A's largest entry.</param>
    public static double[]? Solve(double[,] a, double[] b, double? pivotTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var rhs = new double[b.Length, 1];
        for (int i = 0; i < b.Length; i++)
        {
            rhs[i, 0] = b[i];
        }

        return Eliminate(a, rhs, pivotTolerance) is { } x ? [.. Enumerable.Range(0, b.Length).Select(i => x[i, 0])] : null;
    }

    /// <summary>The inverse of a square matrix; null when it is singular (a pivot below 1e-12 of its largest entry).</summary>
    /// <param name="a">The square matrix (not modified).</param>
    public static double[,]? Inverse(double[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.GetLength(0);
        var identity = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            identity[i, i] = 1;
        }

        return Eliminate(a, identity, null);
    }

    /// <summary>
    /// X with A X = B (A square, B with any number of columns) by Gauss–Jordan elimination with partial pivoting:
    /// each column is cleared above and below its pivot, and each row divided by its pivot at the end.
    /// </summary>
    private static double[,]? Eliminate(double[,] a, double[,] b, double? pivotTolerance)
    {
        int n = a.GetLength(0), c = b.GetLength(1);
        var m = (double[,])a.Clone();
        var x = (double[,])b.Clone();
        double tolerance = pivotTolerance ?? 1e-12 * LargestMagnitude(m);
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

            if (!(Math.Abs(m[pivot, col]) >= tolerance))
            {
                return null;
            }

            SwapRows(m, pivot, col);
            SwapRows(x, pivot, col);
            for (int row = 0; row < n; row++)
            {
                if (row == col || m[row, col] == 0)
                {
                    continue;
                }

                double factor = m[row, col] / m[col, col];
                for (int j = col; j < n; j++)
                {
                    m[row, j] -= factor * m[col, j];
                }

                for (int j = 0; j < c; j++)
                {
                    x[row, j] -= factor * x[col, j];
                }
            }
        }

        for (int row = 0; row < n; row++)
        {
            for (int j = 0; j < c; j++)
            {
                x[row, j] /= m[row, row];
            }
        }

        return x;
    }

    private static double LargestMagnitude(double[,] m)
    {
        double largest = 0;
        foreach (double v in m)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        return largest;
    }

    private static void SwapRows(double[,] m, int r1, int r2)
    {
        if (r1 == r2)
        {
            return;
        }

        for (int j = 0; j < m.GetLength(1); j++)
        {
            (m[r1, j], m[r2, j]) = (m[r2, j], m[r1, j]);
        }
    }

    /// <summary>
    /// Least squares for several right-hand sides: the k×c matrix C minimising ‖X C − Y‖ (X is n×k, Y is n×c),
    /// from XᵀX C = XᵀY solved by Cholesky. Null when XᵀX is not positive definite (rank-deficient X).
    /// </summary>
    /// <param name="x">The n×k design matrix.</param>
    /// <param name="y">The n×c targets.</param>
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
