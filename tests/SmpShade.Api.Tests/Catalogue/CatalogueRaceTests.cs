using System.Net;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

/// <summary>A SQLite busy timeout of one second, so writers that race on the file lock show it quickly.</summary>
public sealed class ShortBusyTimeoutFactory : SmpShadeFactory
{
    public ShortBusyTimeoutFactory()
    {
        Settings["ConnectionStrings:SmpShade"] = $"Data Source={Path.Combine(DataFolder, "smpshade.db")};Default Timeout=1";
        Settings["Catalogue:MaxPigments"] = "20000"; // the race needs imports large enough to overlap
    }
}

/// <summary>Large imports racing for one supplier queue up instead of failing on the database lock.</summary>
public sealed class CatalogueRaceTests(ShortBusyTimeoutFactory factory) : IClassFixture<ShortBusyTimeoutFactory>
{
    [Fact]
    public async Task Large_imports_racing_for_one_supplier_all_store_as_consecutive_versions()
    {
        // Found with 8 concurrent curl uploads of 100,000 rows: 6 answered 500 "database is locked".
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        string supplier = NewSupplier("race");
        string csv = Csv([.. Enumerable.Range(0, 20_000).Select(i => Row($"R-{i}"))]);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PutCsvAsync(supplier, csv)));
        var bodies = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync(HttpStatusCode.Created)));
        Assert.Equal([1, 2, 3, 4], bodies.Select(b => b.GetProperty("version").GetInt32()).Order());
    }
}
