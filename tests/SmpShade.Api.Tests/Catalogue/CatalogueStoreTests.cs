using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Colour;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

/// <summary>The in-process side: what matching reads, and what a failed import leaves behind.</summary>
[Collection(SharedApi.Name)]
public sealed class CatalogueStoreTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task The_store_serves_one_suppliers_version_or_every_current_catalogue_and_its_fingerprint_moves_on_import()
    {
        string supplier = NewSupplier("store");
        await (await client.PutCsvAsync(supplier, Csv(Row("S-1"), Row("S-2")))).ReadJsonAsync(HttpStatusCode.Created);
        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CatalogueStore>();
        long before = await store.GetFingerprintAsync(CancellationToken.None);

        await (await client.PutCsvAsync(supplier, Csv(Row("S-3")))).ReadJsonAsync(HttpStatusCode.Created);
        long after = await store.GetFingerprintAsync(CancellationToken.None);
        Assert.NotEqual(before, after);

        var v1 = await store.GetPigmentsAsync(supplier, 1, CancellationToken.None);
        Assert.Equal(["S-1", "S-2"], v1.Select(p => p.Sku));
        Assert.All(v1, p => Assert.Equal((supplier, 1), (p.Supplier, p.Version)));
        Assert.Equal(new Lab(25, 0.5, -1), v1[0].Lab);
        Assert.Equal(PigmentBase.Carbon, v1[0].Base);

        var all = await store.GetPigmentsAsync(null, null, CancellationToken.None);
        Assert.Equal(["S-3"], all.Where(p => p.Supplier == supplier).Select(p => p.Sku));
        Assert.Contains(all, p => p.Supplier == "sample");

        var missing = await Assert.ThrowsAsync<ProblemException>(() => store.GetPigmentsAsync(supplier, 7, CancellationToken.None));
        Assert.Equal("catalogue.version_not_found", missing.Code);
    }

    [Fact]
    public async Task An_import_that_fails_while_writing_rolls_back_and_leaves_the_previous_version_current()
    {
        string supplier = NewSupplier("crash");
        await (await client.PutCsvAsync(supplier, Csv(Row("P-1")))).ReadJsonAsync(HttpStatusCode.Created);

        // Two rows with one sku get past no validator here (the importer trusts its caller), so the unique
        // (version, sku) index fails the insert after the version row and some pigments were written.
        var lab = new Lab(20, 0, 0);
        var rows = Enumerable.Range(0, 50).Select(i => new ParsedPigment(i == 49 ? "X-0" : $"X-{i}", "x", null, PigmentBase.Carbon, lab, "D65", 2, lab, [0], null)).ToList();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CatalogueImporter>();
            await Assert.ThrowsAsync<DbUpdateException>(() => importer.ImportAsync(supplier, rows, "csv", "test", CancellationToken.None));
        }

        var versions = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/catalogue/versions");
        Assert.Equal(1, Assert.Single(versions.GetProperty("items").EnumerateArray()).GetProperty("version").GetInt32());
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
        Assert.Equal(0, await db.Pigments.CountAsync(p => p.Sku.StartsWith("X-") && p.Version!.Supplier!.Slug == supplier));
    }
}
