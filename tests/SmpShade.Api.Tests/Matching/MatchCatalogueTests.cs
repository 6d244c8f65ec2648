using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Auth;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Api.Tests.Photos;

namespace SmpShade.Api.Tests.Matching;

/// <summary>Matching against the catalogues in the database, and from a photo.</summary>
[Collection(SharedApi.Name)]
public sealed class MatchCatalogueTests(SmpShadeFactory factory)
{
    private static readonly object Skin = new { l = 62.0, a = 9.0, b = 17.0 };
    private static readonly object Hair = new { l = 32.0, a = 3.0, b = 6.0 };
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Without_a_supplier_the_bundled_sample_catalogue_is_ranked()
    {
        using var doc = await OkAsync(await client.PostAsJsonAsync("/api/v1/matches", new { skinLab = Skin, hairLab = Hair, top = 5 }));
        Assert.Contains(doc.RootElement.GetProperty("catalogue").EnumerateArray(), v => v.GetProperty("supplier").GetString() == "sample");
        Assert.Equal(5, doc.RootElement.GetProperty("candidates").GetArrayLength());
    }

    [Fact]
    public async Task A_freshly_imported_catalogue_version_is_matched_by_supplier_and_version()
    {
        const string csv = """
            sku,name,line,base,l,a,b,illuminant,observer,water_parts
            T-1,Test Black,T,carbon,22,0.2,-0.4,D65,2,0;2;4
            T-2,Test Brown,T,iron-oxide,33,7,11,D65,2,0;5
            """;
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/suppliers/testco/catalogue") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        put.Headers.Add("X-Api-Key", TestKeys.Admin);
        var imported = await client.SendAsync(put);
        Assert.True(imported.StatusCode == HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());
        int version = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        using var doc = await OkAsync(await client.PostAsJsonAsync("/api/v1/matches",
            new { skinLab = Skin, hairLab = Hair, supplier = "testco", catalogueVersion = version, top = 100 }));
        // Each pigment's own ladder: three steps and two.
        Assert.Equal(3 + 2, doc.RootElement.GetProperty("candidatesEvaluated").GetInt32());
        var skus = doc.RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("pigment").GetProperty("sku").GetString()).ToHashSet();
        Assert.Equal(["T-1", "T-2"], skus.Order());
        var only = Assert.Single(doc.RootElement.GetProperty("catalogue").EnumerateArray());
        Assert.Equal(version, only.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_unknown_supplier_in_the_database_is_a_404()
    {
        var response = await client.PostAsJsonAsync("/api/v1/matches", new { skinLab = Skin, hairLab = Hair, supplier = "no-such-supplier" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "catalogue.supplier_not_found");
    }

    [Fact]
    public async Task A_photo_is_analysed_and_its_hair_and_skin_are_matched()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        form.Add(new StringContent("""{"top":3,"supplier":"sample"}"""), "match");
        using var doc = await OkAsync(await client.PostAsync("/api/v1/matches", form));
        var analysis = doc.RootElement.GetProperty("analysis");
        Assert.Equal(3, doc.RootElement.GetProperty("candidates").GetArrayLength());
        // The measured skin is the skin that was fitted, the measured hair the target.
        var skin = analysis.GetProperty("skin").GetProperty("lab");
        var measured = doc.RootElement.GetProperty("skinFit").GetProperty("measured");
        Assert.Equal(skin.GetProperty("l").GetDouble(), measured.GetProperty("l").GetDouble(), 1e-3);
        Assert.Equal(analysis.GetProperty("hair").GetProperty("lab").GetProperty("b").GetDouble(),
            doc.RootElement.GetProperty("target").GetProperty("b").GetDouble(), 1e-3);
    }

    [Fact]
    public async Task A_photo_request_with_bad_match_options_is_refused_before_analysis()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        form.Add(new StringContent("""{"top":0}"""), "match");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/matches", form), HttpStatusCode.BadRequest, "match.top_out_of_range");
    }

    [Fact]
    public async Task A_photo_request_in_custom_mode_without_a_target_names_the_missing_target()
    {
        // The photo gives skin and hair, never a custom target: the problem must name targetLab, not skinLab.
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        form.Add(new StringContent("""{"mode":"custom"}"""), "match");
        var body = await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/matches", form), HttpStatusCode.BadRequest, "match.invalid_lab");
        Assert.Equal("targetLab", body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_photo_request_with_a_target_outside_custom_mode_is_refused()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        form.Add(new StringContent("""{"targetLab":{"l":30,"a":2,"b":3}}"""), "match");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/matches", form), HttpStatusCode.BadRequest, "match.target_without_custom_mode");
    }

    [Fact]
    public async Task A_photo_request_with_a_repeated_key_in_the_match_part_is_refused()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        form.Add(new StringContent("""{"top":3,"top":50}"""), "match");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/matches", form), HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public async Task A_photo_request_without_a_photo_is_refused()
    {
        using var form = PhotoFiles.Form(null, PhotoFiles.SceneRegions);
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/matches", form), HttpStatusCode.BadRequest, "photo.missing");
    }

    [Fact]
    public async Task A_plain_text_body_is_an_unsupported_media_type()
    {
        var response = await client.PostAsync("/api/v1/matches", new StringContent("skin=light", Encoding.UTF8, "text/plain"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_match_endpoint_and_its_answer()
    {
        var response = await client.GetAsync("/openapi/v1.json");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var doc = JsonDocument.Parse(text);
        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/api/v1/matches", out var path));
        Assert.True(path.TryGetProperty("post", out _));
        Assert.True(doc.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("MatchResponse", out _));
    }

    [Fact]
    public void The_match_endpoint_is_marked_for_read_access()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var match = Assert.Single(endpoints, e => e.RoutePattern.RawText?.TrimEnd('/') == "/api/v1/matches");
        Assert.NotNull(match.Metadata.GetMetadata<ReadAccessMetadata>());
    }

    private static async Task<JsonDocument> OkAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
