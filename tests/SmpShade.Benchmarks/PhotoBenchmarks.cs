using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Api.Photos;
using SmpShade.Api.Photos.People;

namespace SmpShade.Benchmarks;

/// <summary>
/// Issue 3's speed target: analysing a 12-MP JPEG costs at most 1.3× ImageSharp decoding the same bytes alone, in one run.
/// The "auto" row runs what the service runs, the people models included: on this synthetic photo (no person) the face
/// detector finds nothing and the colour clustering places the regions. The models' path on a real portrait is
/// <see cref="PeopleBenchmarks"/>.
/// <c>dotnet run -c Release --project tests/SmpShade.Benchmarks -- --filter '*PhotoBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PhotoBenchmarks : IDisposable
{
    private const string Regions =
        """{"regions":{"hair":{"rect":[0.3,0.1,0.4,0.3]},"skin":{"rect":[0.3,0.55,0.4,0.3]}}}""";

    private byte[] jpeg = [];
    private PhotoAnalyzer analyzer = null!;
    private PeopleModels models = null!;
    private AnalysisOptions manual = AnalysisOptions.Default;

    /// <summary>A 4000 × 3000 phone-like JPEG (quality 90): skin with hair strands and sensor-like noise.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using var image = new Image<Rgb24>(4000, 3000);
        uint seed = 12345;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                seed = (seed * 1664525) + 1013904223; // LCG (Numerical Recipes), deterministic noise
                int noise = (int)(seed >> 28) - 8;
                bool hair = y < 1500 && (x + (y / 7)) % 12 < 5;
                int r = hair ? 60 : 220 - (y / 60);
                int g = hair ? 45 : 175 - (y / 70);
                int b = hair ? 35 : 150 - (y / 80);
                image[x, y] = new Rgb24((byte)Math.Clamp(r + noise, 0, 255), (byte)Math.Clamp(g + noise, 0, 255), (byte)Math.Clamp(b + noise, 0, 255));
            }
        }

        using var stream = new MemoryStream();
        image.Save(stream, new JpegEncoder { Quality = 90 });
        jpeg = stream.ToArray();
        models = new PeopleModels(Options.Create(new PhotoOptions()), NullLogger<PeopleModels>.Instance);
        if (!models.Available)
        {
            throw new InvalidOperationException("The people-finding models are not available: " + models.Unavailable);
        }

        analyzer = new PhotoAnalyzer(Options.Create(new PhotoOptions()), models);
        manual = AnalysisForm.ParseOptions(Regions);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        analyzer?.Dispose();
        models?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "ImageSharp decode only (Rgb24)")]
    public int DecodeOnly()
    {
        using var image = Image.Load<Rgb24>(jpeg);
        return image.Width;
    }

    [Benchmark(Description = "Analyse with hair and skin regions")]
    public double AnalyseRegions() => Analyse(manual);

    [Benchmark(Description = "Analyse auto (models: no face here, so colours)")]
    public double AnalyseAuto() => Analyse(AnalysisOptions.Default);

    // As the endpoint does: a concurrency slot, then the analysis under it.
    private double Analyse(AnalysisOptions options)
    {
        using var slot = analyzer.Reserve(CancellationToken.None);
        return slot.Analyze(jpeg, options, CancellationToken.None).Hair.Lab.L;
    }
}
