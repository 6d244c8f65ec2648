using System.Runtime.CompilerServices;

namespace SmpShade.Colour.Transport;

/// <summary>
/// Allocation-free forms of the adding equations for the per-skin tables (thousands of stackings per skin), compiled
/// optimised from the first call.
/// </summary>
internal static class Kernels
{
    /// <summary>
    /// Reflection of a symmetric layer (R, T) over an opaque background G: R + T·G·(I − R·G)⁻¹·T, written to
    /// <paramref name="result"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReflectionOver(ReadOnlySpan<double> r, ReadOnlySpan<double> t, ReadOnlySpan<double> g, Span<double> result, int n)
    {
        Span<double> m = stackalloc double[n * n];
        Span<double> x = stackalloc double[n * n];
        Span<double> y = stackalloc double[n * n];
        // m = I − R·G; x = T; solve m·x = T.
        Multiply(r, g, m, n);
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = -m[i];
        }

        for (int i = 0; i < n; i++)
        {
            m[(i * n) + i] += 1;
        }

        t.CopyTo(x);
        Solve(m, x, n, n);
        Multiply(g, x, y, n);
        Multiply(t, y, result, n);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] += r[i];
        }
    }

    /// <summary>c = a·b for n×n matrices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int n)
    {
        c[..(n * n)].Clear();
        for (int i = 0; i < n; i++)
        {
            var row = c.Slice(i * n, n);
            for (int k = 0; k < n; k++)
            {
                double aik = a[(i * n) + k];
                var bk = b.Slice(k * n, n);
                for (int j = 0; j < n; j++)
                {
                    row[j] += aik * bk[j];
                }
            }
        }
    }

    /// <summary>Solves m·X = B in place (B n×columns, row-major), Gaussian elimination with partial pivoting; m is destroyed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Solve(Span<double> m, Span<double> b, int n, int columns)
    {
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
                }

                for (int j = 0; j < columns; j++)
                {
                    (b[(col * columns) + j], b[(pivot * columns) + j]) = (b[(pivot * columns) + j], b[(col * columns) + j]);
                }
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

                for (int j = 0; j < columns; j++)
                {
                    b[(row * columns) + j] -= factor * b[(col * columns) + j];
                }
            }
        }

        for (int row = n - 1; row >= 0; row--)
        {
            double inverse = 1 / m[(row * n) + row];
            for (int j = 0; j < columns; j++)
            {
                double sum = b[(row * columns) + j];
                for (int k = row + 1; k < n; k++)
                {
                    sum -= m[(row * n) + k] * b[(k * columns) + j];
                }

                b[(row * columns) + j] = sum * inverse;
            }
        }
    }
}
