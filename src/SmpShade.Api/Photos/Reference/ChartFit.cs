using SmpShade.Api.Infrastructure;
using SmpShade.Colour;
using SmpShade.Colour.Numerics;

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

    /// <summary>The ridge strengths (relative to the mean diagonal of XᵀX) tried by <see cref="ReferenceCorrector.ColorChecker"/>.</summary>
    public static IReadOnlyList<double> RidgeGrid { get; } = [0, 0.003, 0.01, 0.03, 0.1, 0.3, 1];

    /// <summary>Ridge strength of this fit (0 for none).</summary>
    public double Lambda { get; init; }

    /// <summary>
    /// Least-squares fit of linear RGB to XYZ (D65) over the patches (Finlayson et al. 2015 fit XYZ the same way),
    /// with the leave-one-out ΔE00 of each patch against <paramref name="targets"/>' Lab (D65). With
    /// <paramref name="options"/>, the fit is white-point preserving and ridge-regularised toward the chart's own white
    /// balance (see <see cref="ChartRegression"/> and <see cref="ChartFitOptions"/>); without, it is plain least squares.
    /// </summary>
    public static ChartFit Fit(string model, IReadOnlyList<LinearRgb> rgb, IReadOnlyList<Xyz> targets, ChartFitOptions? options = null)
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
            for (int j = 0; j < k; j++)
            {
                design[i, j] = terms[j];
            }

            target[i, 0] = targets[i].X;
            target[i, 1] = targets[i].Y;
            target[i, 2] = targets[i].Z;
        }

        // Whatever the refinements, patches that do not span the model's terms cannot be fitted (a ridge would hide it).
        if (LinearSolver.LeastSquares(design, target) is null)
        {
            throw Degenerate();
        }

        // Neutral patches (C*ab < 4 in the reference), brightest first: the white to preserve is the brightest one present.
        int[] neutrals = options is null ? [] : [.. Enumerable.Range(0, n)
            .Select(i => (Index: i, Lab: targets[i].ToLab(WhitePoint.D65)))
            .Where(p => p.Lab.Chroma < 4).OrderByDescending(p => p.Lab.L).Select(p => p.Index)];
        int[] all = [.. Enumerable.Range(0, n)];
        IColourCorrection fitted = Solve(model, design, target, all, rgb, targets, neutrals, options) ?? throw Degenerate();
        var loo = new double[n];
        for (int left = 0; left < n; left++)
        {
            int[] rest = [.. all.Where(i => i != left)];
            IColourCorrection? without = Solve(model, design, target, rest, rgb, targets, neutrals, options);
            loo[left] = without is null
                ? double.PositiveInfinity
                : DeltaE.Ciede2000(targets[left].ToLab(WhitePoint.D65), without.ToXyz(rgb[left]).ToLab(WhitePoint.D65));
        }

        return new ChartFit(model, fitted, loo) { Lambda = options?.Lambda ?? 0 };
    }

    private static ProblemException Degenerate() => ReferenceCorrector.Unusable("reference.chart_degenerate",
        "The chart patches do not differ enough in colour to fit a correction: check the corners and the exposure.");

    private static IColourCorrection? Solve(string model, double[,] design, double[,] target, int[] rows,
        IReadOnlyList<LinearRgb> rgb, IReadOnlyList<Xyz> targets, int[] neutrals, ChartFitOptions? options)
    {
        double[,] x = Rows(design, rows), y = Rows(target, rows);
        double[,]? c;
        if (options is null)
        {
            c = LinearSolver.LeastSquares(x, y);
        }
        else
        {
            int k = design.GetLength(1);
            int white = neutrals.Where(i => rows.Contains(i)).DefaultIfEmpty(-1).First();
            double[]? whiteTerms = white < 0 ? null : [.. Enumerable.Range(0, k).Select(j => design[white, j])];
            double[]? whiteTarget = white < 0 ? null : [target[white, 0], target[white, 1], target[white, 2]];
            double[,]? prior = white < 0 ? null : Prior(options.Space, rgb[white], targets[white], k);
            c = ChartRegression.Solve(x, y, whiteTerms, whiteTarget, prior, prior is null ? 0 : options.Lambda);
        }

        if (c is null)
        {
            return null;
        }

        // c is terms × (X, Y, Z); a Matrix3 has a row per output.
        return model == Matrix
            ? MatrixCorrection.FromCoefficients(c)
            : new RootPolynomialCorrection(c);
    }

    /// <summary>
    /// The ridge's prior: what a grey card would do with the chart's white (von Kries in the Bradford cone space, taking
    /// the white as the profile sees it to its reference, docs/accuracy.md "The reference methods"), as coefficients; the root terms get 0.
    /// Null when the white has no usable cone response.
    /// </summary>
    private static double[,]? Prior(RgbColourSpace space, LinearRgb white, Xyz whiteTarget, int k)
    {
        Xyz seen = space.LinearToXyz(white);
        Xyz cone = ChromaticAdaptation.BradfordCone.Apply(seen);
        if (!(cone.X > 0 && cone.Y > 0 && cone.Z > 0))
        {
            return null;
        }

        Matrix3 m = ChromaticAdaptation.BradfordMatrix(seen, whiteTarget) * space.RgbToXyzD65;
        var prior = new double[k, 3];
        double[,] rows = { { m.M11, m.M12, m.M13 }, { m.M21, m.M22, m.M23 }, { m.M31, m.M32, m.M33 } };
        for (int term = 0; term < 3; term++)
        {
            for (int output = 0; output < 3; output++)
            {
                prior[term, output] = rows[output, term];
            }
        }

        return prior;
    }

    private static double[,] Rows(double[,] m, int[] rows)
    {
        int k = m.GetLength(1);
        var result = new double[rows.Length, k];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int j = 0; j < k; j++)
            {
                result[r, j] = m[rows[r], j];
            }
        }

        return result;
    }
}

/// <summary>
/// Refinements of a chart fit: preserve the chart's white exactly (Finlayson &amp; Drew 1996) and shrink the fit toward
/// the chart's own white balance with ridge strength <paramref name="Lambda"/>.
/// </summary>
/// <param name="Space">The photo's profile, whose matrix the prior adapts.</param>
/// <param name="Lambda">Ridge strength relative to the mean diagonal of XᵀX (0: white-preserving least squares).</param>
public sealed record ChartFitOptions(RgbColourSpace Space, double Lambda);
