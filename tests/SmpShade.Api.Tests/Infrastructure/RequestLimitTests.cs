using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SmpShade.Api.Tests.Client;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// Over-long URLs and header blocks on real Kestrel (the in-memory test server has no such limits): a problem with a
/// code, not Kestrel's bare 414/431. What Kestrel still answers by itself is pinned too, so docs/api.md stays true.
/// </summary>
public sealed class RequestLimitTests : IClassFixture<RunningService>
{
    private readonly Uri address;

    public RequestLimitTests(RunningService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        address = new Uri(service.BaseUrl);
    }

    [Fact]
    public async Task A_url_longer_than_8_KiB_gets_414_with_a_problem_body()
    {
        // Before: Kestrel's request line limit (8 KiB) answered 414 with an empty body.
        string path = "/api/v1/suppliers?q=" + new string('a', 9000);
        var (status, type, body) = await SendRawAsync($"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.Equal(414, status);
        Assert.Equal("application/problem+json", type);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("request.uri_too_long", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(414, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Headers_over_32_KiB_get_431_with_a_problem_body()
    {
        string headers = string.Concat(Enumerable.Range(0, 5).Select(i => $"X-Filler-{i}: {new string('h', 7000)}\r\n"));
        var (status, type, body) = await SendRawAsync($"GET /health/live HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n");
        Assert.Equal(431, status);
        Assert.Equal("application/problem+json", type);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("request.headers_too_large", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_url_within_the_limit_still_reaches_the_endpoint()
    {
        var (status, _, _) = await SendRawAsync($"GET /health/live?pad={new string('p', 8000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("GET /health/live HTTP/9.9\r\nHost: localhost\r\n\r\n", 505)] // unknown version
    [InlineData("G@T /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n", 400)] // invalid method token
    [InlineData("GET /health/live HTTP/1.1\r\n\r\n", 400)]                    // HTTP/1.1 without Host
    public async Task Malformed_requests_are_answered_by_kestrel_before_the_service_with_no_body(string request, int expected)
    {
        // Documented in docs/api.md: these never reach the application, so no middleware can give them a body.
        var (status, _, body) = await SendRawAsync(request);
        Assert.Equal(expected, status);
        Assert.Equal("", body);
    }

    private async Task<(int Status, string? ContentType, string Body)> SendRawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        int split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        string head = split < 0 ? response : response[..split];
        string body = split < 0 ? "" : response[(split + 4)..];
        string[] lines = head.Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        string? type = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim().Split(';')[0]).FirstOrDefault();
        if (lines.Any(l => l.StartsWith("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Unchunk(body);
        }

        return (status, type, body);
    }

    private static string Unchunk(string chunked)
    {
        var result = new StringBuilder();
        int at = 0;
        while (at < chunked.Length)
        {
            int end = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            int size = Convert.ToInt32(chunked[at..end], 16);
            if (size == 0)
            {
                break;
            }

            result.Append(chunked, end + 2, size);
            at = end + 2 + size + 2;
        }

        return result.ToString();
    }
}
