using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Data;
using SmpShade.Api.Tests.Catalogue;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Auth;

public sealed class KeyTests(KeyTestFactory factory) : IClassFixture<KeyTestFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_new_key_is_shown_once_and_only_its_sha256_hash_is_stored()
    {
        var response = await Send(HttpMethod.Post, "/api/v1/keys", TestKeys.Admin, new { role = "supplier", supplier = "acme", name = "Acme uploads" });
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        string id = created.GetProperty("id").GetString()!;
        string key = created.GetProperty("key").GetString()!;
        Assert.Equal("supplier", created.GetProperty("role").GetString());
        Assert.Equal("acme", created.GetProperty("supplier").GetString());
        // 32 random bytes of secret, base64url: ≥ 128 bits.
        Assert.True(key.Length >= 43, key);

        string listed = await (await Send(HttpMethod.Get, "/api/v1/keys", TestKeys.Admin)).Content.ReadAsStringAsync();
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        string secret = key[17..]; // after "smp_" + 12-character lookup id + "_"
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>().ApiKeys.SingleAsync(k => k.Id == id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), row.Hash);
        Assert.All(new[] { row.Id, row.Name, row.Role, row.Supplier, row.Prefix, row.Hash },
            field => Assert.DoesNotContain(secret, field ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_bootstrap_key_is_stored_without_any_of_its_characters()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var bootstrap = await scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>().ApiKeys
            .SingleAsync(k => k.Name == "bootstrap admin (configured)");
        Assert.Equal("admin", bootstrap.Role);
        Assert.DoesNotContain(TestKeys.Admin[..8], bootstrap.Prefix, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Admin[..8], bootstrap.Hash, StringComparison.Ordinal);
        // Not its SHA-256 either, which a guessable chosen key could be found from: salted PBKDF2 (ChosenKeyHashTests).
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TestKeys.Admin))), bootstrap.Hash);
    }

    [Fact]
    public async Task Writes_need_a_key()
    {
        await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("w"), Csv(Row("A")), key: null),
            HttpStatusCode.Unauthorized, "auth.key_required");
        await ProblemAssert.IsProblemAsync(await Send(HttpMethod.Post, "/api/v1/keys", null, new { role = "clinic" }),
            HttpStatusCode.Unauthorized, "auth.key_required");
    }

    [Fact]
    public async Task An_unknown_key_is_refused_with_401()
    {
        await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("w"), Csv(Row("A")), key: "smp_not_a_real_key_at_all_0000000000"),
            HttpStatusCode.Unauthorized, "auth.key_invalid");
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var (id, key) = await client.CreateKeyAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/api/v1/keys", key)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"/api/v1/keys/{id}", TestKeys.Admin)).StatusCode);
        await ProblemAssert.IsProblemAsync(await Send(HttpMethod.Get, "/api/v1/keys", key), HttpStatusCode.Unauthorized, "auth.key_invalid");
        var listed = await (await Send(HttpMethod.Get, "/api/v1/keys", TestKeys.Admin)).ReadJsonAsync(HttpStatusCode.OK);
        var row = listed.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, row.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_answers_404()
    {
        await ProblemAssert.IsProblemAsync(await Send(HttpMethod.Delete, "/api/v1/keys/nope", TestKeys.Admin), HttpStatusCode.NotFound, "key.not_found");
    }

    [Fact]
    public async Task A_supplier_key_loads_its_own_catalogue_but_not_another_suppliers()
    {
        string own = NewSupplier("own");
        var (_, key) = await client.CreateKeyAsync("supplier", own);
        var created = await (await client.PutCsvAsync(own, Csv(Row("O1")), key)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, created.GetProperty("version").GetInt32());

        string other = NewSupplier("other");
        await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(other, Csv(Row("O1")), key), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/suppliers/{other}/pigments"), HttpStatusCode.NotFound, "catalogue.supplier_not_found");
    }

    [Fact]
    public async Task Clinic_and_supplier_keys_cannot_write_catalogues_or_manage_keys()
    {
        var (_, clinic) = await client.CreateKeyAsync("clinic");
        var (_, supplier) = await client.CreateKeyAsync("supplier", "acme");
        await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("c"), Csv(Row("A")), clinic), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await Send(HttpMethod.Post, "/api/v1/keys", clinic, new { role = "admin" }), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await Send(HttpMethod.Get, "/api/v1/keys", supplier), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Theory]
    [InlineData("""{"role": "root"}""", "key.role_invalid")]
    [InlineData("""{"role": "supplier"}""", "key.supplier_invalid")]
    [InlineData("""{"role": "supplier", "supplier": "Bad Slug"}""", "key.supplier_invalid")]
    [InlineData("""{"role": "clinic", "supplier": "acme"}""", "key.supplier_invalid")]
    public async Task Bad_key_requests_answer_400(string json, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/keys") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", TestKeys.Admin);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("""{"role": "clinic", "expires": "2027-01-01"}""")] // unknown field: a key was issued, ignoring it
    [InlineData("""{"role": 5}""")]
    [InlineData("""[{"role": "admin"}]""")]
    public async Task A_key_request_with_unknown_fields_or_wrong_types_answers_400_and_issues_nothing(string json)
    {
        int before = (await client.GetJsonAsync("/api/v1/keys", TestKeys.Admin)).GetProperty("items").GetArrayLength();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/keys") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", TestKeys.Admin);
        var problem = await (await client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.BadRequest);
        // The same code in every environment (RouteHandlerOptions.ThrowOnBadRequest is set for all of them).
        Assert.Equal("request.invalid_json", problem.GetProperty("code").GetString());
        Assert.Equal("https://smpshade.org/problems/request.invalid_json", problem.GetProperty("type").GetString()); // not the 500 link
        Assert.Equal(before, (await client.GetJsonAsync("/api/v1/keys", TestKeys.Admin)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Reads_are_open_by_default_and_a_key_sent_with_them_is_still_checked()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/suppliers")).StatusCode);
        await ProblemAssert.IsProblemAsync(await Send(HttpMethod.Get, "/api/v1/suppliers", "smp_wrong_key_for_reading_000000000000"),
            HttpStatusCode.Unauthorized, "auth.key_invalid");
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await client.SendAsync(request);
    }
}
