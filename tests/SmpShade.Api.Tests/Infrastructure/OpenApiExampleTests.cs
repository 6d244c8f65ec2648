using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// Every request example the OpenAPI document shows works: each JSON, CSV and CxF body example is sent, as the
/// document describes it, to a fresh service with the sample catalogue, and must succeed. (A client developer
/// copies these first; an example the service refuses would be the worst documentation.)
/// </summary>
public sealed class OpenApiExampleTests : IClassFixture<SmpShadeFactory>
{
    private readonly SmpShadeFactory factory;

    public OpenApiExampleTests(SmpShadeFactory factory) => this.factory = factory;

    [Fact]
    public async Task Every_request_body_example_in_the_document_is_accepted_by_the_service()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Admin);
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var sent = new List<string>();
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("requestBody", out var body))
                {
                    continue;
                }

                foreach (var media in body.GetProperty("content").EnumerateObject().Where(m => m.Name != "multipart/form-data"))
                {
                    Assert.True(media.Value.TryGetProperty("example", out var example), $"{operation.Name} {path.Name} {media.Name} has no example");
                    string text = example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();
                    // A catalogue example goes to a supplier of its own, so each format's example is a first version.
                    string url = path.Name.Replace("{supplier}", "example-" + Regex.Replace(media.Name, "[^a-z0-9]", "-"), StringComparison.Ordinal);
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url)
                    {
                        Content = new StringContent(text, Encoding.UTF8, media.Name),
                    };
                    var response = await client.SendAsync(request);
                    string answer = await response.Content.ReadAsStringAsync();
                    Assert.True(response.IsSuccessStatusCode, $"{operation.Name} {path.Name} {media.Name}: {(int)response.StatusCode} {answer}");
                    sent.Add($"{operation.Name} {path.Name} {media.Name}");
                }
            }
        }

        // The bodies the document must carry examples for: keys, matches (JSON), outcomes (JSON), catalogues in each format.
        Assert.Contains("post /api/v1/matches application/json", sent);
        Assert.Contains("post /api/v1/outcomes application/json", sent);
        Assert.Contains("post /api/v1/keys application/json", sent);
        Assert.Contains("put /api/v1/suppliers/{supplier}/catalogue text/csv", sent);
        Assert.Contains("put /api/v1/suppliers/{supplier}/catalogue application/json", sent);
        Assert.Contains("put /api/v1/suppliers/{supplier}/catalogue application/xml", sent);
    }

    [Fact]
    public async Task The_photo_forms_are_documented_as_multipart_with_a_binary_photo_and_json_parts()
    {
        using var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        foreach (var (path, part) in new[] { ("/api/v1/analyses", (string?)null), ("/api/v1/matches", "match"), ("/api/v1/outcomes", "outcome") })
        {
            var form = doc.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody")
                .GetProperty("content").GetProperty("multipart/form-data");
            var properties = form.GetProperty("schema").GetProperty("properties");
            Assert.Equal("binary", properties.GetProperty("photo").GetProperty("format").GetString());
            Assert.Equal("application/json", form.GetProperty("encoding").GetProperty("options").GetProperty("contentType").GetString());
            Assert.Equal("#/components/schemas/AnalysisOptions", properties.GetProperty("options").GetProperty("allOf")[0].GetProperty("$ref").GetString());
            if (part is not null)
            {
                Assert.Equal("application/json", form.GetProperty("encoding").GetProperty(part).GetProperty("contentType").GetString());
            }
        }
    }
}
