using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Photos.Reference;

public sealed class ColorCheckerFitTests
{
    // A made-up linear camera with cross-talk: camera RGB = Camera · XYZ(D65). All entries are positive so every patch
    // stays inside the unclipped range.
    private static readonly Matrix3 Camera = new(0.70, 0.20, 0.00, 0.15, 0.70, 0.05, 0.00, 0.10, 0.75);

    private static LinearRgb See(Xyz xyz)
    {
        var (r, g, b) = Camera.Apply(xyz.X, xyz.Y, xyz.Z);
        return new LinearRgb(r, g, b);
    }

    private static List<LinearRgb> Chart() => [.. ColorCheckerReference.XyzD65.Select(See)];

    [Fact]
    public void A_linear_camera_is_recovered_exactly_by_the_3x3_fit()
    {
        ReferenceResult result = ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, Chart());

        // An arbitrary colour that is not a patch comes back as the XYZ the camera saw.
        var colour = new Xyz(0.31, 0.27, 0.12);
        Xyz measured = result.Correction.ToXyz(See(colour));
        Assert.Equal(colour.X, measured.X, 1e-9);
        Assert.Equal(colour.Y, measured.Y, 1e-9);
        Assert.Equal(colour.Z, measured.Z, 1e-9);
        Assert.Equal("colorChecker24", result.Type);
        Assert.Equal(ChartFit.Matrix, result.Model); // both models fit exactly; the simpler one is kept
        Assert.InRange(result.LooMeanDeltaE00!.Value, 0, 1e-6);
        Assert.InRange(result.LooMaxDeltaE00!.Value, 0, 1e-6);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void The_root_polynomial_recovers_a_root_polynomial_camera_that_a_matrix_cannot()
    {
        // Targets made from known root-polynomial coefficients (6 terms × XYZ) of the chart's own RGB.
        var coefficients = new double[,]
        {
            { 0.40, 0.20, 0.02 }, { 0.30, 0.60, 0.10 }, { 0.10, 0.05, 0.90 },
            { 0.15, 0.10, -0.05 }, { -0.05, 0.05, 0.10 }, { 0.08, -0.03, 0.02 },
        };
        var truth = new RootPolynomialCorrection(coefficients);
        List<LinearRgb> rgb = Chart();
        Xyz[] targets = [.. rgb.Select(truth.ToXyz)];

        ChartFit root = ChartFit.Fit(ChartFit.RootPolynomial, rgb, targets);
        ChartFit matrix = ChartFit.Fit(ChartFit.Matrix, rgb, targets);

        var other = new LinearRgb(0.2, 0.5, 0.3);
        Assert.Equal(truth.ToXyz(other).X, root.Correction.ToXyz(other).X, 1e-9);
        Assert.Equal(truth.ToXyz(other).Z, root.Correction.ToXyz(other).Z, 1e-9);
        Assert.InRange(root.LooMean, 0, 1e-6);
        Assert.True(matrix.LooMean > 0.1, $"matrix LOO {matrix.LooMean}");
    }

    [Fact]
    public void The_root_polynomial_fit_does_not_change_with_exposure()
    {
        // Every root-polynomial term is homogeneous of degree 1 (Finlayson et al. 2015), so halving the light halves the
        // terms and a fit on the darker chart measures the darker colour the same.
        List<LinearRgb> rgb = [.. Chart().Select(c => new LinearRgb(c.R * c.R + 0.1 * c.G, c.G, c.B))];
        ChartFit bright = ChartFit.Fit(ChartFit.RootPolynomial, rgb, ColorCheckerReference.XyzD65);
        ChartFit dark = ChartFit.Fit(ChartFit.RootPolynomial, [.. rgb.Select(c => Scale(c, 0.5))], ColorCheckerReference.XyzD65);

        var colour = new LinearRgb(0.3, 0.25, 0.2);
        Assert.Equal(bright.Correction.ToXyz(colour).Y, dark.Correction.ToXyz(Scale(colour, 0.5)).Y, 1e-9);
        Assert.Equal(bright.LooMean, dark.LooMean, 1e-9);
    }

