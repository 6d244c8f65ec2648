using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Auth;
using SmpShade.Api.Data;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Auth;

/// <summary>The configured bootstrap key is chosen by a person, so it is stored with a salted slow hash (issue 15).</summary>
public sealed class ChosenKeyHashTests : IClassFixture<SmpShadeFactory>
{
    private readonly SmpShadeFactory factory;
    private readonly HttpClient client;

    public ChosenKeyHashTests(SmpShadeFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
    }

    [Fact]
    public async Task The_configured_bootstrap_key_is_stored_as_salted_pbkdf2_and_nothing_of_its_sha256()
    {
        var row = await BootstrapRowAsync();
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TestKeys.Admin)));
        Assert.Equal("pbkdf2:600000", row.Prefix);
        Assert.DoesNotContain(sha256[..8], row.Hash + row.Prefix, StringComparison.Ordinal); // before: the hash, and its start as the prefix

        // Independent check of the stored form: PBKDF2-HMAC-SHA256 (RFC 8018 §5.2), 600,000 iterations, with the stored salt.
        string[] parts = row.Hash.Split('$');
        Assert.Equal("p", parts[0]);
        byte[] salt = FromBase64Url(parts[1]);
        Assert.Equal(16, salt.Length);
        byte[] derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(TestKeys.Admin), salt, 600_000, HashAlgorithmName.SHA256, 24);
        Assert.Equal(derived, FromBase64Url(parts[2]));

        Assert.Equal(HttpStatusCode.OK, (await GetKeysAsync(TestKeys.Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetKeysAsync(TestKeys.Admin + "x")).StatusCode);
    }

    [Fact]
    public async Task A_bootstrap_key_stored_in_the_old_sha256_form_still_works_and_is_rehashed()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetKeysAsync(TestKeys.Admin)).StatusCode);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TestKeys.Admin)));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The form the service wrote before: SHA-256 hex, looked up by "h:" and its first 14 characters.
            var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
            var row = await db.ApiKeys.SingleAsync(k => k.Name == "bootstrap admin (configured)");
            row.Hash = sha256;
            row.Prefix = "h:" + sha256[..14];
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await GetKeysAsync(TestKeys.Admin)).StatusCode);
        var rehashed = await BootstrapRowAsync();
        Assert.Equal("pbkdf2:600000", rehashed.Prefix);
        Assert.StartsWith("p$", rehashed.Hash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetKeysAsync(TestKeys.Admin)).StatusCode);
    }

    [Fact]
    public void The_slow_hash_is_salted_so_one_key_stores_differently_each_time()
    {
        string first = ApiKeyHasher.SlowHash("a key somebody chose, twice", 1000);
        string second = ApiKeyHasher.SlowHash("a key somebody chose, twice", 1000);
        Assert.NotEqual(first, second);
        Assert.True(ApiKeyHasher.SlowMatches("a key somebody chose, twice", first, "pbkdf2:1000"));
        Assert.True(ApiKeyHasher.SlowMatches("a key somebody chose, twice", second, "pbkdf2:1000"));
        Assert.False(ApiKeyHasher.SlowMatches("a key somebody chose, twice", first, "pbkdf2:1001"));
    }

    private async Task<ApiKey> BootstrapRowAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
        return await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "bootstrap admin (configured)");
    }

    private async Task<HttpResponseMessage> GetKeysAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/keys");
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    private static byte[] FromBase64Url(string text)
    {
        string padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
