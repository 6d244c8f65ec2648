using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SmpShade.Api.Photos;
using SmpShade.Api.Photos.People;
using SmpShade.Api.Photos.Reference;

namespace SmpShade.Benchmarks;

/// <summary>
/// Issue 13's speed targets, in one run: the whole auto analysis of a 12 MP portrait JPEG (faces, landmarks and person
/// segmentation on a downscaled copy) at most 1.3 × ImageSharp decoding the same bytes alone, and the chart search on a
/// 12 MP chart photo at most 50 ms. The photos are the tests' real portrait and chart photo (Images/, SOURCES.md there)
/// upscaled to 4000 × 3000-class sizes and saved as quality-90 JPEGs.
/// <c>dotnet run -c Release --project tests/SmpShade.Benchmarks -- --filter '*PeopleBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PeopleBenchmarks : IDisposable
{
    private byte[] portrait = [];
    private byte[] hairline = [];
    private PhotoAnalyzer analyzer = null!;
    private PeopleModels models = null!;
    private PhotoPixels chart = null!;

    [GlobalSetup]
    public void Setup()
    {
        portrait = Upscaled("portrait.jpg", 3098, 3872); // 12.0 MP at the photo's 0.8 aspect
        hairline = Upscaled("portrait.jpg", 4600, 2600, new Rectangle(340, 20, 300, 170)); // 12.0 MP, no face in it
        models = new PeopleModels(Options.Create(new PhotoOptions()), NullLogger<PeopleModels>.Instance);
        if (!models.Available)
        {
            throw new InvalidOperationException("The people-finding models are not available: " + models.Unavailable);
        }

        analyzer = new PhotoAnalyzer(Options.Create(new PhotoOptions()), models);
        chart = PhotoDecoder.Decode(Upscaled("chart.jpg", 4242, 2828), new PhotoOptions(), CancellationToken.None); // 12.0 MP
    }

    /// <summary>The embedded photo (or a crop of it) resized to <paramref name="width"/> × <paramref name="height"/>, as a quality-90 JPEG.</summary>
    private static byte[] Upscaled(string resource, int width, int height, Rectangle? crop = null)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException(resource + " is not embedded");
        using var image = Image.Load<Rgb24>(stream);
        image.Mutate(x => (crop is { } c ? x.Crop(c) : x).Resize(width, height));
        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        analyzer?.Dispose();
        models?.Dispose();
        chart?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "ImageSharp decode only (Rgb24), portrait")]
    public int DecodeOnly()
    {
        using var image = Image.Load<Rgb24>(portrait);
        return image.Width;
    }

    /// <summary>
    /// ImageSharp decoding the hairline close-up's own bytes: the no-face analysis's own "decode alone". The close-up is as
    /// many pixels as the portrait but smoother, so its JPEG is smaller and decodes in a different time.
    /// </summary>
    [Benchmark(Description = "ImageSharp decode only (Rgb24), hairline close-up")]
    public int DecodeOnlyHairline()
    {
        using var image = Image.Load<Rgb24>(hairline);
        return image.Width;
    }

    [Benchmark(Description = "Analyse auto from people, portrait")]
    public double AnalyseAuto()
    {
        using var slot = analyzer.Reserve(CancellationToken.None);
        var result = slot.Analyze(portrait, AnalysisOptions.Default, CancellationToken.None);
        return result.Regions.Method == "people" ? result.Hair.Lab.L : throw new InvalidOperationException("no person found");
    }

    /// <summary>
    /// A close-up of a hairline (the portrait's hair and forehead above the brows, 12 MP), the usual SMP photo: no face,
    /// so every detector pass runs before the colour clustering answers.
    /// </summary>
    [Benchmark(Description = "Analyse auto, no face (hairline close-up)")]
    public double AnalyseAutoNoFace()
    {
        using var slot = analyzer.Reserve(CancellationToken.None);
        var result = slot.Analyze(hairline, AnalysisOptions.Default, CancellationToken.None);
        return result.Regions.Method == "colours" ? result.Hair.Lab.L : throw new InvalidOperationException("a face was found in the hairline close-up");
    }

    [Benchmark(Description = "Chart search, 12 MP (decoded)")]
    public int FindChart() => ChartFinder.Find(chart).Patches;
}
