using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Data;
using SmpShade.Api.Tests.Catalogue;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Data;

/// <summary>The key catalogue and auth rules again, on a real PostgreSQL server (migrations, unique-index races, case-insensitive search).</summary>
[Collection(PostgresApi.Name)]
public sealed class PostgresCatalogueTests(PostgresFactory factory)
{
    private HttpClient Client()
    {
        if (!factory.HasServer)
        {
            // Only in CI (elsewhere PostgresFact skips): the server must be there.
            Assert.Fail("CI=true but SMPSHADE_TEST_POSTGRES is not set: .ci/run starts PostgreSQL and exports it.");
        }

        return factory.CreateClient();
    }

    [PostgresFact]
    public async Task The_postgres_schema_is_migrated_on_start_and_matches_the_model()
    {
        Client();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
        Assert.IsType<PostgresSmpShadeDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no PostgreSQL migration covers");
        Assert.Equal("sample", (await db.Suppliers.SingleAsync()).Slug);
    }

    [PostgresFact]
    public async Task Import_adapt_version_and_read_back_on_postgres()
    {
        var client = Client();
        string supplier = NewSupplier("pg");
        await (await client.PutCsvAsync(supplier, Csv("X1,Warm brown,Terra,30,10,20,D50,2,iron-oxide,0;6"))).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PutCsvAsync(supplier, Csv(Row("Y1"), Row("Y2", line: "Terra")))).ReadJsonAsync(HttpStatusCode.Created);

        var v1 = (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments?version=1")).GetProperty("items")[0];
        // Independent computation, as in CatalogueImportTests: Lab D50 (30, 10, 20) → D65 (29.7776, 8.7299, 19.7531).
        Assert.Equal(29.7776, v1.GetProperty("lab").GetProperty("l").GetDouble(), 1e-3);
        Assert.Equal(8.7299, v1.GetProperty("lab").GetProperty("a").GetDouble(), 1e-3);
        Assert.Equal(19.7531, v1.GetProperty("lab").GetProperty("b").GetDouble(), 1e-3);
        Assert.Equal(new[] { 0.0, 6 }, v1.GetProperty("waterParts").EnumerateArray().Select(e => e.GetDouble()).ToArray());

        var current = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments?q=PIGMENT%20y&line=TERRA");
        Assert.Equal("Y2", Assert.Single(current.GetProperty("items").EnumerateArray()).GetProperty("sku").GetString());
        var versions = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/catalogue/versions");
        Assert.Equal([2, 1], versions.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [PostgresFact]
    public async Task A_bad_row_leaves_the_postgres_catalogue_unchanged()
    {
        var client = Client();
        string supplier = NewSupplier("pgbad");
        await (await client.PutCsvAsync(supplier, Csv(Row("K1")))).ReadJsonAsync(HttpStatusCode.Created);
        await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(supplier, Csv(Row("N1"), Row("N1"))),
            HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var list = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments");
        Assert.Equal("K1", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("sku").GetString());
    }

    [PostgresFact]
    public async Task Racing_imports_on_postgres_both_end_as_complete_versions()
    {
        var client = Client();
        string supplier = NewSupplier("pgrace");
        var files = Enumerable.Range(0, 4).Select(f => Csv(Enumerable.Range(0, 100 + (50 * f)).Select(i => Row($"F{f}-{i}")).ToArray())).ToList();
        var responses = await Task.WhenAll(files.Select(csv => client.PutCsvAsync(supplier, csv)));
        var bodies = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync(HttpStatusCode.Created)));
        Assert.Equal([1, 2, 3, 4], bodies.Select(b => b.GetProperty("version").GetInt32()).Order());
        foreach (var body in bodies)
        {
            var page = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments?version={body.GetProperty("version").GetInt32()}&pageSize=1");
            Assert.Equal(body.GetProperty("pigments").GetInt32(), page.GetProperty("total").GetInt32());
        }
    }

    [PostgresFact]
    public async Task Keys_are_issued_checked_scoped_and_revoked_on_postgres()
    {
        var client = Client();
        string own = NewSupplier("pgkey");
        var (id, key) = await client.CreateKeyAsync("supplier", own);
        await (await client.PutCsvAsync(own, Csv(Row("O1")), key)).ReadJsonAsync(HttpStatusCode.Created);
        await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("pgother"), Csv(Row("O1")), key), HttpStatusCode.Forbidden, "auth.forbidden");

        using var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/keys/{id}");
        revoke.Headers.Add("X-Api-Key", TestKeys.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(revoke)).StatusCode);
        await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(own, Csv(Row("O2")), key), HttpStatusCode.Unauthorized, "auth.key_invalid");
    }
}
