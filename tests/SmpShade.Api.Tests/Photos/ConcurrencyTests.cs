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
        var release = new TaskCompletionSource();
        // Hold the only slot: an analysis whose upload has not finished arriving.
        var holding = analyzer.AnalyzeAsync(new WaitingStream(release.Task), AnalysisOptions.Default, CancellationToken.None);

        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        var response = await client.PostAsync("/api/v1/analyses", form);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "server.busy");
        Assert.Equal("Too many photos are being analysed.", problem.GetProperty("title").GetString());
        Assert.Equal("3", response.Headers.GetValues("Retry-After").Single());

        release.SetResult();
        var held = await Assert.ThrowsAsync<PhotoRejectedException>(() => holding);
        Assert.Equal("image.corrupt", held.Code); // the held upload was empty

        // The slot is free again.
        using var again = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/analyses", again)).StatusCode);
    }

    /// <summary>A stream that ends (empty) only when released.</summary>
    private sealed class WaitingStream(Task released) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await released.WaitAsync(cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
