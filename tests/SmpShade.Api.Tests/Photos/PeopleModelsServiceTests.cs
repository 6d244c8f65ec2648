using System.Net;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Photos;

/// <summary>The service on a machine without MediaPipe's models: it starts, says so, and still answers auto analyses.</summary>
public sealed class PeopleModelsServiceTests
{
    [Fact]
    public async Task Without_the_models_the_service_starts_reports_them_in_readiness_and_analyses_with_a_warning()
    {
        string empty = Directory.CreateTempSubdirectory("smpshade-no-models").FullName;
        try
        {
            using var factory = new SmpShadeFactory();
            factory.Settings["Photos:ModelsDirectory"] = empty;
            using var client = factory.CreateClient();

            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using (var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
            {
                Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
                var people = body.RootElement.GetProperty("checks").GetProperty("people");
                Assert.Equal("Degraded", people.GetProperty("status").GetString());
                Assert.Contains("colour clustering", people.GetProperty("description").GetString(), StringComparison.Ordinal);
            }

            var response = await client.PostAsync("/api/v1/analyses", PhotoFiles.Form(PhotoFiles.Generated("scene.png"), null, "scene.png"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = PhotoFiles.Json(await response.Content.ReadAsStringAsync());
            Assert.Equal("colours", result.GetProperty("regions").GetProperty("method").GetString());
            Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "regions.model_unavailable");
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }
}
