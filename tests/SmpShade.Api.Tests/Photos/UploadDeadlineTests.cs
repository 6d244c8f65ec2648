using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Photos;

/// <summary>The real server (Kestrel on a loopback port), one analysis slot, and a 2-second upload deadline.</summary>
public class SlowUploadFactory : SmpShadeFactory
{
    public SlowUploadFactory()
    {
        Settings["Photos:MaxConcurrentAnalyses"] = "1";
        Settings["Photos:UploadSeconds"] = "2";
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public Uri Start()
    {
        StartServer();
        string address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }
}

/// <summary>
/// A client that sends its upload slowly must not hold an analysis slot for as long as it likes: Kestrel's minimum data
/// rate (240 B/s) would let a 25 MB upload take a day. Past <c>Photos:UploadSeconds</c> the server closes the
/// connection (a cancelled body read cannot be drained, so Kestrel cannot deliver the 408 problem the endpoint gives)
/// and the slot is free.
/// </summary>
public sealed class UploadDeadlineTests(SlowUploadFactory factory) : IClassFixture<SlowUploadFactory>
{
    [Fact]
    public async Task An_upload_that_trickles_past_the_deadline_is_cut_off_and_frees_its_slot()
    {
        Uri server = factory.Start();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        NetworkStream stream = tcp.GetStream();
        const string boundary = "slowslowslow";
        byte[] photo = PhotoFiles.Generated("scene_sRGB_8.jpg");
        string head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";
        int contentLength = head.Length + photo.Length + $"\r\n--{boundary}--\r\n".Length;
        string request = $"POST /api/v1/analyses HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {contentLength}\r\n\r\n{head}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        // A trickle, faster than Kestrel's minimum rate (240 B/s), never finishing within the deadline.
        var started = DateTime.UtcNow;
        using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Task<string> answer = ReadHeadAndBodyAsync(stream, reading.Token);
        for (int sent = 0; sent < photo.Length / 2 && !answer.IsCompleted; sent += 200)
        {
            try
            {
                await stream.WriteAsync(photo.AsMemory(sent, 200));
            }
            catch (IOException)
            {
                break; // the server answered and closed
            }

            await Task.Delay(250);
        }

        string response = await answer; // returns when the server closes the connection (or after 30 s)
        double seconds = (DateTime.UtcNow - started).TotalSeconds;
        Assert.True(seconds < 10, $"cut off after {seconds:0.0} s with a 2 s deadline (the trickle alone would take {photo.Length / 2 / 800} s)");
        Assert.DoesNotContain("HTTP/1.1 200", response, StringComparison.Ordinal);

        // The only slot is free again: a normal analysis goes through.
        using var client = new HttpClient { BaseAddress = server };
        using var form = PhotoFiles.Form(photo, PhotoFiles.SceneRegions);
        using HttpResponseMessage ok = await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_trickling_upload_does_not_hold_the_only_analysis_slot()
    {
        // Issue 15: four clients trickling 300 B/s held all four slots and every other analysis got 503.
        Uri server = factory.Start();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        NetworkStream stream = tcp.GetStream();
        const string boundary = "tricklingtrickling";
        string head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";
        string request = $"POST /api/v1/analyses HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: 100000\r\n\r\n{head}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        await stream.WriteAsync(new byte[500]);
        await Task.Delay(300); // the trickling request is in, its upload unfinished

        using var client = new HttpClient { BaseAddress = server };
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        using HttpResponseMessage ok = await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    /// <summary>Reads what the server sends until it closes the connection or the body it announced has arrived.</summary>
    private static async Task<string> ReadHeadAndBodyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            string text = received.ToString();
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal) && text.TrimEnd().EndsWith('}'))
            {
                break;
            }
        }

        return received.ToString();
    }
}
