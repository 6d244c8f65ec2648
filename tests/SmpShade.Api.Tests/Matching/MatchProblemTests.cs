using System.Net;
using System.Net.Http.Json;
using System.Text;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Matching;

[Collection(MatchingApi.Name)]
public sealed class MatchProblemTests(MatchingFactory factory)
{
    private static readonly object Skin = new { l = 62.0, a = 9.0, b = 17.0 };
    private static readonly object Hair = new { l = 32.0, a = 3.0, b = 6.0 };
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_lightness_above_100_is_an_invalid_lab()
    {
        var body = await ProblemAsync(new { skinLab = new { l = 120.0, a = 0.0, b = 0.0 }, hairLab = Hair }, HttpStatusCode.BadRequest, "match.invalid_lab");
        Assert.Equal("skinLab is out of range", body.GetProperty("title").GetString());
        Assert.Equal("skinLab needs 0 ≤ l ≤ 100 and |a|, |b| ≤ 128, all finite.", body.GetProperty("detail").GetString());
        Assert.Equal("skinLab", body.GetProperty("field").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_missing_hair_colour_in_hair_mode_is_an_invalid_lab()
    {
        var body = await ProblemAsync(new { skinLab = Skin }, HttpStatusCode.BadRequest, "match.invalid_lab");
        Assert.Equal("hairLab", body.GetProperty("field").GetString());
        Assert.Equal("hairLab is missing", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_lab_missing_a_component_is_an_invalid_lab()
    {
        var body = await ProblemAsync(new { skinLab = new { l = 60.0, a = 5.0 }, hairLab = Hair }, HttpStatusCode.BadRequest, "match.invalid_lab");
        Assert.Equal("skinLab", body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_NaN_component_is_an_invalid_lab()
    {
        // JSON has no NaN literal, but the web reader accepts the string "NaN": validation must catch it.
        var response = await client.PostAsync("/api/v1/matches", Json("""{"skinLab":{"l":"NaN","a":0,"b":0},"hairLab":{"l":30,"a":0,"b":0}}"""));
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "match.invalid_lab");
        Assert.Equal("skinLab", body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_mode_is_refused()
    {
        var body = await ProblemAsync(new { skinLab = Skin, hairLab = Hair, mode = "eyebrows" }, HttpStatusCode.BadRequest, "match.unknown_mode");
        Assert.Equal("Mode 'eyebrows' is not one of hair, custom, scar.", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public async Task Top_outside_1_to_100_is_refused(int top)
    {
        var body = await ProblemAsync(new { skinLab = Skin, hairLab = Hair, top }, HttpStatusCode.BadRequest, "match.top_out_of_range");
        Assert.Equal($"top must be between 1 and 100; got {top}.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Negative_years_are_refused()
    {
        await ProblemAsync(new { skinLab = Skin, hairLab = Hair, years = -1.0 }, HttpStatusCode.BadRequest, "match.years_out_of_range");
    }

    [Fact]
    public async Task An_unknown_supplier_is_a_404()
    {
        var body = await ProblemAsync(new { skinLab = Skin, hairLab = Hair, supplier = "nobody" }, HttpStatusCode.NotFound, "catalogue.supplier_not_found");
        Assert.Equal("No supplier 'nobody'.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_catalogue_version_is_a_404()
    {
        await ProblemAsync(new { skinLab = Skin, hairLab = Hair, supplier = "acme", catalogueVersion = 9 }, HttpStatusCode.NotFound, "catalogue.version_not_found");
    }

    [Fact]
    public async Task A_version_without_a_supplier_is_refused()
    {
        await ProblemAsync(new { skinLab = Skin, hairLab = Hair, catalogueVersion = 1 }, HttpStatusCode.BadRequest, "match.version_without_supplier");
    }

    [Fact]
    public async Task An_empty_catalogue_is_a_404()
    {
        var body = await ProblemAsync(new { skinLab = Skin, hairLab = Hair, supplier = "hollow" }, HttpStatusCode.NotFound, "catalogue.empty");
        Assert.Equal("Supplier 'hollow' has no pigments in that catalogue version.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_field_is_refused_rather_than_ignored()
    {
        var response = await client.PostAsync("/api/v1/matches", Json("""{"skinLab":{"l":60,"a":5,"b":15},"hairLab":{"l":30,"a":2,"b":4},"topp":3}"""));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("hair")]
    [InlineData("scar")]
    public async Task A_target_lab_outside_custom_mode_is_refused_rather_than_ignored(string? mode)
    {
        // Before: the hair was matched and targetLab silently dropped, so the client got an answer to another question.
        var body = await ProblemAsync(new { skinLab = Skin, hairLab = Hair, targetLab = new { l = 50.0, a = 0.0, b = 0.0 }, mode },
            HttpStatusCode.BadRequest, "match.target_without_custom_mode");
        Assert.Equal("targetLab", body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_repeated_key_is_refused_rather_than_the_last_one_winning()
    {
        var response = await client.PostAsync("/api/v1/matches",
            Json("""{"skinLab":{"l":62,"a":9,"b":17},"skinLab":{"l":20,"a":9,"b":17},"hairLab":{"l":30,"a":2,"b":4}}"""));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ACME")]
    [InlineData("acme\u0000")]
    public async Task A_supplier_that_is_not_a_slug_is_refused(string supplier)
    {
        var body = await ProblemAsync(new { skinLab = Skin, hairLab = Hair, supplier }, HttpStatusCode.BadRequest, "catalogue.supplier_invalid");
        Assert.Equal("supplier", body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_megabyte_supplier_name_is_refused_without_being_echoed_back()
    {
        var response = await client.PostAsJsonAsync("/api/v1/matches", new { skinLab = Skin, hairLab = Hair, supplier = new string('x', 1_000_000) });
        Assert.True(response.Content.Headers.ContentLength < 4096, $"{response.Content.Headers.ContentLength} bytes of problem");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "catalogue.supplier_invalid");
    }

    [Fact]
    public async Task Malformed_json_is_refused()
    {
        var response = await client.PostAsync("/api/v1/matches", Json("""{"skinLab": {"l": 60,"""));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
    }

    private async Task<System.Text.Json.JsonElement> ProblemAsync(object body, HttpStatusCode status, string code)
    {
        var response = await client.PostAsJsonAsync("/api/v1/matches", body);
        return await ProblemAssert.IsProblemAsync(response, status, code);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
