using System.Net;
using SmpShade.Api.Tests.Photos;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>Issue 15: the page was sent with no Content-Security-Policy, X-Content-Type-Options or frame-ancestors.</summary>
[Collection(SharedApi.Name)]
public sealed class SecurityHeaderTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/js/app.js")]
    [InlineData("/api/v1/suppliers")]
    public async Task The_page_its_files_and_the_api_forbid_framing_sniffing_and_foreign_scripts(string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        string policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_with_a_repeated_key_are_refused()
    {
        const string repeated = """{"regions":{"hair":{"rect":[0.125,0.06,0.75,0.38]},"skin":{"rect":[0.05,0.6,0.5,0.35]}},"regions":{}}""";
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), repeated);
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/analyses", form), HttpStatusCode.BadRequest, "options.invalid");
    }
}
