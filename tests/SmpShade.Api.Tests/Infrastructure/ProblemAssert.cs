using System.Net;
using System.Text.Json;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>Asserts on whole RFC 9457 problem-details bodies.</summary>
public static class ProblemAssert
{
    /// <summary>Checks the status, the content type, and that the body carries the given stable code; returns the body.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement.Clone();
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        return root;
    }
}
