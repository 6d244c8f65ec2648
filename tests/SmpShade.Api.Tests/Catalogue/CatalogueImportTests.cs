using System.Net;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

[Collection(SharedApi.Name)]
public sealed class CatalogueImportTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Csv_import_creates_version_1_and_serves_the_pigments_in_the_documented_shape()
    {
        string supplier = NewSupplier("csv");
        var response = await client.PutCsvAsync(supplier, Csv(Row("C-1"), Row("C-2", line: "Terra", pigmentBase: "iron-oxide", l: 31.5)));
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(supplier, created.GetProperty("supplier").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal(2, created.GetProperty("pigments").GetInt32());
        Assert.Equal($"/api/v1/suppliers/{supplier}/pigments?version=1", response.Headers.Location?.OriginalString);

        var list = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var second = list.GetProperty("items")[1];
        Assert.Equal("C-2", second.GetProperty("sku").GetString());
        Assert.Equal("Pigment C-2", second.GetProperty("name").GetString());
        Assert.Equal("Terra", second.GetProperty("line").GetString());
        Assert.Equal("iron-oxide", second.GetProperty("base").GetString());
        Assert.Equal(supplier, second.GetProperty("supplier").GetString());
        Assert.Equal(1, second.GetProperty("version").GetInt32());
        // Measured under D65: stored as sent.
        Assert.Equal(31.5, second.GetProperty("lab").GetProperty("l").GetDouble());
        Assert.Equal(0.5, second.GetProperty("lab").GetProperty("a").GetDouble());
        Assert.Equal(-1, second.GetProperty("lab").GetProperty("b").GetDouble());
        Assert.Equal("D65", second.GetProperty("measured").GetProperty("illuminant").GetString());
        Assert.Equal(2, second.GetProperty("measured").GetProperty("observer").GetInt32());
        Assert.Equal(new[] { 0.0, 3, 6, 12 }, second.GetProperty("waterParts").EnumerateArray().Select(e => e.GetDouble()).ToArray());
    }

    [Fact]
    public async Task A_D50_measurement_is_stored_adapted_to_D65_with_Bradford_and_the_measured_values_kept()
    {
        string supplier = NewSupplier("d50");
        var response = await client.PutCsvAsync(supplier, Csv("X1,Warm brown,,30,10,20,D50,2,iron-oxide,0;6"));
        await response.ReadJsonAsync(HttpStatusCode.Created);

        var pigment = (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments")).GetProperty("items")[0];
        // Expected: an independent Python computation (Lindbloom's Bradford M_A, von Kries scaling in cone space,
        // CIE Lab with ε = 216/24389, κ = 24389/27), D50 = (0.9642, 1, 0.8249), D65 = (0.95047, 1, 1.08883) (ASTM E308, the project's D65):
        // Lab D50 (30, 10, 20) → Lab D65 (29.7776, 8.7299, 19.7531).
        const double Tolerance = 1e-3;
        var lab = pigment.GetProperty("lab");
        Assert.Equal(29.7776, lab.GetProperty("l").GetDouble(), Tolerance);
        Assert.Equal(8.7299, lab.GetProperty("a").GetDouble(), Tolerance);
        Assert.Equal(19.7531, lab.GetProperty("b").GetDouble(), Tolerance);
        var measured = pigment.GetProperty("measured");
        Assert.Equal("D50", measured.GetProperty("illuminant").GetString());
        Assert.Equal(30, measured.GetProperty("lab").GetProperty("l").GetDouble());
        Assert.Equal(10, measured.GetProperty("lab").GetProperty("a").GetDouble());
        Assert.Equal(20, measured.GetProperty("lab").GetProperty("b").GetDouble());
    }

    [Fact]
    public async Task Json_import_applies_the_top_level_illuminant_and_keeps_reflectance()
    {
        string supplier = NewSupplier("json");
        string reflectance = string.Join(",", Enumerable.Range(0, 31).Select(i => (0.04 + (i * 0.001)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        string json = $$"""
            {"illuminant": "D50", "observer": 2, "pigments": [
              {"sku": "J-1", "name": "Jet", "line": "Noir", "base": "carbon", "lab": {"l": 24.7, "a": -0.07, "b": -0.64},
               "waterParts": [0, 1, 3, 6, 12, 20], "reflectance": [{{reflectance}}]},
              {"sku": "J-2", "name": "Umber", "base": "iron-oxide", "lab": {"l": 30, "a": 10, "b": 20}, "illuminant": "D65",
               "waterParts": [0, 6]}
            ]}
            """;
        var created = await (await client.PutJsonAsync(supplier, json)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("pigments").GetInt32());

        var items = (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments")).GetProperty("items");
        Assert.Equal("D50", items[0].GetProperty("measured").GetProperty("illuminant").GetString());
        // Same independent computation as the D50 test above: Lab D50 (24.7, -0.07, -0.64) → D65 (24.7069, -0.0091, -0.6328).
        Assert.Equal(-0.0091, items[0].GetProperty("lab").GetProperty("a").GetDouble(), 1e-3);
        Assert.Equal(31, items[0].GetProperty("reflectance").GetArrayLength());
        Assert.Equal(0.07, items[0].GetProperty("reflectance")[30].GetDouble(), 1e-12);
        Assert.Equal("D65", items[1].GetProperty("measured").GetProperty("illuminant").GetString());
        Assert.Equal(30, items[1].GetProperty("lab").GetProperty("l").GetDouble());
        Assert.Null(items[1].GetProperty("line").GetString());
    }

    [Fact]
    public async Task Csv_headers_are_case_insensitive_comments_are_skipped_and_reflectance_columns_are_read()
    {
        string supplier = NewSupplier("hdr");
        string columns = string.Concat(Enumerable.Range(0, 31).Select(i => $",R{400 + (10 * i)}"));
        string values = string.Concat(Enumerable.Range(0, 31).Select(_ => ",0.05"));
        string csv = $"# illustrative\nSKU,Name,L,A,B,Illuminant,Base,Water_Parts{columns}\nH1,Grey,40,0,0,d65,Carbon,0;2{values}\n";
        await (await client.PutCsvAsync(supplier, csv)).ReadJsonAsync(HttpStatusCode.Created);
        var pigment = (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments")).GetProperty("items")[0];
        Assert.Equal("carbon", pigment.GetProperty("base").GetString());
        Assert.Equal(2, pigment.GetProperty("measured").GetProperty("observer").GetInt32()); // not stated: 2°
        Assert.All(pigment.GetProperty("reflectance").EnumerateArray(), r => Assert.Equal(0.05, r.GetDouble()));
    }

    [Fact]
    public async Task A_dry_run_validates_and_stores_nothing()
    {
        string supplier = NewSupplier("dry");
        var body = await (await client.PutCsvAsync(supplier, Csv(Row("D1"), Row("D2")), query: "?dryRun=true")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, body.GetProperty("pigments").GetInt32());
        Assert.True(body.GetProperty("dryRun").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("version").ValueKind);

        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/suppliers/{supplier}/catalogue/versions"),
            HttpStatusCode.NotFound, "catalogue.supplier_not_found");
    }

    [Fact]
    public async Task A_dry_run_reports_bad_rows_like_a_real_import()
    {
        var response = await client.PutCsvAsync(NewSupplier("dry"), Csv(Row("D1"), "D2,x,,abc,0,0,D65,2,carbon,0"), query: "?dryRun=true");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        Assert.Equal("l", problem.GetProperty("errors")[0].GetProperty("column").GetString());
    }

    [Fact]
    public async Task A_content_type_other_than_csv_or_json_is_refused_with_415()
    {
        var response = await client.PutAsync(NewSupplier("type"), new StringContent(Csv(Row("T1")), System.Text.Encoding.UTF8, "text/plain"), TestKeys.Admin, "");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task A_bad_supplier_slug_is_refused()
    {
        var response = await client.PutCsvAsync("Not_A_Slug", Csv(Row("S1")));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "catalogue.supplier_invalid");
    }
}
