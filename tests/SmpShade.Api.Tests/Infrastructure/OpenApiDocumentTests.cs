using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Auth;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>The OpenAPI document tells clients every problem an endpoint can answer.</summary>
[Collection(SharedApi.Name)]
public sealed class OpenApiDocumentTests(SmpShadeFactory factory)
{
    [Fact]
    public async Task Every_endpoint_the_key_middleware_guards_documents_its_401_and_429_and_role_bound_ones_their_403()
    {
        using var doc = await DocumentAsync();
        var paths = doc.RootElement.GetProperty("paths");
        // Which endpoints are guarded comes from the routing metadata the middleware reads, not from the document.
        var guarded = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ReadAccessMetadata>() is not null || e.Metadata.GetMetadata<RequireRolesMetadata>() is not null)
            .ToList();
        Assert.NotEmpty(guarded);
        var missing = new List<string>();
        foreach (var endpoint in guarded)
        {
            // The document writes /outcomes/{id} where the route says /outcomes/{id:long}.
            string path = "/" + Regex.Replace(endpoint.RoutePattern.RawText!.Trim('/'), @"\{(\w+):[^}]+\}", "{$1}");
            foreach (string method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods)
            {
                var responses = paths.GetProperty(path).GetProperty(method.ToLowerInvariant()).GetProperty("responses");
                string[] expected = endpoint.Metadata.GetMetadata<RequireRolesMetadata>() is null ? ["401", "429"] : ["401", "403", "429"];
                missing.AddRange(expected.Where(code => !responses.TryGetProperty(code, out _)).Select(code => $"{method} {path} {code}"));
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Request_fields_carry_the_descriptions_written_in_the_code()
    {
        using var doc = await DocumentAsync();
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        // MatchRequest's XML docs (Matching/MatchContracts.cs) say what `top` is and its range.
        var top = schemas.GetProperty("MatchRequest").GetProperty("properties").GetProperty("top");
        Assert.True(top.TryGetProperty("description", out var description), "MatchRequest.top has no description");
        Assert.Contains("1–100", description.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_match_answer_documents_the_dot_sized_colour_and_the_dot_correction()
    {
        using var doc = await DocumentAsync();
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (string schema in new[] { "MatchCandidate", "MatchBlend" })
        {
            var properties = schemas.GetProperty(schema).GetProperty("properties");
            Assert.True(properties.TryGetProperty("healedDot", out _), $"{schema} has no healedDot");
            Assert.True(properties.TryGetProperty("deltaE00Dot", out _), $"{schema} has no deltaE00Dot");
        }

        Assert.True(schemas.GetProperty("ModelSummary").GetProperty("properties").TryGetProperty("dotCorrection", out _), "ModelSummary has no dotCorrection");
    }

    [Fact]
    public async Task Every_error_response_in_the_document_is_a_problem_details_body()
    {
        using var doc = await DocumentAsync();
        var wrong = new List<string>();
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
                {
                    if (!response.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                    {
                        wrong.Add($"{operation.Name} {path.Name} {response.Name}");
                    }
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_match_endpoint_documents_the_busy_answer_of_its_photo_form()
    {
        // A photo sent to /matches goes through the same bounded analyser as /analyses: 503 server.busy when full.
        using var doc = await DocumentAsync();
        var responses = doc.RootElement.GetProperty("paths").GetProperty("/api/v1/matches").GetProperty("post").GetProperty("responses");
        Assert.True(responses.TryGetProperty("503", out _));
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
