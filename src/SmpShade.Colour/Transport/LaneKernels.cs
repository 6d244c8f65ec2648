using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SmpShade.Colour.Transport;

/// <summary>
/// The adding equations of <see cref="Kernels"/> for four stacks at once, one per SIMD lane: the same operations in the
/// same order, on <see cref="Vector256{T}"/> entries. Used where thousands of ink layers go under one fixed top and
/// over one fixed background (the per-skin tables): the fixed operators are broadcast to every lane once.
/// </summary>
/// <remarks>
/// The elimination does not pivot: lanes would want different pivots. It does not need to: every matrix solved here is
/// I − A·B with A and B reflection operators in flux form, whose columns sum to a reflectance (&lt; 1), so I − A·B is
/// column diagonally dominant and partial pivoting would keep the diagonal anyway (Golub &amp; Van Loan, Matrix
/// Computations, §3.4.10). Agreement with the pivoting scalar kernels is tested to 1e-12.
/// </remarks>
internal static class LaneKernels
{
    /// <summary>
    /// Scratch space and the operators of four stacks (a top: R₀, d, R′, t; a background G), for n directions. One per
    /// thread (<see cref="For"/>).
    /// </summary>
    public sealed class Work
    {
        [ThreadStatic]
        private static Work? shared;

        private Work(int n)
        {
            N = n;
            (Down, Escape, U) = (new Vector256<double>[n], new Vector256<double>[n], new Vector256<double>[n]);
            (Background, ReflectionBelow, R, T, M, X, Y) = (Square(n), Square(n), Square(n), Square(n), Square(n), Square(n), Square(n));
        }

        public int N { get; }

        /// <summary>The top's own reflectance R₀.</summary>
        public Vector256<double> Reflected { get; set; }

        /// <summary>The flux the top passes down per direction, d.</summary>
        public Vector256<double>[] Down { get; }

        /// <summary>The top's reflection from below, R′.</summary>
        public Vector256<double>[] ReflectionBelow { get; }

        /// <summary>How much of the light coming up in each direction leaves through the top, t.</summary>
        public Vector256<double>[] Escape { get; }

        /// <summary>The background's reflection G.</summary>
        public Vector256<double>[] Background { get; }

        internal Vector256<double>[] R { get; }

        internal Vector256<double>[] T { get; }

        internal Vector256<double>[] M { get; }

        internal Vector256<double>[] X { get; }

        internal Vector256<double>[] Y { get; }

        internal Vector256<double>[] U { get; }

        /// <summary>This thread's scratch space for n directions.</summary>
        public static Work For(int n) => shared is { } w && w.N == n ? w : shared = new Work(n);

        /// <summary>Sets one top and one background in every lane.</summary>
        public void Broadcast(double reflected, ReadOnlySpan<double> down, ReadOnlySpan<double> reflectionBelow, ReadOnlySpan<double> escape,
            ReadOnlySpan<double> background)
        {
            Reflected = Vector256.Create(reflected);
            for (int i = 0; i < N; i++)
            {
                (Down[i], Escape[i]) = (Vector256.Create(down[i]), Vector256.Create(escape[i]));
            }

            for (int e = 0; e < N * N; e++)
            {
                (ReflectionBelow[e], Background[e]) = (Vector256.Create(reflectionBelow[e]), Vector256.Create(background[e]));
            }
        }

        private static Vector256<double>[] Square(int n) => new Vector256<double>[n * n];
    }

