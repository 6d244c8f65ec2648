using System.Net;
using SmpShade.Api.Tests.Catalogue;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Auth;

public sealed class RateLimitTests(RateLimitFactory factory) : IClassFixture<RateLimitFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Failed_key_attempts_past_the_limit_answer_429_with_Retry_After_until_the_window_ends()
    {
        for (int i = 0; i < 3; i++)
        {
            await ProblemAssert.IsProblemAsync(await Get("smp_guess_number_" + i + "_padding_padding_padding"), HttpStatusCode.Unauthorized, "auth.key_invalid");
        }

        var limited = await Get("smp_guess_number_4_padding_padding_padding");
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
        // Requests without a key are not attempts and stay open.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/suppliers")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(TimeSpan.FromSeconds(15), (await Get("smp_guess_number_5_padding_padding_padding")).Headers.RetryAfter?.Delta);
        factory.Clock.Advance(TimeSpan.FromSeconds(16));
        await ProblemAssert.IsProblemAsync(await Get("smp_guess_number_6_padding_padding_padding"), HttpStatusCode.Unauthorized, "auth.key_invalid");
    }

    [Fact]
    public async Task A_key_that_verifies_is_never_refused_whatever_else_came_from_its_address()
    {
        // Issue 15: ten bad tries from an office NAT locked every valid key behind it out, admin included.
        for (int i = 0; i < 4; i++)
        {
            await Get("smp_nat_neighbour_" + i + "_padding_padding_padding", "198.51.100.7");
        }

        await ProblemAssert.IsProblemAsync(await Get("smp_nat_neighbour_9_padding_padding_padding", "198.51.100.7"), HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        Assert.Equal(HttpStatusCode.OK, (await Get(TestKeys.Admin, "198.51.100.7")).StatusCode);
    }

    [Fact]
    public async Task Failures_against_one_existing_key_id_are_counted_across_addresses()
    {
        // Changing the source address used to reset the count; a wrong secret for a real key id now counts against the id.
        var (_, key) = await client.CreateKeyAsync("clinic");
        string wrongSecret = key[..17] + new string('A', key.Length - 17);
        for (int i = 0; i < 3; i++)
        {
            await ProblemAssert.IsProblemAsync(await Get(wrongSecret, $"203.0.113.{10 + i}"), HttpStatusCode.Unauthorized, "auth.key_invalid");
        }

        await ProblemAssert.IsProblemAsync(await Get(wrongSecret, "203.0.113.50"), HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        // The key itself still works, from anywhere.
        Assert.Equal(HttpStatusCode.OK, (await Get(key, "203.0.113.50")).StatusCode);
    }

    private async Task<HttpResponseMessage> Get(string key, string? from = null) => await SendAsync(client, key, from, null);

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, string? from, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/suppliers");
        request.Headers.Add("X-Api-Key", key);
        if (from is not null)
        {
            request.Headers.Add(RemoteAddressFilter.Header, from);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }
}

/// <summary>Behind a configured proxy the client is the forwarded address; elsewhere X-Forwarded-For is ignored.</summary>
public sealed class ForwardedRateLimitTests(ProxiedRateLimitFactory factory) : IClassFixture<ProxiedRateLimitFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Clients_behind_a_known_proxy_are_counted_apart()
    {
        for (int i = 0; i < 3; i++)
        {
            await RateLimitTests.SendAsync(client, "smp_behind_proxy_" + i + "_padding_padding_padding", "10.0.0.1", "192.0.2.5");
        }

        await ProblemAssert.IsProblemAsync(await RateLimitTests.SendAsync(client, "smp_behind_proxy_x_padding_padding_padding", "10.0.0.1", "192.0.2.5"),
            HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        // Another client through the same proxy is not affected.
        await ProblemAssert.IsProblemAsync(await RateLimitTests.SendAsync(client, "smp_behind_proxy_y_padding_padding_padding", "10.0.0.1", "192.0.2.6"),
            HttpStatusCode.Unauthorized, "auth.key_invalid");
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_unknown_peer_is_ignored()
    {
        for (int i = 0; i < 3; i++)
        {
            await RateLimitTests.SendAsync(client, "smp_spoofing_peer_" + i + "_padding_padding_padding", "10.9.9.9", $"192.0.2.{100 + i}");
        }

        // A fresh forwarded address every time does not reset the count of the real peer.
        await ProblemAssert.IsProblemAsync(await RateLimitTests.SendAsync(client, "smp_spoofing_peer_x_padding_padding_padding", "10.9.9.9", "192.0.2.200"),
            HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
    }
}
