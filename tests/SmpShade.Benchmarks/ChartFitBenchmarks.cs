using BenchmarkDotNet.Attributes;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;

namespace SmpShade.Benchmarks;

/// <summary>
/// Cost of fitting a ColorChecker once per analysis: 2 models × 7 ridge strengths, each with its 24 leave-one-out refits.
/// Run: <c>dotnet run -c Release --project tests/SmpShade.Benchmarks -- --filter '*ChartFit*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ChartFitBenchmarks
{
    private List<LinearRgb> patches = [];

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
    }

    [Benchmark]
    public double ColorChecker() => ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb, patches).LooMeanDeltaE00!.Value;
}
