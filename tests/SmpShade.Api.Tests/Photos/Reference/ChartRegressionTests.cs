using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;
using SmpShade.Colour.Numerics;

namespace SmpShade.Api.Tests.Photos.Reference;

public sealed class ChartRegressionTests
{
    private const int White = 18; // "white 9.5 (.05 D)"

    // A camera no 3×3 can invert exactly: cross-talk plus a squared red channel (a mild non-linearity).
    private static LinearRgb See(Xyz xyz)
    {
        double r = 0.70 * xyz.X + 0.20 * xyz.Y, g = 0.15 * xyz.X + 0.70 * xyz.Y + 0.05 * xyz.Z, b = 0.10 * xyz.Y + 0.75 * xyz.Z;
        return new LinearRgb(0.6 * r + 0.4 * r * r, g, b);
    }

    private static List<LinearRgb> Chart() => [.. ColorCheckerReference.XyzD65.Select(See)];

    [Theory]
    [InlineData(ChartFit.Matrix)]
    [InlineData(ChartFit.RootPolynomial)]
    public void A_white_point_preserving_fit_maps_the_chart_white_exactly_where_plain_least_squares_does_not(string model)
    {
        List<LinearRgb> rgb = Chart();
        Xyz white = ColorCheckerReference.XyzD65[White];

        Xyz preserved = ChartFit.Fit(model, rgb, ColorCheckerReference.XyzD65, new ChartFitOptions(RgbColourSpace.Srgb, 0)).Correction.ToXyz(rgb[White]);
        Xyz plain = ChartFit.Fit(model, rgb, ColorCheckerReference.XyzD65).Correction.ToXyz(rgb[White]);

        Assert.Equal(white.X, preserved.X, 1e-9);
        Assert.Equal(white.Y, preserved.Y, 1e-9);
        Assert.Equal(white.Z, preserved.Z, 1e-9);
        Assert.True(DeltaE.Cie76(white.ToLab(WhitePoint.D65), plain.ToLab(WhitePoint.D65)) > 0.05, "the camera is non-linear, so the plain fit misses the white");
    }

    [Fact]
    public void A_very_strong_ridge_gives_the_grey_card_correction_of_the_chart_white()
    {
        // The ridge's prior is, by design, what ReferenceCorrector.GreyCard does with the white patch as the card.
        List<LinearRgb> rgb = Chart();
        IColourCorrection card = ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, rgb[White],
            ColorCheckerReference.XyzD65[White].ToLab(WhitePoint.D65)).Correction;
        IColourCorrection ridge = ChartFit.Fit(ChartFit.RootPolynomial, rgb, ColorCheckerReference.XyzD65,
            new ChartFitOptions(RgbColourSpace.Srgb, 1e5)).Correction;

        foreach (LinearRgb colour in (LinearRgb[])[new(0.3, 0.2, 0.1), new(0.05, 0.4, 0.6), rgb[0]])
        {
            Xyz expected = card.ToXyz(colour), actual = ridge.ToXyz(colour);
            Assert.Equal(expected.X, actual.X, 1e-4);
            Assert.Equal(expected.Y, actual.Y, 1e-4);
            Assert.Equal(expected.Z, actual.Z, 1e-4);
        }
    }

    [Fact]
    public void Without_constraint_or_ridge_the_solution_is_ordinary_least_squares()
    {
        var design = new double[,] { { 1, 0.2 }, { 0.5, 1 }, { 0.3, 0.3 }, { 0.9, 0.1 } };
        var target = new double[,] { { 1, 2, 3 }, { 0.5, 0.1, 0.2 }, { 0.4, 0.4, 0.4 }, { 0.8, 0.3, 0.1 } };

        double[,] expected = LinearSolver.LeastSquares(design, target)!;
        double[,] actual = ChartRegression.Solve(design, target, null, null, null, 0)!;

        for (int i = 0; i < 2; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(expected[i, c], actual[i, c], 1e-12);
            }
        }
    }

    [Fact]
    public void The_constrained_one_term_fit_is_the_constraint_itself()
    {
        // One unknown per channel and one equality constraint: the data cannot move it (Lagrange: c = s / t).
        var design = new double[,] { { 1 }, { 2 }, { 3 } };
        var target = new double[,] { { 1, 1, 1 }, { 2, 5, 2 }, { 3, 3, 9 } };

        double[,] c = ChartRegression.Solve(design, target, [2], [4, 6, 8], new double[,] { { 7, 7, 7 } }, 0.5)!;

        Assert.Equal(2, c[0, 0], 1e-12);
        Assert.Equal(3, c[0, 1], 1e-12);
        Assert.Equal(4, c[0, 2], 1e-12);
    }
}
