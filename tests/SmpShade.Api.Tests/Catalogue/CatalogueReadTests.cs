using System.Net;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

[Collection(SharedApi.Name)]
public sealed class CatalogueReadTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Each_import_adds_a_version_and_older_versions_stay_readable()
    {
        string supplier = NewSupplier("hist");
        await (await client.PutCsvAsync(supplier, Csv(Row("V1-A")))).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PutJsonAsync(supplier, """{"illuminant":"D65","pigments":[{"sku":"V2-A","name":"x","base":"carbon","lab":{"l":20,"a":0,"b":0},"waterParts":[0]},{"sku":"V2-B","name":"y","base":"organic","lab":{"l":30,"a":1,"b":2},"waterParts":[0,3]}]}"""))
            .ReadJsonAsync(HttpStatusCode.Created);
        var third = await (await client.PutCsvAsync(supplier, Csv(Row("V3-A"), Row("V3-B"), Row("V3-C")))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, third.GetProperty("version").GetInt32());

        var versions = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/catalogue/versions");
        var items = versions.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([3, 2, 1], items.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([3, 2, 1], items.Select(v => v.GetProperty("pigments").GetInt32()));
        Assert.Equal(["csv", "json", "csv"], items.Select(v => v.GetProperty("sourceFormat").GetString()));
        Assert.All(items, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("loadedBy").GetString())));

        var current = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments");
        Assert.Equal(["V3-A", "V3-B", "V3-C"], current.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
        var first = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments?version=1");
        var only = Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.Equal("V1-A", only.GetProperty("sku").GetString());
        Assert.Equal(1, only.GetProperty("version").GetInt32());

        var suppliers = await client.GetJsonAsync("/api/v1/suppliers");
        var mine = suppliers.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("supplier").GetString() == supplier);
        Assert.Equal(3, mine.GetProperty("currentVersion").GetInt32());
        Assert.Equal(3, mine.GetProperty("pigments").GetInt32());
    }

    [Fact]
    public async Task Unknown_suppliers_and_versions_answer_404_with_their_codes()
    {
        string supplier = NewSupplier("nf");
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/suppliers/{supplier}/pigments"), HttpStatusCode.NotFound, "catalogue.supplier_not_found");
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/suppliers/{supplier}/catalogue/versions"), HttpStatusCode.NotFound, "catalogue.supplier_not_found");
        await (await client.PutCsvAsync(supplier, Csv(Row("A")))).ReadJsonAsync(HttpStatusCode.Created);
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/suppliers/{supplier}/pigments?version=2"), HttpStatusCode.NotFound, "catalogue.version_not_found");
    }

    [Fact]
    public async Task Pigments_are_paged_and_filtered_by_base_line_and_text()
    {
        string supplier = NewSupplier("page");
        var rows = Enumerable.Range(1, 12).Select(i => i <= 7
            ? Row($"NOIR-{i:00}", line: "Noir", pigmentBase: "carbon")
            : Row($"TERRA-{i:00}", line: "Terra", pigmentBase: "iron-oxide")).ToArray();
        await (await client.PutCsvAsync(supplier, Csv(rows))).ReadJsonAsync(HttpStatusCode.Created);
        string path = $"/api/v1/suppliers/{supplier}/pigments";

        var page2 = await client.GetJsonAsync(path + "?page=2&pageSize=5");
        Assert.Equal(12, page2.GetProperty("total").GetInt32());
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Equal(5, page2.GetProperty("pageSize").GetInt32());
        Assert.Equal(["NOIR-06", "NOIR-07", "TERRA-08", "TERRA-09", "TERRA-10"],
            page2.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
        var page3 = await client.GetJsonAsync(path + "?page=3&pageSize=5");
        Assert.Equal(2, page3.GetProperty("items").GetArrayLength());

        Assert.Equal(5, (await client.GetJsonAsync(path + "?base=iron-oxide")).GetProperty("total").GetInt32());
        Assert.Equal(7, (await client.GetJsonAsync(path + "?line=noir")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await client.GetJsonAsync(path + "?line=noir&base=iron-oxide")).GetProperty("total").GetInt32());
        var text = await client.GetJsonAsync(path + "?q=terra-1");
        Assert.Equal(["TERRA-10", "TERRA-11", "TERRA-12"], text.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
        // Names are "Pigment <sku>": q looks in names too, case-insensitively; % is a literal, not a wildcard.
        Assert.Equal(12, (await client.GetJsonAsync(path + "?q=PIGMENT")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await client.GetJsonAsync(path + "?q=%25")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("?pageSize=501", "catalogue.paging_invalid")]
    [InlineData("?pageSize=0", "catalogue.paging_invalid")]
    [InlineData("?page=0", "catalogue.paging_invalid")]
    [InlineData("?base=wood", "catalogue.filter_invalid")]
    public async Task Bad_paging_or_filters_answer_400(string query, string code)
    {
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/suppliers/sample/pigments{query}"), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task The_illustrative_sample_catalogue_is_loaded_on_first_start()
    {
        var list = await client.GetJsonAsync("/api/v1/suppliers/sample/pigments?pageSize=500");
        int total = list.GetProperty("total").GetInt32();
        Assert.InRange(total, 20, 40);
        var pigments = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, pigments.Select(p => p.GetProperty("line").GetString()).Distinct().Count());
        Assert.Contains(pigments, p => p.GetProperty("base").GetString() == "carbon");
        Assert.Contains(pigments, p => p.GetProperty("base").GetString() == "iron-oxide");
        // Listed as D50 measurements, so the sample exercised the Bradford path.
        Assert.All(pigments, p => Assert.Equal("D50", p.GetProperty("measured").GetProperty("illuminant").GetString()));
        // Carbon black: very dark and near neutral (data/README.md).
        var jet = pigments.Single(p => p.GetProperty("sku").GetString() == "NOIR-01").GetProperty("lab");
        Assert.InRange(jet.GetProperty("l").GetDouble(), 20, 28);
        Assert.InRange(jet.GetProperty("a").GetDouble(), -1, 1);
        var versions = await client.GetJsonAsync("/api/v1/suppliers/sample/catalogue/versions");
        Assert.Equal("system", versions.GetProperty("items")[0].GetProperty("loadedBy").GetString());
    }

    [Fact]
    public async Task Two_racing_imports_for_one_supplier_both_end_as_complete_versions()
    {
        string supplier = NewSupplier("race");
        string a = Csv(Enumerable.Range(0, 400).Select(i => Row($"A-{i}")).ToArray());
        string b = Csv(Enumerable.Range(0, 300).Select(i => Row($"B-{i}")).ToArray());
        var responses = await Task.WhenAll(client.PutCsvAsync(supplier, a), client.PutCsvAsync(supplier, b));
        var bodies = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync(HttpStatusCode.Created)));
        Assert.Equal([1, 2], bodies.Select(x => x.GetProperty("version").GetInt32()).Order());

        foreach (var body in bodies)
        {
            int version = body.GetProperty("version").GetInt32();
            int count = body.GetProperty("pigments").GetInt32();
            var page = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments?version={version}&pageSize=500");
            Assert.Equal(count, page.GetProperty("total").GetInt32());
            string prefix = count == 400 ? "A-" : "B-";
            Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.StartsWith(prefix, p.GetProperty("sku").GetString(), StringComparison.Ordinal));
        }
    }
}
