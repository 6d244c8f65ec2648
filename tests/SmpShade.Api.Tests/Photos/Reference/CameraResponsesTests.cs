using SmpShade.Api.Photos.Reference;
using SmpShade.Api.Tests.Photos.Synthetic;
using SmpShade.Colour;
using SmpShade.Colour.Skin;
using SmpShade.Colour.Spectra;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos.Reference;

/// <summary>
/// Estimating the camera's spectral responses from a chart (<see cref="CameraResponses"/>) and the skin correction
/// built on them (<see cref="SkinSpectralCorrection"/>), noise-free, against the test renderer's camera whose true
/// responses are known.
/// </summary>
public sealed class CameraResponsesTests(ITestOutputHelper output)
{
    private static readonly double[][] Chart = [.. ColorCheckerSpectra.Reflectances];

    public static TheoryData<string> Lights() => ["D65", "A", "F11"];

    [Theory]
    [MemberData(nameof(Lights))]
    public void Responses_estimated_from_the_chart_predict_what_the_camera_records_for_skin(string light)
    {
        var camera = new SyntheticCamera(ReferenceAccuracy.Illuminants.Single(i => i.Name == light).Spd);
        LinearRgb[] measured = [.. Chart.Select(r => camera.Raw(SyntheticSpectra.FromVisibleGrid(r)))];
        CameraResponses estimate = CameraResponses.Estimate(Chart, measured) ?? throw new InvalidOperationException("no estimate");
        Assert.Contains(estimate.Smoothing, CameraResponses.SmoothingGrid);

        // Skin was not in the fit: its responses are the test. 5 % per channel is ≈ 2 ΔE00 on skin, the size of error the
        // chart's own 3×3 makes under A; the estimate must do better than that to be worth using.
        var skins = SkinSpectraSet.Default.Reflectances.Where((_, i) => i % 25 == 0).ToList();
        double worst = 0;
        foreach (double[] skin in skins)
        {
            LinearRgb truth = camera.Raw(SyntheticSpectra.FromVisibleGrid(skin)), predicted = estimate.Response(skin);
            worst = Math.Max(worst, Math.Max(Relative(truth.R, predicted.R), Math.Max(Relative(truth.G, predicted.G), Relative(truth.B, predicted.B))));
        }

        output.WriteLine($"{light}: smoothing {estimate.Smoothing}, worst relative channel error on {skins.Count} skin spectra {worst:P1}");
        Assert.True(worst < 0.05, $"worst {worst:P1}");
    }

    [Fact]
    public void Under_tungsten_the_skin_correction_beats_the_charts_own_fit_on_skin_the_set_did_not_make()
    {
        // Skin from the §6 defaults is not a member of the set (whose layer members vary K2, thicknesses and oxygenation).
        var camera = new SyntheticCamera(Cie.A);
        LinearRgb[] measured = [.. Chart.Select(r => camera.Raw(SyntheticSpectra.FromVisibleGrid(r)))];
        var skinFit = SkinSpectralCorrection.Fit(CameraResponses.Estimate(Chart, measured)!, SkinSpectraSet.Default)!;
        var chartFit = ChartFit.Fit(ChartFit.Matrix, measured, ColorCheckerReference.XyzD65).Correction;
        double[][] skins = [SyntheticSpectra.LightSkin, SyntheticSpectra.MediumSkin, SyntheticSpectra.DarkSkin];
        double Error(IColourCorrection c) => skins.Average(s => DeltaE.Ciede2000(SyntheticSpectra.TruthLab(s), c.ToXyz(camera.Raw(s)).ToLab(WhitePoint.D65)));
        output.WriteLine($"chart 3×3 {Error(chartFit):0.00}, skin correction {Error(skinFit):0.00}");
        Assert.True(Error(skinFit) < Error(chartFit) / 2);
    }

    [Fact]
    public void Too_few_or_mismatched_patches_give_no_estimate()
    {
        Assert.Null(CameraResponses.Estimate(Chart[..2], [new LinearRgb(0.1, 0.1, 0.1), new LinearRgb(0.2, 0.2, 0.2)]));
        Assert.Null(CameraResponses.Estimate(Chart[..5], [new LinearRgb(0.1, 0.1, 0.1)]));
    }

    private static double Relative(double truth, double predicted) => Math.Abs(predicted - truth) / Math.Abs(truth);
}