    [Fact]
    public void Leave_one_out_error_grows_with_noise_and_is_never_below_the_in_sample_error()
    {
        double Loo(double noise, out double inSample)
        {
            var random = new Random(7);
            List<LinearRgb> rgb = [.. Chart().Select(c => new LinearRgb(
                c.R * (1 + noise * (random.NextDouble() - 0.5)),
                c.G * (1 + noise * (random.NextDouble() - 0.5)),
                c.B * (1 + noise * (random.NextDouble() - 0.5))))];
            ChartFit fit = ChartFit.Fit(ChartFit.Matrix, rgb, ColorCheckerReference.XyzD65);
            inSample = Enumerable.Range(0, 24).Average(i =>
                DeltaE.Ciede2000(ColorCheckerReference.LabD65[i], fit.Correction.ToXyz(rgb[i]).ToLab(WhitePoint.D65)));
            Assert.True(fit.LooMax >= fit.LooMean);
            return fit.LooMean;
        }

        double low = Loo(0.02, out double lowInSample);
        double high = Loo(0.08, out double highInSample);
        Assert.True(low > 0);
        Assert.True(high > low, $"LOO {low} at 2 % noise, {high} at 8 %");
        Assert.True(low >= lowInSample && high >= highInSample);
    }

    [Fact]
    public void A_chart_read_upside_down_is_reported_as_a_poor_fit()
    {
        // Corners given from the wrong end: the patches arrive in reverse order.
        List<LinearRgb> reversed = Chart();
        reversed.Reverse();
        ReferenceResult result = ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, reversed);

        Assert.True(result.LooMeanDeltaE00 > ReferenceCorrector.PoorFitThreshold);
        Assert.Contains(result.Warnings, w => w.Code == ReferenceCorrector.PoorFitCode);
    }

    [Fact]
    public void A_clipped_patch_is_left_out_and_named_while_the_rest_still_fit_exactly()
    {
        List<LinearRgb> chart = Chart();
        chart[17] = chart[17] with { R = 0 }; // cyan outside the photo's gamut, crushed to R = 0
        ReferenceResult result = ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, chart);

        PhotoWarningAssert.Has(result.Warnings, ReferenceCorrector.ClippedCode, "cyan");
        var colour = new Xyz(0.2, 0.3, 0.4);
        Assert.Equal(colour.Z, result.Correction.ToXyz(See(colour)).Z, 1e-9);
        Assert.InRange(result.LooMeanDeltaE00!.Value, 0, 1e-6);
    }

    [Fact]
    public void A_chart_needs_24_patches()
    {
        Assert.Throws<ArgumentException>(() => ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, Chart().Take(23).ToList()));
    }

    [Fact]
    public void A_patch_without_a_finite_colour_is_left_out_and_named()
    {
        List<LinearRgb> chart = Chart();
        chart[3] = new LinearRgb(double.NaN, 0.2, 0.2);
        ReferenceResult result = ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, chart);

        PhotoWarningAssert.Has(result.Warnings, ReferenceCorrector.ClippedCode, "foliage");
        Assert.True(double.IsFinite(result.LooMeanDeltaE00!.Value));
    }

    [Fact]
    public void Patches_that_all_look_the_same_cannot_be_fitted()
    {
        // A mislocated chart sampling the same grey wall 24 times.
        List<LinearRgb> wall = [.. Enumerable.Repeat(new LinearRgb(0.2, 0.2, 0.2), 24)];
        var error = Assert.Throws<ProblemException>(() => ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, wall));
        Assert.Equal("reference.chart_degenerate", error.Code);
    }

    [Fact]
    public void An_underexposed_chart_with_too_few_usable_patches_is_refused()
    {
        List<LinearRgb> black = [.. Chart().Select(c => Scale(c, 0.001))];
        var error = Assert.Throws<ProblemException>(() => ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, black));
        Assert.Equal("reference.chart_clipped", error.Code);
    }

    private static LinearRgb Scale(LinearRgb c, double k) => new(c.R * k, c.G * k, c.B * k);
}
