using BenchmarkDotNet.Attributes;
using SmpShade.Colour;

namespace SmpShade.Benchmarks;

/// <summary>
/// Throughput of the colour library's hot paths: ΔE00 (ranking compares every candidate with the target) and
/// encoded RGB → Lab (every sampled pixel). Each invocation processes <see cref="N"/> items and reports the time per item.
/// Run: <c>dotnet run -c Release --project tests/SmpShade.Benchmarks -- --filter '*Colour*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ColourBenchmarks
{
    /// <summary>Items per benchmark invocation.</summary>
    public const int N = 4096;

    private Lab[] labs = [];
    private byte[] pixels = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2005); // fixed seed: the same colours every run
        labs = [.. Enumerable.Range(0, N + 1).Select(_ => new Lab(random.NextDouble() * 100, random.NextDouble() * 160 - 80, random.NextDouble() * 160 - 80))];
        pixels = new byte[3 * N];
        random.NextBytes(pixels);
    }

    [Benchmark(OperationsPerInvoke = N)]
    public double DeltaE00()
    {
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            sum += DeltaE.Ciede2000(labs[i], labs[i + 1]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public double SrgbToLab_PerPixel()
    {
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            sum += RgbColourSpace.Srgb.ToLab(pixels[3 * i] / 255.0, pixels[3 * i + 1] / 255.0, pixels[3 * i + 2] / 255.0).L;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public double SrgbToLab_EightBitTable()
    {
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            sum += RgbColourSpace.Srgb.ToLab8(pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2]).L;
        }

        return sum;
    }
}
