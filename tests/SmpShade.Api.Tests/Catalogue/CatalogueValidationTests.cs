using System.Net;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

/// <summary>Every rule an imported row must follow, and the all-or-nothing answer when one does not.</summary>
[Collection(SharedApi.Name)]
public sealed class CatalogueValidationTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData(",No sku,,25,0,0,D65,2,carbon,0;3", "sku", "missing")]
    [InlineData("V1,,,25,0,0,D65,2,carbon,0;3", "name", "missing")]
    [InlineData("V1,Name,,NaN,0,0,D65,2,carbon,0;3", "l", "not a finite number")]
    [InlineData("V1,Name,,Infinity,0,0,D65,2,carbon,0;3", "l", "not a finite number")]
    [InlineData("V1,Name,,dark,0,0,D65,2,carbon,0;3", "l", "not a number")]
    [InlineData("V1,Name,,100.5,0,0,D65,2,carbon,0;3", "l", "outside 0..100")]
    [InlineData("V1,Name,,-1,0,0,D65,2,carbon,0;3", "l", "outside 0..100")]
    [InlineData("V1,Name,,25,-128.5,0,D65,2,carbon,0;3", "a", "outside -128..128")]
    [InlineData("V1,Name,,25,0,129,D65,2,carbon,0;3", "b", "outside -128..128")]
    [InlineData("V1,Name,,25,0,0,D75,2,carbon,0;3", "illuminant", "not D50 or D65")]
    [InlineData("V1,Name,,25,0,0,,2,carbon,0;3", "illuminant", "missing")]
    [InlineData("V1,Name,,25,0,0,D65,5,carbon,0;3", "observer", "not 2 or 10")]
    [InlineData("V1,Name,,25,0,0,D65,2,graphite,0;3", "base", "not one of carbon, iron-oxide, organic, mixed")]
    [InlineData("V1,Name,,25,0,0,D65,2,,0;3", "base", "missing")]
    [InlineData("V1,Name,,25,0,0,D65,2,carbon,0;-3", "water_parts", "not a number of water parts in 0..100")]
    [InlineData("V1,Name,,25,0,0,D65,2,carbon,0;101", "water_parts", "not a number of water parts in 0..100")]
    [InlineData("V1,Name,,25,0,0,D65,2,carbon,0;three", "water_parts", "not a number of water parts in 0..100")]
    [InlineData("V1,Name,,25,0,0,D65,2,carbon,6;3", "water_parts", "must ascend without repeats")]
    [InlineData("V1,Name,,25,0,0,D65,2,carbon,", "water_parts", "missing")]
    [InlineData("V1,Name,,25,0,0,D65,2,carbon", "*", "has 9 fields; the header has 10")]
    public async Task A_bad_row_rejects_the_whole_file_naming_row_column_and_reason(string badRow, string column, string reason)
    {
        string supplier = NewSupplier("bad");
        var response = await client.PutCsvAsync(supplier, Csv(Row("OK-1"), badRow, Row("OK-2")));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32()); // file line: header is line 1
        Assert.Equal(column, error.GetProperty("column").GetString());
        Assert.Contains(reason, error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, problem.GetProperty("errorCount").GetInt32());
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/suppliers/{supplier}/pigments"),
            HttpStatusCode.NotFound, "catalogue.supplier_not_found");
    }

    [Fact]
    public async Task Every_bad_row_is_listed_including_duplicate_skus_and_bad_reflectance()
    {
        string header = Header + string.Concat(Enumerable.Range(0, 31).Select(i => $",r{400 + (10 * i)}"));
        string good = string.Concat(Enumerable.Range(0, 31).Select(_ => ",0.1"));
        string tooBright = string.Concat(Enumerable.Range(0, 31).Select(i => i == 15 ? ",1.2" : ",0.1"));
        string partial = string.Concat(Enumerable.Range(0, 31).Select(i => i < 10 ? ",0.1" : ","));
        string csv = string.Join("\n",
            header,
            Row("R1") + good,
            Row("R1") + good,               // line 3: duplicate sku
            Row("R3") + tooBright,          // line 4: r550 out of 0..1
            Row("R4") + partial,            // line 5: 10 of 31 values
            Row("R5") + string.Concat(Enumerable.Repeat(",", 31))) + "\n"; // no reflectance: fine
        var problem = await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("many"), csv),
            HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "sku"), (4, "r550"), (5, "r500")], errors);
    }

    [Fact]
    public async Task A_bad_row_leaves_the_current_catalogue_unchanged()
    {
        string supplier = NewSupplier("keep");
        await (await client.PutCsvAsync(supplier, Csv(Row("K1"), Row("K2")))).ReadJsonAsync(HttpStatusCode.Created);

        var response = await client.PutCsvAsync(supplier, Csv(Row("N1"), Row("N2"), "N3,x,,25,0,0,D65,2,carbon,0;200"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");

        var list = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments");
        Assert.Equal(["K1", "K2"], list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
        var versions = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/catalogue/versions");
        Assert.Single(versions.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_csv_columns_are_refused_and_listed()
    {
        var response = await client.PutCsvAsync(NewSupplier("cols"), Header + ",colour,Batch\n" + Row("U1") + ",red,7\n");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.columns_unknown");
        Assert.Equal(["colour", "Batch"], problem.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Missing_required_columns_are_refused_and_listed()
    {
        var response = await client.PutCsvAsync(NewSupplier("cols"), "sku,name,l,illuminant,base\nM1,x,20,D65,carbon\n");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.columns_missing");
        Assert.Equal(["a", "b", "water_parts"], problem.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_csv_without_an_illuminant_column_is_refused()
    {
        var response = await client.PutCsvAsync(NewSupplier("noill"), "sku,name,l,a,b,base,water_parts\nI1,x,20,0,0,carbon,0;3\n");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.illuminant_missing");
    }

    [Fact]
    public async Task A_json_catalogue_that_never_states_an_illuminant_is_refused()
    {
        string json = """{"pigments": [{"sku": "I1", "name": "x", "base": "carbon", "lab": {"l": 20, "a": 0, "b": 0}, "waterParts": [0]}]}""";
        await ProblemAssert.IsProblemAsync(await client.PutJsonAsync(NewSupplier("noill"), json),
            HttpStatusCode.UnprocessableEntity, "catalogue.illuminant_missing");
    }

    [Fact]
    public async Task Unknown_json_fields_are_refused_and_listed_with_their_path()
    {
        string json = """
            {"illuminant": "D65", "vendor": "x", "pigments": [
              {"sku": "F1", "name": "x", "base": "carbon", "lab": {"l": 20, "a": 0, "b": 0, "c": 1}, "waterParts": [0], "hue": 3}]}
            """;
        var problem = await ProblemAssert.IsProblemAsync(await client.PutJsonAsync(NewSupplier("fields"), json),
            HttpStatusCode.UnprocessableEntity, "catalogue.fields_unknown");
        Assert.Equal(["vendor", "pigments[0].lab.c", "pigments[0].hue"],
            problem.GetProperty("fields").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Json_rows_are_validated_like_csv_rows_with_the_pigment_index_as_row()
    {
        string json = """
            {"illuminant": "D65", "pigments": [
              {"sku": "J1", "name": "x", "base": "carbon", "lab": {"l": 20, "a": 0, "b": 0}, "waterParts": [0, 3]},
              {"sku": "J2", "name": "x", "base": "carbon", "lab": {"l": 20, "a": 0, "b": 0}, "waterParts": [0, 3], "reflectance": [0.1, 0.2]},
              {"sku": "J3", "name": "x", "base": "carbon", "lab": {"l": "NaN", "a": 0, "b": 0}, "waterParts": [0, 3]}]}
            """;
        var problem = await ProblemAssert.IsProblemAsync(await client.PutJsonAsync(NewSupplier("jrows"), json),
            HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(2, "reflectance"), (3, "l")], errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData(Header + "\n")]
    public async Task An_empty_csv_is_refused(string csv)
    {
        await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("empty"), csv),
            HttpStatusCode.UnprocessableEntity, "catalogue.empty");
    }

    [Theory]
    [InlineData("""{"illuminant": "D65", "pigments": []}""", "catalogue.empty")]
    [InlineData("""{"illuminant": "D65", "pigments": [""", "catalogue.json_invalid")]
    [InlineData("""[1, 2]""", "catalogue.json_invalid")]
    public async Task An_empty_or_broken_json_catalogue_is_refused(string json, string code)
    {
        await ProblemAssert.IsProblemAsync(await client.PutJsonAsync(NewSupplier("jbad"), json), HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task Problem_rows_are_plain_row_column_reason_objects()
    {
        var problem = await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("shape"), Csv("S1,x,,25,0,0,D65,2,wood,0")),
            HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(["row", "column", "reason"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, error.GetProperty("row").ValueKind);
    }
}