    /// <summary>
    /// Four symmetric layers (R, T) over the work's background G, seen through its top: with the layer's reflection
    /// B = R + T·G·(I − R·G)⁻¹·T (as <see cref="Kernels.ReflectionOver"/>) and the top's R₀, d, R′ and t, the total
    /// reflectance R₀ + tᵀ·(I − B·R′)⁻¹·B·d. The layers' entries are read from <paramref name="columns"/>, laid out
    /// element by element (R's n² elements, then T's), each element a row of <paramref name="stride"/> layers, lane i
    /// taking layer <paramref name="layers"/>[i] (any four, repeats allowed: lanes never mix, so a layer's result does
    /// not depend on its lane or its neighbours).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector256<double> ReflectanceUnder(ReadOnlySpan<double> columns, int stride, ReadOnlySpan<int> layers, Work work)
    {
        int n = work.N, nn = n * n;
        Span<Vector256<double>> r = work.R, t = work.T, m = work.M, x = work.X, y = work.Y;
        ReadOnlySpan<Vector256<double>> background = work.Background;
        var (l0, l1, l2, l3) = (layers[0], layers[1], layers[2], layers[3]);
        for (int e = 0; e < nn; e++)
        {
            var row = columns.Slice(e * stride, stride);
            r[e] = Vector256.Create(row[l0], row[l1], row[l2], row[l3]);
            row = columns.Slice((nn + e) * stride, stride);
            t[e] = Vector256.Create(row[l0], row[l1], row[l2], row[l3]);
        }

        // m = I − R·G; x = (I − R·G)⁻¹·T; y = G·x; B = T·y + R (kept in x).
        Multiply(r, background, m, n);
        IdentityMinus(m, n);
        t.CopyTo(x);
        Solve(m, x, n, n);
        Multiply(background, x, y, n);
        Multiply(t, y, x, n);
        for (int e = 0; e < nn; e++)
        {
            x[e] += r[e];
        }

        return Over(x, work);
    }

    /// <summary>The work's top over a background reflecting with <paramref name="below"/> (Top.Over per lane): u = (I − B·R′)⁻¹·B·d, R₀ + t·u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector256<double> Over(ReadOnlySpan<Vector256<double>> below, Work work)
    {
        int n = work.N;
        Span<Vector256<double>> m = work.M, u = work.U;
        ReadOnlySpan<Vector256<double>> down = work.Down, escape = work.Escape;
        Multiply(below, work.ReflectionBelow, m, n);
        IdentityMinus(m, n);
        for (int i = 0; i < n; i++)
        {
            var sum = Vector256<double>.Zero;
            for (int j = 0; j < n; j++)
            {
                sum += below[(i * n) + j] * down[j];
            }

            u[i] = sum;
        }

        Solve(m, u, n, 1);
        var total = work.Reflected;
        for (int i = 0; i < n; i++)
        {
            total += escape[i] * u[i];
        }

        return total;
    }

    /// <summary>c = a·b, both per lane.</summary>
    private static void Multiply(ReadOnlySpan<Vector256<double>> a, ReadOnlySpan<Vector256<double>> b, Span<Vector256<double>> c, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                var sum = Vector256<double>.Zero;
                for (int k = 0; k < n; k++)
                {
                    sum += a[(i * n) + k] * b[(k * n) + j];
                }

                c[(i * n) + j] = sum;
            }
        }
    }

    private static void IdentityMinus(Span<Vector256<double>> m, int n)
    {
        for (int e = 0; e < n * n; e++)
        {
            m[e] = -m[e];
        }

        for (int i = 0; i < n; i++)
        {
            m[(i * n) + i] += Vector256<double>.One;
        }
    }

    /// <summary>Solves m·X = B in place per lane (B n×columns, row-major), Gaussian elimination without pivoting; m is destroyed.</summary>
    private static void Solve(Span<Vector256<double>> m, Span<Vector256<double>> b, int n, int columns)
    {
        for (int col = 0; col < n; col++)
        {
            var inverse = Vector256<double>.One / m[(col * n) + col];
            for (int row = col + 1; row < n; row++)
            {
                var factor = m[(row * n) + col] * inverse;
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
            var inverse = Vector256<double>.One / m[(row * n) + row];
            for (int j = 0; j < columns; j++)
            {
                var sum = b[(row * columns) + j];
                for (int k = row + 1; k < n; k++)
                {
                    sum -= m[(row * n) + k] * b[(k * columns) + j];
                }

                b[(row * columns) + j] = sum * inverse;
            }
        }
    }
}
