using System.Net;
using System.Text;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

/// <summary>Catalogue text: the file's encoding, and characters that would make a sku or name display as something else.</summary>
[Collection(SharedApi.Name)]
public sealed class CatalogueTextTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    // "Châtaigne foncée" as a spreadsheet in a Western European locale saves it: Latin-1, â = 0xE2, é = 0xE9.
    private static readonly int[] Ladder = [0, 6];

    private static readonly string AccentedRow = "LAT-1,Châtaigne foncée,Terre,30,10,20,D65,2,iron-oxide,0;6";

    [Fact]
    public async Task A_latin1_csv_sent_as_utf8_is_refused_with_the_row_and_nothing_is_stored()
    {
        // Before: stored as "Ch\uFFFDtaigne fonc\uFFFDe" with 201.
        string supplier = NewSupplier("lat");
        var response = await PutBytesAsync(supplier, Encoding.Latin1.GetBytes(Csv(AccentedRow)), "text/csv");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.encoding_invalid");
        Assert.Contains("Row 2, column name", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/suppliers/{supplier}/pigments")).StatusCode);
    }

    [Fact]
    public async Task A_latin1_csv_that_says_so_is_transcoded_and_stored_with_its_accents()
    {
        string supplier = NewSupplier("lat");
        var response = await PutBytesAsync(supplier, Encoding.Latin1.GetBytes(Csv(AccentedRow)), "text/csv; charset=iso-8859-1");
        await response.ReadJsonAsync(HttpStatusCode.Created);
        var pigment = (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments")).GetProperty("items")[0];
        Assert.Equal("Châtaigne foncée", pigment.GetProperty("name").GetString());
        Assert.Equal("Terre", pigment.GetProperty("line").GetString());
    }

    [Fact]
    public async Task A_utf8_csv_keeps_its_accents_and_an_unknown_charset_is_refused()
    {
        string supplier = NewSupplier("utf");
        await (await PutBytesAsync(supplier, Encoding.UTF8.GetBytes(Csv(AccentedRow)), "text/csv; charset=utf-8")).ReadJsonAsync(HttpStatusCode.Created);
        var pigment = (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments")).GetProperty("items")[0];
        Assert.Equal("Châtaigne foncée", pigment.GetProperty("name").GetString());

        var response = await PutBytesAsync(supplier, Encoding.UTF8.GetBytes(Csv(AccentedRow)), "text/csv; charset=koi8-r");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "catalogue.charset_unsupported");
    }

    [Theory]
    [InlineData("sku", "AB\u202ECD")]      // right-to-left override: displays as "ABDC"
    [InlineData("name", "Noir\u2066 intense")] // left-to-right isolate
    [InlineData("line", "Te\u0000rre")]     // NUL
    [InlineData("name", "Brun\u001Bfoncé")] // escape (terminal control sequences)
    [InlineData("sku", "X\u200FY")]        // right-to-left mark
    public async Task Control_and_bidirectional_formatting_characters_in_text_are_row_errors(string column, string value)
    {
        string sku = column == "sku" ? value : "OK-1", name = column == "name" ? value : "Plain name", line = column == "line" ? value : "Terre";
        string json = System.Text.Json.JsonSerializer.Serialize(new
        {
            pigments = new[] { new { sku, name, line, lab = new { l = 30, a = 10, b = 20 }, illuminant = "D65", @base = "iron-oxide", waterParts = Ladder } },
        });
        string supplier = NewSupplier("bidi");
        var response = await client.PutJsonAsync(supplier, json);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(column, error.GetProperty("column").GetString());
        Assert.Equal(1, error.GetProperty("row").GetInt32());
        char hidden = value.First(c => char.IsControl(c) || c is '\u202E' or '\u2066' or '\u200F');
        Assert.Contains($"U+{(int)hidden:X4}", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bidirectional_override_in_a_csv_name_is_a_row_error_too()
    {
        var response = await client.PutCsvAsync(NewSupplier("bidi"), Csv(Row("C-1"), "C-2,Evil\u202Eeman,Noir,25,0.5,-1,D65,2,carbon,0;3"));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("name", error.GetProperty("column").GetString());
    }

    private async Task<HttpResponseMessage> PutBytesAsync(string supplier, byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await client.PutAsync(supplier, content, TestKeys.Admin, "");
    }
}
