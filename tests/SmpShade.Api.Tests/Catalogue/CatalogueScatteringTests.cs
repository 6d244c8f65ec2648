using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

/// <summary>A pigment's own scattering (Kubelka–Munk S at 550 nm, docs/science.md §4): imported, echoed, validated, used.</summary>
[Collection(SharedApi.Name)]
public sealed class CatalogueScatteringTests(SmpShadeFactory factory)
{
    private const string ScatteringHeader = Header + ",scattering";
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_CSV_scattering_is_stored_and_echoed_and_a_blank_cell_leaves_the_base_default()
    {
        string supplier = NewSupplier("scat");
        string csv = $"{ScatteringHeader}\n{Row("S-1")},18600\n{Row("S-2")},\n";
        await (await client.PutCsvAsync(supplier, csv)).ReadJsonAsync(HttpStatusCode.Created);
        var items = (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments")).GetProperty("items");
        Assert.Equal(18600, items[0].GetProperty("scattering").GetDouble());
        Assert.False(items[1].TryGetProperty("scattering", out _)); // none given: left out, the base's default applies
    }

    [Fact]
    public async Task A_JSON_scattering_is_stored_and_a_non_number_is_a_row_error()
    {
        string supplier = NewSupplier("scatj");
        const string Good = """
            {"illuminant": "D65", "pigments": [{"sku": "J-1", "name": "Umber", "base": "iron-oxide", "lab": {"l": 30, "a": 10, "b": 12},
             "waterParts": [0, 1, 3], "scattering": 18600}]}
            """;
        await (await client.PutJsonAsync(supplier, Good)).ReadJsonAsync(HttpStatusCode.Created);
        var item = (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments")).GetProperty("items")[0];
        Assert.Equal(18600, item.GetProperty("scattering").GetDouble());

        var problem = await ProblemAssert.IsProblemAsync(await client.PutJsonAsync(NewSupplier("scatj"), Good.Replace("18600", "[1, 2]", StringComparison.Ordinal)),
            HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("scattering", error.GetProperty("column").GetString());
        Assert.Contains("not a number", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "outside 1..1000000")]
    [InlineData("-5", "outside 1..1000000")]
    [InlineData("2e6", "outside 1..1000000")]
    [InlineData("NaN", "not a finite number")]
    [InlineData("lots", "not a number")]
    public async Task A_bad_scattering_rejects_the_whole_file_naming_the_column(string value, string reason)
    {
        string csv = $"{ScatteringHeader}\n{Row("S-1")},2010\n{Row("S-2")},{value}\n";
        var problem = await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("scatbad"), csv),
            HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("scattering", error.GetProperty("column").GetString());
        Assert.Contains(reason, error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_scattering_column_is_still_refused_as_unknown()
    {
        string csv = $"{Header},scatter\n{Row("S-1")},2010\n";
        var problem = await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("scatcol"), csv),
            HttpStatusCode.UnprocessableEntity, "catalogue.columns_unknown");
        Assert.Equal(["scatter"], problem.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Matching_uses_the_pigments_own_scattering()
    {
        // Two diluted grey-browns identical but for S. K = (K/S)·S, so ten times the carbon default S is ten times the
        // ink in the layer: the dot heals darker and nearer the ink's own colour (docs/science.md §4; in-process the
        // model gives L* 61.0 against 51.6 on this skin at 5 parts water).
        string supplier = NewSupplier("scatm");
        string csv = $"{ScatteringHeader}\nLOW,Low,N,45,10,20,D65,2,carbon,5,\nHIGH,High,N,45,10,20,D65,2,carbon,5,20100\n";
        await (await client.PutCsvAsync(supplier, csv)).ReadJsonAsync(HttpStatusCode.Created);
        var response = await client.PostAsJsonAsync("/api/v1/matches",
            new { skinLab = new { l = 66.0, a = 10.0, b = 17.0 }, hairLab = new { l = 30.0, a = 2.0, b = 4.0 }, supplier, top = 2 });
        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        var healed = body.GetProperty("candidates").EnumerateArray()
            .ToDictionary(c => c.GetProperty("pigment").GetProperty("sku").GetString()!, c => c.GetProperty("healed").GetProperty("lab").GetProperty("l").GetDouble());
        Assert.True(healed["HIGH"] < healed["LOW"] - 5, $"high S L* {healed["HIGH"]:F1}, default S L* {healed["LOW"]:F1}");
    }
}
