using BenchmarkDotNet.Attributes;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;
using SmpShade.Colour.Skin;
using SmpShade.Colour.Spectra;

namespace SmpShade.Benchmarks;

/// <summary>
/// Cost of the chart reference once per analysis: the chart's own fits (2 models × 7 ridge strengths, each with its 24
/// leave-one-out refits; the baseline), the skin correction (camera responses from the chart spectra with leave-one-out
/// smoothing, then the 3×3 over the skin spectra set), the whole <see cref="ReferenceCorrector.ColorChecker"/>, and a grey
/// card alone and with a chart's calibration.
/// Run: <c>dotnet run -c Release --project tests/SmpShade.Benchmarks -- --filter '*ChartFit*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ChartFitBenchmarks
{
    private List<LinearRgb> patches = [];
    private List<Xyz> targets = [];

    [GlobalSetup]
    public void Setup()
    {
        // A camera with cross-talk, a mild non-linearity and fixed-seed noise, so that the fits are not exact.
        var random = new Random(2015);
        patches = [.. ColorCheckerReference.XyzD65.Select(x =>
        {
            double r = 0.7 * x.X + 0.2 * x.Y, g = 0.15 * x.X + 0.7 * x.Y + 0.05 * x.Z, b = 0.1 * x.Y + 0.75 * x.Z;
            return new LinearRgb((0.6 * r + 0.4 * r * r) * (1 + 0.01 * random.NextDouble()), g * (1 + 0.01 * random.NextDouble()), b);
        })];
        targets = [.. ColorCheckerReference.XyzD65];
        _ = SkinSpectraSet.Default; // built once per process, on the first chart: not part of a request's cost
    }

    [Benchmark(Baseline = true)]
    public double ChartModels()
    {
        double best = double.PositiveInfinity;
        foreach (string model in new[] { ChartFit.Matrix, ChartFit.RootPolynomial })
        {
            foreach (double lambda in ChartFit.RidgeGrid)
            {
                best = Math.Min(best, ChartFit.Fit(model, patches, targets, new ChartFitOptions(RgbColourSpace.Srgb, lambda)).LooMean);
            }
        }

        return best;
    }

    [Benchmark]
    public double SkinCorrection()
    {
        var camera = CameraResponses.Estimate(ColorCheckerSpectra.Reflectances, patches)!;
        return SkinSpectralCorrection.Fit(camera, SkinSpectraSet.Default)!.Matrix.Determinant;
    }

    [Benchmark]
    public double ColorChecker() => ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, patches).LooMeanDeltaE00!.Value;

    /// <summary>A grey card alone: the Bradford gains.</summary>
    [Benchmark]
    public double GreyCard() => ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, patches[21], ReferenceCorrector.NeutralCardLab()).Correction.ToXyz(patches[1]).Y;

    /// <summary>A grey card sent with a chart's <c>reference.camera</c>: the gains plus the skin correction from the calibration.</summary>
    [Benchmark]
    public double CalibratedGreyCard() =>
        ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, patches[21], ReferenceCorrector.NeutralCardLab(), calibration).ForSkin.ToXyz(patches[1]).Y;

    private CameraResponses calibration = null!;

    [GlobalSetup(Target = nameof(CalibratedGreyCard))]
    public void SetupCalibration()
    {
        Setup();
        calibration = ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, patches).Camera!;
    }
}
