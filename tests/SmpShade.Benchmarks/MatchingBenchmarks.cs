using BenchmarkDotNet.Attributes;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Matching;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

namespace SmpShade.Benchmarks;

/// <summary>
/// Matching's per-request cost (issue 5 targets: 10,000 pigments × six dilutions ≤ 100 ms; the bundled catalogue
/// ≤ 5 ms). Catalogue optics are prepared in setup, as the service does once per catalogue version.
/// Run: <c>dotnet run -c Release --project tests/SmpShade.Benchmarks -- --filter '*Matching*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MatchingBenchmarks
{
    private static readonly Lab SkinLab = new(62, 9, 17);
    private static readonly Lab HairLab = new(32, 3, 6);

    private HealedToneModel model = null!;
    private MatchRanker ranker = null!;
    private SkinFit skin = null!;
    private PreparedCatalogue large = null!;
    private PreparedCatalogue bundled = null!;
    private PigmentSet bundledSet = null!;

    [GlobalSetup]
    public void Setup()
    {
        model = new HealedToneModel(new HealedToneOptions());
        ranker = new MatchRanker(model);
        skin = model.FitSkin(SkinLab);
        var random = new Random(5); // fixed seed: the same catalogue every run
        // 10,000 catalogue-like pigments (blacks, browns, greys, some chroma), no ladder of their own → the default six.
        large = new PreparedCatalogue(new PigmentSet([new CatalogueRef("synthetic", 1)], [.. Enumerable.Range(0, 10_000).Select(i =>
            new CataloguePigment("synthetic", 1, $"S-{i:00000}", $"Synthetic {i}", PigmentBase.Mixed,
                new Lab(18 + random.NextDouble() * 55, random.NextDouble() * 20 - 4, random.NextDouble() * 32 - 8), [], null))]));
        bundledSet = LoadBundled();
        bundled = new PreparedCatalogue(bundledSet);
    }

    /// <summary>The whole per-request computation on 60,000 candidates: skin fit, then ranking (top 10).</summary>
    [Benchmark]
    public int Rank_10000_pigments_x_6_dilutions() =>
        ranker.Rank(large, new MatchQuery(HairLab, model.FitSkin(SkinLab), 10, 0, true, false), null).Evaluated;

    /// <summary>The whole per-request computation on the bundled sample catalogue.</summary>
    [Benchmark]
    public int Rank_bundled_catalogue() =>
        ranker.Rank(bundled, new MatchQuery(HairLab, model.FitSkin(SkinLab), 10, 0, true, false), null).Evaluated;

    /// <summary>The bundled catalogue with blends.</summary>
    [Benchmark]
    public int Rank_bundled_catalogue_with_blends() =>
        ranker.Rank(bundled, new MatchQuery(HairLab, model.FitSkin(SkinLab), 10, 0, true, true), null).Evaluated;

    /// <summary>Fitting the client's skin alone (once per request).</summary>
    [Benchmark]
    public double Fit_skin() => model.FitSkin(SkinLab).DeltaE00;

    /// <summary>Ranking 60,000 candidates on an already fitted skin.</summary>
    [Benchmark]
    public int Rank_10000_pigments_on_a_fitted_skin() => ranker.Rank(large, new MatchQuery(HairLab, skin, 10, 0, true, false), null).Evaluated;

    /// <summary>Preparing the bundled catalogue's optics (once per catalogue version, cached).</summary>
    [Benchmark]
    public int Prepare_bundled_catalogue() => new PreparedCatalogue(bundledSet).CandidateCount;

    // The service's data/sample-catalogue.csv, read through the catalogue's own CSV reader.
    private static PigmentSet LoadBundled()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "data", "sample-catalogue.csv")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        if (dir is null)
        {
            throw new FileNotFoundException("data/sample-catalogue.csv not found above " + AppContext.BaseDirectory);
        }

        var builder = new CatalogueBuilder();
        using (var file = File.OpenRead(Path.Combine(dir, "data", "sample-catalogue.csv")))
        {
            CsvCatalogueReader.ReadAsync(file, builder, CancellationToken.None).GetAwaiter().GetResult();
        }

        return new PigmentSet([new CatalogueRef("sample", 1)], [.. builder.Pigments.Select(p => new CataloguePigment(
            "sample", 1, p.Sku, p.Name, p.Line, p.Base, p.Lab, p.MeasuredIlluminant, p.MeasuredObserver, p.MeasuredLab, p.WaterParts, p.Reflectance)
        {
            Scattering = p.Scattering, // as the import stores it, so the bundled catalogue ranks as the service's does
        })]);
    }
}
