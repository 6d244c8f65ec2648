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
        // Even the right key waits: guessing cannot continue by mixing in a known key.
        await ProblemAssert.IsProblemAsync(await Get(TestKeys.Admin), HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        // Requests without a key are not attempts and stay open.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/suppliers")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(TimeSpan.FromSeconds(15), (await Get(TestKeys.Admin)).Headers.RetryAfter?.Delta);
        factory.Clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(HttpStatusCode.OK, (await Get(TestKeys.Admin)).StatusCode);
    }

    private async Task<HttpResponseMessage> Get(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/keys");
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }
}
