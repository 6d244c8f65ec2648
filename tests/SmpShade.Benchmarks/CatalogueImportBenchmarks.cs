using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Data;

namespace SmpShade.Benchmarks;

/// <summary>
/// A 10,000-row catalogue (31 reflectance columns each, ≈ 4 MB of CSV): validation alone, and validation plus the
/// one-transaction import into SQLite. Target: seconds, not minutes (issue 4).
/// <c>dotnet run -c Release --project tests/SmpShade.Benchmarks -- --filter '*CatalogueImport*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CatalogueImportBenchmarks
{
    private const int Rows = 10_000;
    private byte[] csv = [];
    private string folder = "";
    private DbContextOptions<SqliteSmpShadeDbContext> options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("sku,name,line,l,a,b,illuminant,observer,base,water_parts");
        text.Append(string.Concat(Enumerable.Range(0, 31).Select(i => $",r{400 + (10 * i)}"))).Append('\n');
        for (int row = 0; row < Rows; row++)
        {
            double l = 20 + (row % 40);
            text.Append(CultureInfo.InvariantCulture, $"SKU-{row},Pigment {row},Line {row % 5},{l},{(row % 7) - 3},{(row % 11) - 5},D50,2,carbon,0;1;3;6;12;20");
            text.Append(string.Concat(Enumerable.Range(0, 31).Select(i => "," + (0.04 + (i * 0.001)).ToString("F4", CultureInfo.InvariantCulture)))).Append('\n');
        }

        csv = Encoding.UTF8.GetBytes(text.ToString());
        folder = Path.Combine(Path.GetTempPath(), "smpshade-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        options = new DbContextOptionsBuilder<SqliteSmpShadeDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options;
        using var db = new SqliteSmpShadeDbContext(options);
        db.Database.Migrate();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> Validate10kRowCsv()
    {
        var builder = new CatalogueBuilder();
        await CsvCatalogueReader.ReadAsync(new MemoryStream(csv), builder, CancellationToken.None);
        return builder.ErrorCount == 0 ? builder.Pigments.Count : throw new InvalidOperationException(builder.Errors[0].ToString());
    }

    [Benchmark]
    public async Task<int> ValidateAndImport10kRowCsvIntoSqlite()
    {
        var builder = new CatalogueBuilder();
        await CsvCatalogueReader.ReadAsync(new MemoryStream(csv), builder, CancellationToken.None);
        await using var db = new SqliteSmpShadeDbContext(options);
        using var gate = new CatalogueImportGate();
        var importer = new CatalogueImporter(db, TimeProvider.System, gate, Microsoft.Extensions.Options.Options.Create(new CatalogueOptions()),
            new LocalWrites(sqlite: true), NullLogger<CatalogueImporter>.Instance);
        return await importer.ImportAsync("bench", builder.Pigments, "csv", "bench", CancellationToken.None);
    }
}
