using System.Net;
using System.Text;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// A body in a media type the endpoint does not take is one mistake with one answer on every endpoint that takes a
/// body: 415 <c>request.unsupported_media_type</c>, the sent type and the accepted ones in the detail, and the accepted
/// ones as <c>accepted</c> (issue 14). Routing refuses some of these before the endpoint runs; the answer is the same.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class UnsupportedMediaTypeTests(SmpShadeFactory factory)
{
    public static TheoryData<string, string, string[]> Endpoints => new()
    {
        { "POST", "/api/v1/analyses", ["multipart/form-data"] },
        { "POST", "/api/v1/matches", ["application/json", "multipart/form-data"] },
        { "POST", "/api/v1/outcomes", ["application/json", "multipart/form-data"] },
        { "PUT", "/api/v1/suppliers/sample/catalogue", ["application/json", "text/csv", "application/xml", "text/xml", "application/vnd.cxf+xml"] },
        { "POST", "/api/v1/keys", ["application/json"] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_plain_text_body_gets_the_one_415_code_with_the_accepted_types(string method, string path, string[] accepted)
    {
        var problem = await SendAsync(method, path, new StringContent("hello", Encoding.UTF8, "text/plain"));
        Assert.Equal(accepted, problem.GetProperty("accepted").EnumerateArray().Select(a => a.GetString()));
        string detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("text/plain", detail, StringComparison.Ordinal);
        Assert.All(accepted, a => Assert.Contains(a, detail, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_without_a_content_type_gets_the_same_answer(string method, string path, string[] accepted)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("sku,name\n"));
        var problem = await SendAsync(method, path, content);
        Assert.Equal(accepted, problem.GetProperty("accepted").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("no Content-Type", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<System.Text.Json.JsonElement> SendAsync(string method, string path, HttpContent content)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        var response = await client.SendAsync(request);
        return await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }
}
