using SmpShade.Api.Photos.Reference;

namespace SmpShade.Api.Tests.Photos.Reference;

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
}
