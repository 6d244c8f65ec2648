using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Photos;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Photos;

/// <summary>A service allowing one analysis at a time.</summary>
public sealed class SingleAnalysisFactory : SmpShadeFactory
{
    public SingleAnalysisFactory()
    {
        Settings["Photos:MaxConcurrentAnalyses"] = "1";
        Settings["Photos:RetryAfterSeconds"] = "3";
    }
}

/// <summary>Excess analyses get 503 with Retry-After, not a queue that can run the server out of memory.</summary>
public sealed class ConcurrencyTests(SingleAnalysisFactory factory) : IClassFixture<SingleAnalysisFactory>
{
    [Fact]
    public async Task An_analysis_beyond_the_concurrency_limit_gets_503_with_Retry_After()
    {
        var client = factory.CreateClient();
        var analyzer = factory.Services.GetRequiredService<PhotoAnalyzer>();
        // Hold the only slot, as a request whose upload has not finished arriving does.
        using (analyzer.Reserve(CancellationToken.None))
        {
            using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
            var response = await client.PostAsync("/api/v1/analyses", form);
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "server.busy");
            Assert.Equal("Too many photos are being analysed.", problem.GetProperty("title").GetString());
            Assert.Equal("3", response.Headers.GetValues("Retry-After").Single());
        }

        // The slot is free again.
        using var again = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/analyses", again)).StatusCode);
    }
}
