using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Auth;
using SmpShade.Api.Data;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Auth;

/// <summary>
/// Issue 15: wrong keys that are not generated keys ran the bootstrap key's slow hash (PBKDF2, 600,000 iterations,
/// one at a time) each, so a flood of them delayed the admin's first use. Now a key that cannot be the configured
/// bootstrap key is refused without it, while every other slow-hashed key is still checked the slow way.
/// Counted (slow checks run), not timed.
/// </summary>
public sealed class WrongKeyFloodTests
{
    [Fact]
    public async Task A_flood_of_wrong_chosen_looking_keys_runs_no_slow_hash_and_the_admin_key_still_works()
    {
        using var factory = new SmpShadeFactory();
        using var client = factory.CreateClient();
        var verifier = factory.Services.GetRequiredService<ChosenKeyVerifier>();
        int before = verifier.SlowChecks;

        // 40 different wrong keys (not the generated form, so they reach the chosen-key check), 8 at a time.
        for (int round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => GetKeysAsync(client, $"guess-{round}-{i}-{Guid.NewGuid():N}")));
            Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        }

        Assert.Equal(before, verifier.SlowChecks);

        // The admin key verifies (its first use: one slow check), then is remembered.
        Assert.Equal(HttpStatusCode.OK, (await GetKeysAsync(client, TestKeys.Admin)).StatusCode);
        Assert.Equal(before + 1, verifier.SlowChecks);
        Assert.Equal(HttpStatusCode.OK, (await GetKeysAsync(client, TestKeys.Admin)).StatusCode);
        Assert.Equal(before + 1, verifier.SlowChecks);
    }

    [Fact]
    public async Task A_slow_hashed_key_the_process_has_not_seen_configured_is_still_checked_the_slow_way_and_verifies()
    {
        using var factory = new SmpShadeFactory();
        using var client = factory.CreateClient();
        var verifier = factory.Services.GetRequiredService<ChosenKeyVerifier>();
        const string other = "a key another replica was configured with";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As another replica with another Auth:BootstrapAdminKey would store it.
            var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
            db.ApiKeys.Add(new ApiKey
            {
                Id = ApiKeyHasher.NewId(), Name = "bootstrap admin (configured)", Role = Roles.Admin,
                Prefix = ApiKeyHasher.SlowPrefix(ApiKeyHasher.SlowIterations), Hash = ApiKeyHasher.SlowHash(other), CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        int before = verifier.SlowChecks;
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetKeysAsync(client, "a wrong key")).StatusCode);
        Assert.Equal(before + 1, verifier.SlowChecks);
        Assert.Equal(HttpStatusCode.OK, (await GetKeysAsync(client, other)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetKeysAsync(client, TestKeys.Admin)).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetKeysAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/keys");
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }
}
