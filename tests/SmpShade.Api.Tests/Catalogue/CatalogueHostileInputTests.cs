using System.Net;
using System.Text;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

/// <summary>Inputs a hostile or careless client sends, found by driving the running service with curl: each is a 4xx with a code.</summary>
[Collection(SharedApi.Name)]
public sealed class CatalogueHostileInputTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_supplier_slug_ending_in_a_newline_is_refused_and_nothing_is_stored()
    {
        string supplier = NewSupplier("nl");
        // Regex '$' matches before a final "\n": this slug used to be stored, then the Location header threw (500).
        var response = await client.PutCsvAsync(supplier + "%0A", Csv(Row("NL-1")));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "catalogue.supplier_invalid");

        var suppliers = await client.GetJsonAsync("/api/v1/suppliers");
        Assert.DoesNotContain(suppliers.GetProperty("items").EnumerateArray(),
            s => s.GetProperty("supplier").GetString()!.StartsWith(supplier, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]   // a line with no end past the 1 MiB record limit
    [InlineData("\"")] // an opening quote that is never closed
    public async Task A_csv_record_longer_than_the_record_limit_is_refused_as_unreadable_csv(string start)
    {
        string supplier = NewSupplier("long");
        await (await client.PutCsvAsync(supplier, Csv(Row("KEEP-1")))).ReadJsonAsync(HttpStatusCode.Created);

        string csv = Header + "\n" + start + new string('x', 2 * 1024 * 1024) + "\n";
        var response = await client.PutCsvAsync(supplier, csv);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.csv_invalid");

        var pigments = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments");
        Assert.Equal(["KEEP-1"], pigments.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
    }

    [Fact]
    public async Task A_semicolon_separated_csv_is_refused_naming_the_separator()
    {
        string csv = Header.Replace(',', ';') + "\n" + Row("SEMI-1").Replace(',', ';') + "\n";
        var response = await client.PutCsvAsync(NewSupplier("semi"), csv);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.separator_invalid");
        Assert.Contains("';'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_with_a_byte_order_mark_crlf_line_ends_and_blank_lines_imports()
    {
        string supplier = NewSupplier("bom");
        byte[] body = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Header + "\r\n" + Row("B-1") + "\r\n\r\n" + Row("B-2") + "\r\n\r\n")];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("text/csv");
        var created = await (await client.PutAsync(supplier, content, TestKeys.Admin, "")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("pigments").GetInt32());
        var pigments = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments");
        Assert.Equal(["B-1", "B-2"], pigments.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
    }

    [Theory]
    [InlineData("sku", "{\"a\": 1}", "object")]
    [InlineData("name", "[\"x\"]", "array")]
    [InlineData("line", "true", "true")]
    [InlineData("base", "[\"carbon\"]", "array")]
    [InlineData("illuminant", "{\"name\": \"D65\"}", "object")]
    public async Task A_json_text_field_given_as_an_object_array_or_boolean_is_refused_not_stored_as_its_json(
        string field, string value, string kind)
    {
        // Found with curl: {"sku": {"a":1}, "name": ["x"], "line": true} was stored as the texts {"a":1}, ["x"], true.
        var pigment = new Dictionary<string, string>
        {
            ["sku"] = "\"J-1\"", ["name"] = "\"Noir\"", ["line"] = "\"L\"", ["base"] = "\"carbon\"", ["illuminant"] = "\"D65\"",
        };
        pigment[field] = value;
        string json = "{\"pigments\": [{" + string.Join(", ", pigment.Select(p => $"\"{p.Key}\": {p.Value}"))
            + ", \"lab\": {\"l\": 25, \"a\": 0, \"b\": 0}, \"waterParts\": [0, 3]}]}";
        string supplier = NewSupplier("jtype");
        var problem = await ProblemAssert.IsProblemAsync(await client.PutJsonAsync(supplier, json),
            HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(field, error.GetProperty("column").GetString());
        Assert.Equal($"must be a JSON string, not {kind}", error.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("""{"illuminant": "D65", "pigments": [{"sku": "D-1", "name": "n", "base": "carbon", "lab": {"l": 20, "a": 0, "b": 0, "L": 90}, "waterParts": [0]}]}""", "pigments[0].lab.L")]
    [InlineData("""{"illuminant": "D65", "pigments": [{"sku": "D-1", "sku": "D-2", "name": "n", "base": "carbon", "lab": {"l": 20, "a": 0, "b": 0}, "waterParts": [0]}]}""", "pigments[0].sku")]
    [InlineData("""{"illuminant": "D65", "pigments": [{"sku": "D-1", "name": "n", "base": "carbon", "lab": {"l": 20, "a": 0, "b": 0}, "waterParts": [0]}], "pigments": []}""", "pigments")]
    public async Task A_json_field_given_twice_is_refused_instead_of_the_last_one_winning(string json, string field)
    {
        // Found with curl: a second "pigments" replaced the first (answered catalogue.empty); {"l": 20, "L": 90} stored 90.
        var problem = await ProblemAssert.IsProblemAsync(await client.PutJsonAsync(NewSupplier("jdup"), json),
            HttpStatusCode.UnprocessableEntity, "catalogue.fields_repeated");
        Assert.Equal([field], problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }

    [Theory]
    [InlineData(2147483647, 500)]
    [InlineData(4294969, 500)] // (page − 1) × 500 = 2,147,484,000 > int.MaxValue = 2,147,483,647
    public async Task A_page_whose_offset_overflows_is_refused_instead_of_wrapping_to_page_one(int page, int pageSize)
    {
        string supplier = NewSupplier("page");
        await (await client.PutCsvAsync(supplier, Csv(Row("P-1")))).ReadJsonAsync(HttpStatusCode.Created);
        var response = await client.GetAsync($"/api/v1/suppliers/{supplier}/pigments?page={page}&pageSize={pageSize}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "catalogue.paging_invalid");
    }
}
