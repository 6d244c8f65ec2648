namespace SmpShade.Colour.Healing;

/// <summary>Solves a small dense linear system in place (Gaussian elimination with partial pivoting).</summary>
internal static class GaussianElimination
{
    /// <summary>
    /// Solves the augmented system <paramref name="m"/> (n rows, n + 1 columns; the last is the right-hand side).
    /// On success the last column holds the solution. False when the matrix is (numerically) singular.
    /// </summary>
    public static bool Solve(double[,] m)
    {
        int n = m.GetLength(0);
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

            if (Math.Abs(m[pivot, col]) < 1e-14)
            {
                return false;
            }

            if (pivot != col)
            {
                for (int j = col; j <= n; j++)
                {
                    (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
                }
            }

            for (int row = 0; row < n; row++)
            {
                if (row == col || m[row, col] == 0)
                {
                    continue;
                }

                double factor = m[row, col] / m[col, col];
                for (int j = col; j <= n; j++)
                {
                    m[row, j] -= factor * m[col, j];
                }
            }
        }

        for (int row = 0; row < n; row++)
        {
            m[row, n] /= m[row, row];
        }

        return true;
    }
}
