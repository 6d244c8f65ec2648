using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Catalogue;

/// <summary>Requests the catalogue and key tests send, kept short in the tests themselves.</summary>
public static class CatalogueClient
{
    public const string Header = "sku,name,line,l,a,b,illuminant,observer,base,water_parts";

    /// <summary>A fresh supplier slug per test, so tests sharing a database do not see each other's versions.</summary>
    public static string NewSupplier(string stem) => $"{stem}-{Guid.NewGuid():N}"[..(stem.Length + 9)];

    /// <summary>A valid CSV row: sku, carbon-black-like values under D65.</summary>
    public static string Row(string sku, string line = "Noir", string pigmentBase = "carbon", double l = 25) =>
        $"{sku},Pigment {sku},{line},{l},0.5,-1,D65,2,{pigmentBase},0;3;6;12";

    public static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static Task<HttpResponseMessage> PutCsvAsync(this HttpClient client, string supplier, string csv,
        string? key = TestKeys.Admin, string query = "") =>
        client.PutAsync(supplier, new StringContent(csv, Encoding.UTF8, "text/csv"), key, query);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string supplier, string json,
        string? key = TestKeys.Admin, string query = "") =>
        client.PutAsync(supplier, new StringContent(json, Encoding.UTF8, "application/json"), key, query);

    public static async Task<HttpResponseMessage> PutAsync(this HttpClient client, string supplier, HttpContent content,
        string? key, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/suppliers/{supplier}/catalogue{query}") { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        var response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Issues a key with the admin key and returns its id and secret.</summary>
    public static async Task<(string Id, string Key)> CreateKeyAsync(this HttpClient client, string role, string? supplier = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/keys") { Content = JsonContent.Create(new { role, supplier }) };
        request.Headers.Add("X-Api-Key", TestKeys.Admin);
        var response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var doc = JsonDocument.Parse(body);
        return (doc.RootElement.GetProperty("id").GetString()!, doc.RootElement.GetProperty("key").GetString()!);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
