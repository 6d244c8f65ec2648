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

    /// <summary>
    /// Real Kestrel: two uploads at once per address, plenty overall. Neither the deadline (300 s) nor the minimum rate
    /// (1 B/s: 500 bytes last 500 s) can end a held upload while the test runs, however loaded the machine.
    /// </summary>
    public sealed class PerClientFactory : SlowUploadFactory
    {
        public PerClientFactory()
        {
            Settings["Photos:UploadSeconds"] = "300";
            Settings["Photos:MinUploadBytesPerSecond"] = "1";
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
        // The clock starts before the request is sent, so before Kestrel starts timing its body: a cut-off sooner than
        // the grace cannot hide behind a slow client.
        var started = DateTime.UtcNow;
        var stream = (await BeginUploadAsync(tcp, server, new byte[1_000_000], CancellationToken.None)).Stream;
        // 400 B/s at most: above Kestrel's own 240 B/s, under the configured 2000 B/s; it would take 40 minutes.
        bool closed = false;
        while (!closed && DateTime.UtcNow - started < TimeSpan.FromSeconds(150))
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
        // Cut off before the deadline (300 s), so by the rate; not before Kestrel's 10 s grace. No upper bound tighter than
        // the deadline: how soon after the grace the client sees the close depends on the machine's load, not the service.
        Assert.True(closed, FormattableString.Invariant($"the trickle was still accepted after {seconds:0} s (the deadline is 300 s)"));
        Assert.True(seconds >= 9, FormattableString.Invariant($"cut off after {seconds:0.0} s, inside the 10 s grace"));
    }

    /// <summary>
    /// No race: each held upload asks <c>Expect: 100-continue</c>, and Kestrel sends <c>100 Continue</c> only when the
    /// endpoint starts reading the body, which it does after admitting the upload (PhotoAdmission.BeginUpload runs first).
    /// So once both have read their 100, two uploads from this address are admitted and stay so (neither the deadline nor
    /// the minimum rate can end them), and the third must be refused on its first try. One of the two then finishes: the
    /// upload is released when its form has been read, before its answer is written, so once that answer is read the next
    /// upload must be admitted on its first try. Last, a held upload whose client goes away must give its place back.
    /// </summary>
    [Fact]
    public async Task A_third_upload_arriving_from_one_address_gets_429_upload_too_many_while_two_are_arriving()
    {
        using var factory = new PerClientFactory();
        Uri server = factory.Start();
        // Only against a hang: nothing below needs anything to happen within a time.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        byte[] photo = PhotoFiles.Generated("scene_sRGB_8.jpg");
        using var first = new TcpClient();
        using var second = new TcpClient();
        await BeginUploadAsync(first, server, photo, hang.Token);
        var secondUpload = await BeginUploadAsync(second, server, photo, hang.Token);

        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(3) };
        using (var refused = await PostAsync(client, photo, hang.Token))
        {
            var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "upload.too_many");
            Assert.StartsWith("At most 2 photos may be arriving at once from one address", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) > 0);
        }

        // The second finishes sending its photo and is answered; its place is free at once.
        string answer = await secondUpload.FinishAsync(hang.Token);
        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        using (var admitted = await PostAsync(client, photo, hang.Token))
        {
            Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        }

        // Two held again (the first and a third); then the first client goes away mid-photo. Its place comes back when
        // the server sees the connection gone: refused uploads are answered at once, so this asks until one is admitted.
        using var third = new TcpClient();
        await BeginUploadAsync(third, server, photo, hang.Token);
        using (var refused = await PostAsync(client, photo, hang.Token))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        first.Close();
        HttpStatusCode status;
        do
        {
            using var response = await PostAsync(client, photo, hang.Token);
            status = response.StatusCode;
        }
        while (status == HttpStatusCode.TooManyRequests);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] photo, CancellationToken cancellationToken)
    {
        using var form = PhotoFiles.Form(photo, PhotoFiles.SceneRegions);
        return await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form, cancellationToken);
    }

    /// <summary>
    /// Sends an analysis request's head with <c>Expect: 100-continue</c> and <c>Connection: close</c>, waits for the
    /// server's <c>100 Continue</c> (the endpoint has admitted it and is reading the body), sends the start of the photo
    /// part (500 bytes of the photo) and leaves the rest unsent.
    /// </summary>
    private static async Task<HeldUpload> BeginUploadAsync(TcpClient tcp, Uri server, byte[] photo, CancellationToken cancellationToken)
    {
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = tcp.GetStream();
        const string boundary = "limitslimits";
        byte[] head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        byte[] tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        string request = $"POST /api/v1/analyses HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
            + $"Content-Length: {head.Length + photo.Length + tail.Length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        string interim = await ReadHeadAsync(stream, cancellationToken);
        Assert.StartsWith("HTTP/1.1 100 Continue", interim, StringComparison.Ordinal);
        await stream.WriteAsync(head, cancellationToken);
        await stream.WriteAsync(photo.AsMemory(0, 500), cancellationToken);
        return new HeldUpload(stream, [.. photo.Skip(500), .. tail]);
    }

    /// <summary>Reads one response head, up to and including its blank line.</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, cancellationToken) == 1)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    /// <summary>An admitted upload whose photo is partly sent.</summary>
    private sealed record HeldUpload(NetworkStream Stream, byte[] Rest)
    {
        /// <summary>Sends the rest of the body and reads the answer until the server closes the connection.</summary>
        public async Task<string> FinishAsync(CancellationToken cancellationToken)
        {
            await Stream.WriteAsync(Rest, cancellationToken);
            using var all = new MemoryStream();
            await Stream.CopyToAsync(all, cancellationToken);
            return Encoding.ASCII.GetString(all.ToArray());
        }
    }
}
