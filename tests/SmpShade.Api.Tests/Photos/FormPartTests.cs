using System.Net;
using System.Net.Http.Headers;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Photos;

/// <summary>The JSON parts next to a photo on /matches (<c>match</c>) are read like <c>options</c>: file or field, once.</summary>
[Collection(SharedApi.Name)]
public sealed class FormPartTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_match_part_sent_as_a_file_is_used()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        var match = new ByteArrayContent("""{"top":2,"supplier":"sample"}"""u8.ToArray());
        match.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(match, "match", "match.json");

        var response = await client.PostAsync("/api/v1/matches", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, PhotoFiles.Json(await response.Content.ReadAsStringAsync()).GetProperty("candidates").GetArrayLength());
    }

    [Fact]
    public async Task Two_match_parts_are_refused_rather_than_joined()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        form.Add(new StringContent("""{"top":2}"""), "match");
        form.Add(new StringContent("""{"top":3}"""), "match");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/matches", form), HttpStatusCode.BadRequest, "match.duplicate");
    }
}
