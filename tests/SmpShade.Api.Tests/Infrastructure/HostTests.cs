using System.Net;
using System.Text.Json;

namespace SmpShade.Api.Tests.Infrastructure;

[Collection(SharedApi.Name)]
public sealed class HostTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Liveness_answers_healthy()
    {
        var response = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_checks_the_database_and_answers_healthy()
    {
        var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        // The build restores MediaPipe's models beside the service (and the tests): people can be found.
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("people").GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(factory.DataFolder, "smpshade.db")), "the SQLite file is created on start");
    }

    [Fact]
    public async Task OpenApi_document_is_served_at_openapi_v1_json()
    {
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("SmpShade API", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Swagger_UI_is_served_at_swagger()
    {
        var response = await client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_answers_a_404_problem_with_a_code()
    {
        var response = await client.GetAsync("/api/v1/no-such-thing");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "route.not_found");
    }
}
