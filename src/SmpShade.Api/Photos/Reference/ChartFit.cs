using SmpShade.Colour;

namespace SmpShade.Api.Photos.Reference;

/// <summary>One fitted chart model and its leave-one-out error.</summary>
/// <param name="Model"><c>matrix3x3</c> or <c>rootPolynomial2</c>.</param>
/// <param name="Correction">Fitted on all patches.</param>
/// <param name="LooDeltaE00">Per patch: ΔE00 of that patch predicted by the model fitted on the other 23.</param>
public sealed record ChartFit(string Model, IColourCorrection Correction, IReadOnlyList<double> LooDeltaE00)
{
    /// <summary>Model name of the 3×3 matrix.</summary>
    public const string Matrix = "matrix3x3";

    /// <summary>Model name of the degree-2 root-polynomial.</summary>
    public const string RootPolynomial = "rootPolynomial2";

    /// <summary>Leave-one-out mean ΔE00.</summary>
    public double LooMean => LooDeltaE00.Average();

    /// <summary>Leave-one-out max ΔE00.</summary>
    public double LooMax => LooDeltaE00.Max();

    /// <summary>
    /// Least-squares fit of linear RGB to XYZ (D65) over the patches (Finlayson et al. 2015 fit XYZ the same way),
    /// with the leave-one-out ΔE00 of each patch against <paramref name="targets"/>' Lab (D65).
    /// </summary>
    public static ChartFit Fit(string model, IReadOnlyList<LinearRgb> rgb, IReadOnlyList<Xyz> targets, Func<Xyz, double>? weight = null)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentNullException.ThrowIfNull(targets);
        int k = model switch
        {
            Matrix => 3,
            RootPolynomial => RootPolynomialCorrection.TermCount,
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown chart model."),
        };
        int n = rgb.Count;
        var design = new double[n, k];
        var target = new double[n, 3];
        Span<double> terms = stackalloc double[RootPolynomialCorrection.TermCount];
        for (int i = 0; i < n; i++)
        {
            RootPolynomialCorrection.Terms(rgb[i], terms);
            double w = weight is null ? 1 : Math.Sqrt(weight(targets[i]));
            for (int j = 0; j < k; j++)
            {
                design[i, j] = w * terms[j];
            }

            target[i, 0] = w * targets[i].X;
            target[i, 1] = w * targets[i].Y;
            target[i, 2] = w * targets[i].Z;
        }

        IColourCorrection all = Solve(model, design, target)
            ?? throw new ReferenceFitException("reference.chart_degenerate",
                "The chart patches do not differ enough in colour to fit a correction: check the corners and the exposure.");
        var loo = new double[n];
        for (int left = 0; left < n; left++)
        {
            IColourCorrection? without = Solve(model, WithoutRow(design, left), WithoutRow(target, left));
            loo[left] = without is null
                ? double.PositiveInfinity
                : DeltaE.Ciede2000(targets[left].ToLab(WhitePoint.D65), without.ToXyz(rgb[left]).ToLab(WhitePoint.D65));
        }

        return new ChartFit(model, all, loo);
    }

    private static IColourCorrection? Solve(string model, double[,] design, double[,] target)
    {
        double[,]? c = LinearSolver.LeastSquares(design, target);
        if (c is null)
        {
            return null;
        }

        // c is terms × (X, Y, Z); a Matrix3 has a row per output.
        return model == Matrix
            ? new MatrixCorrection(new Matrix3(c[0, 0], c[1, 0], c[2, 0], c[0, 1], c[1, 1], c[2, 1], c[0, 2], c[1, 2], c[2, 2]))
            : new RootPolynomialCorrection(c);
    }

    private static double[,] WithoutRow(double[,] m, int skip)
    {
        int n = m.GetLength(0), k = m.GetLength(1);
        var result = new double[n - 1, k];
        for (int i = 0, r = 0; i < n; i++)
        {
            if (i == skip)
            {
                continue;
            }

            for (int j = 0; j < k; j++)
            {
                result[r, j] = m[i, j];
            }

            r++;
        }

        return result;
    }
}
