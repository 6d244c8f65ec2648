using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Photos;

/// <summary>
/// Issue 15, item 2: the two upload limits that had no test. <c>Photos:MinUploadBytesPerSecond</c> cuts off a client
/// sending slower than it (after Kestrel's 10 s grace) long before <c>Photos:UploadSeconds</c>; and
/// <c>Photos:MaxUploadsPerClient</c> refuses one address's extra uploads with 429 <c>upload.too_many</c>.
/// </summary>
public sealed class UploadLimitTests
{
    /// <summary>Real Kestrel: 2 kB/s at least, a deadline far away (300 s) so only the data rate can cut a trickle off.</summary>
    public sealed class MinimumRateFactory : SlowUploadFactory
    {
        public MinimumRateFactory()
        {
            Settings["Photos:UploadSeconds"] = "300";
            Settings["Photos:MinUploadBytesPerSecond"] = "2000";
        }
    }

    /// <summary>Real Kestrel: two uploads at once per address, plenty overall.</summary>
    public sealed class PerClientFactory : SlowUploadFactory
    {
        public PerClientFactory()
        {
            Settings["Photos:UploadSeconds"] = "300";
            Settings["Photos:MaxUploadsPerClient"] = "2";
            Settings["Photos:MaxConcurrentUploads"] = "16";
        }
    }

    [Fact]
    public async Task An_upload_slower_than_the_minimum_rate_is_cut_off_after_the_grace_period()
    {
        using var factory = new MinimumRateFactory();
        Uri server = factory.Start();
        using var tcp = new TcpClient();
        var stream = await BeginUploadAsync(tcp, server, contentLength: 1_000_000);
        // 400 B/s: above Kestrel's own 240 B/s, under the configured 2000 B/s; it would take 40 minutes.
        var started = DateTime.UtcNow;
        bool closed = false;
        while (!closed && DateTime.UtcNow - started < TimeSpan.FromSeconds(60))
        {
            try
            {
                await stream.WriteAsync(new byte[100]);
                await Task.Delay(250);
            }
            catch (IOException)
            {
                closed = true;
            }
        }

        double seconds = (DateTime.UtcNow - started).TotalSeconds;
        Assert.True(closed, "the trickle was still accepted after 60 s");
        // Kestrel checks the rate once its 10 s grace is over; the deadline (300 s) is nowhere near.
        Assert.InRange(seconds, 9, 40);
    }

    [Fact]
    public async Task A_third_upload_arriving_from_one_address_gets_429_upload_too_many_while_two_are_arriving()
    {
        using var factory = new PerClientFactory();
        Uri server = factory.Start();
        using var first = new TcpClient();
        using var second = new TcpClient();
        await BeginUploadAsync(first, server, contentLength: 100_000);
        await BeginUploadAsync(second, server, contentLength: 100_000);

        using var client = new HttpClient { BaseAddress = server };
        byte[] photo = PhotoFiles.Generated("scene_sRGB_8.jpg");
        // The two unfinished uploads are admitted as soon as their requests reach the endpoint (a moment after sending).
        HttpResponseMessage? refused = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); refused is null && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var form = PhotoFiles.Form(photo, PhotoFiles.SceneRegions);
            var response = await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "upload.too_many");
        Assert.StartsWith("At most 2 photos may be arriving at once from one address", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) > 0);

        // Once one of them goes away, this address may upload again.
        first.Close();
        HttpStatusCode status = HttpStatusCode.TooManyRequests;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); status == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var form = PhotoFiles.Form(photo, PhotoFiles.SceneRegions);
            status = (await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>Sends an analysis request's head and the start of its photo part, and leaves the rest unsent.</summary>
    private static async Task<NetworkStream> BeginUploadAsync(TcpClient tcp, Uri server, int contentLength)
    {
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        const string boundary = "limitslimits";
        string head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";
        string request = $"POST /api/v1/analyses HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
            + $"Content-Length: {contentLength}\r\n\r\n{head}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        await stream.WriteAsync(new byte[500]);
        return stream;
    }
}
