using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Client;

namespace SmpShade.Api.Tests.Client;

/// <summary>
/// The service on a Kestrel port of 127.0.0.1 (its own SQLite file and sample catalogue), and the clients a clinic
/// developer would build from the generated code: an HttpClient with the <c>X-Api-Key</c> header, Kiota's
/// HttpClient request adapter, and the generated root client.
/// </summary>
public sealed class RunningService : IDisposable
{
    private readonly KestrelFactory factory = new();
    private readonly List<HttpClient> clients = [];

    public RunningService()
    {
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reports no addresses");
        BaseUrl = addresses.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>e.g. http://127.0.0.1:41234 (the document's server is relative, so the adapter is given it).</summary>
    public string BaseUrl { get; }

    /// <summary>The generated client (JSON bodies preferred), sending <paramref name="apiKey"/> when given.</summary>
    public SmpShadeClient Client(string? apiKey = null) => new(Adapter(apiKey));

    /// <summary>Kiota's request adapter over a plain HttpClient to the running service.</summary>
    public HttpClientRequestAdapter Adapter(string? apiKey = null)
    {
        // Kiota's ApiKeyAuthenticationProvider sends keys over https only; this service runs on plain http in the test.
        var http = new HttpClient();
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        clients.Add(http);
        return new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = BaseUrl };
    }

    public void Dispose()
    {
        clients.ForEach(c => c.Dispose());
        factory.Dispose();
    }

    private sealed class KestrelFactory : SmpShadeFactory
    {
        public KestrelFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }
}
