using SmpShade.Colour.Numerics;

namespace SmpShade.Colour.Tests;

/// <summary>The one linear solver, against closed forms and definitions computed here independently of it.</summary>
public sealed class LinearSolverTests
{
    [Fact]
    public void Solve_finds_the_solution_of_a_known_system()
    {
        // The worked example of Gaussian elimination on Wikipedia ("Gaussian elimination", Example of the algorithm):
        // 2x + y − z = 8, −3x − y + 2z = −11, −2x + y + 2z = −3 → (2, 3, −1). Row 0 has no largest pivot, so pivoting is exercised.
        double[]? x = LinearSolver.Solve(new double[,] { { 2, 1, -1 }, { -3, -1, 2 }, { -2, 1, 2 } }, [8, -11, -3]);
        Assert.NotNull(x);
        Assert.Equal(2, x[0], 1e-12);
        Assert.Equal(3, x[1], 1e-12);
        Assert.Equal(-1, x[2], 1e-12);
    }

    [Fact]
    public void Solve_reports_a_singular_system()
    {
        Assert.Null(LinearSolver.Solve(new double[,] { { 1, 2 }, { 2, 4 } }, [1, 2]));
    }

    [Fact]
    public void Least_squares_matches_the_closed_form_straight_line_fit()
    {
        // y = a + b x by the textbook formulas: b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², a = ȳ − b x̄.
        double[] xs = [0, 1, 2, 3, 4, 5], ys = [1.1, 2.9, 5.2, 7.1, 8.8, 11.2];
        double mx = xs.Average(), my = ys.Average();
        double b = xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / xs.Sum(x => (x - mx) * (x - mx));
        double a = my - b * mx;

        var design = new double[6, 2];
        var target = new double[6, 1];
        for (int i = 0; i < 6; i++)
        {
            design[i, 0] = 1;
            design[i, 1] = xs[i];
            target[i, 0] = ys[i];
        }

        double[,]? c = LinearSolver.LeastSquares(design, target);
        Assert.NotNull(c);
        Assert.Equal(a, c[0, 0], 1e-12);
        Assert.Equal(b, c[1, 0], 1e-12);
    }

    [Fact]
    public void Least_squares_reports_a_rank_deficient_design()
    {
        // The second column is twice the first: XᵀX is singular.
        var design = new double[,] { { 1, 2 }, { 2, 4 }, { 3, 6 } };
        Assert.Null(LinearSolver.LeastSquares(design, new double[,] { { 1 }, { 2 }, { 3 } }));
    }

    [Fact]
    public void The_inverse_times_the_matrix_is_the_identity_even_when_the_first_pivot_is_zero()
    {
        // Independent check by definition: A·A⁻¹ = I. A 36×36 random matrix (the size of the camera-response system)
        // with a zero in the corner, so a solver without row exchanges would fail.
        var random = new Random(36);
        int n = 36;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i, j] = random.NextDouble() - 0.5 + (i == j ? 2 : 0);
            }
        }

        a[0, 0] = 0;
        double[,] inverse = LinearSolver.Inverse(a) ?? throw new InvalidOperationException("singular");
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                {
                    sum += a[i, k] * inverse[k, j];
                }

                Assert.Equal(i == j ? 1 : 0, sum, 1e-10);
            }
        }
    }

    [Fact]
    public void A_singular_matrix_has_no_inverse()
    {
        Assert.Null(LinearSolver.Inverse(new double[,] { { 1, 2 }, { 2, 4 } }));
    }

    [Fact]
    public void Solve_agrees_with_Cramers_rule()
    {
        // Cramer's rule (x_i = det(A with column i replaced by b) / det A) shares no step with elimination.
        var random = new Random(3);
        for (int trial = 0; trial < 50; trial++)
        {
            var a = new double[3, 3];
            double[] b = [random.NextDouble() * 10 - 5, random.NextDouble() * 10 - 5, random.NextDouble() * 10 - 5];
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    a[i, j] = random.NextDouble() * 10 - 5;
                }
            }

            double det = Det3(a);
            if (Math.Abs(det) < 1)
            {
                continue; // keep the comparison well conditioned
            }

            double[] x = LinearSolver.Solve(a, b) ?? throw new InvalidOperationException("singular");
            for (int i = 0; i < 3; i++)
            {
                var ai = (double[,])a.Clone();
                for (int r = 0; r < 3; r++)
                {
                    ai[r, i] = b[r];
                }

                Assert.Equal(Det3(ai) / det, x[i], 1e-9);
            }
        }
    }

    [Fact]
    public void Solve_handles_a_saddle_point_system_with_a_zero_diagonal()
    {
        // The KKT system of the smoothest-reflectance fit has this shape. Minimise x² + y² subject to x + y = 1:
        // by symmetry x = y = 1/2, and stationarity 2x + ν = 0 gives the multiplier ν = −1.
        double[]? s = LinearSolver.Solve(new double[,] { { 2, 0, 1 }, { 0, 2, 1 }, { 1, 1, 0 } }, [0, 0, 1]);
        Assert.NotNull(s);
        Assert.Equal(0.5, s[0], 1e-14);
        Assert.Equal(0.5, s[1], 1e-14);
        Assert.Equal(-1, s[2], 1e-14);
    }

    [Fact]
    public void The_inverse_of_a_Hilbert_matrix_is_its_closed_form()
    {
        // H_ij = 1/(i + j − 1) (1-based). Its inverse has integer entries (Choi, "Tricks or Treats with the Hilbert
        // Matrix", Amer. Math. Monthly 90 (1983) 301–312): (−1)^(i+j) (i+j−1) C(n+i−1, n−j) C(n+j−1, n−i) C(i+j−2, i−1)².
        // n = 5 has condition number ≈ 4.8e5, so about 1e-10 of relative accuracy is what double precision leaves.
        const int n = 5;
        var h = new double[n, n];
        for (int i = 1; i <= n; i++)
        {
            for (int j = 1; j <= n; j++)
            {
                h[i - 1, j - 1] = 1.0 / (i + j - 1);
            }
        }

        double[,] inverse = LinearSolver.Inverse(h) ?? throw new InvalidOperationException("singular");
        for (int i = 1; i <= n; i++)
        {
            for (int j = 1; j <= n; j++)
            {
                double c = Choose(i + j - 2, i - 1);
                double expected = ((i + j) % 2 == 0 ? 1 : -1) * (i + j - 1) * Choose(n + i - 1, n - j) * Choose(n + j - 1, n - i) * c * c;
                Assert.Equal(expected, inverse[i - 1, j - 1], Math.Abs(expected) * 1e-9);
            }
        }

        Assert.Equal(n * n, inverse[0, 0], 1e-7); // the formula at i = j = 1: C(n, n − 1)² = n²
    }

    private static double Det3(double[,] m) =>
        m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
        - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
        + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);

    private static double Choose(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++)
        {
            c = c * (n - k + i) / i;
        }

        return c;
    }
}
