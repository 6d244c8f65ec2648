using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Browser;

/// <summary>
/// The real service on a Kestrel port of 127.0.0.1 (a browser cannot reach the in-memory
/// test server), and one headless Chromium shared by the browser tests. The browser starts
/// on first use, so a skipped run never needs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    private readonly KestrelSmpShadeFactory factory = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The service's root address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A client for arranging test data through the API directly.</summary>
    public HttpClient CreateApiClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Where screenshots go: TestResults/screenshots in the test output folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public Task InitializeAsync()
    {
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reports no addresses");
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        Directory.CreateDirectory(ScreenshotFolder);
        return Task.CompletedTask;
    }

    /// <summary>A fresh browser context (own cookies and storage) with the given viewport.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width, int height, bool phone = false)
    {
        Assert.True(Chromium.IsInstalled, $"Chromium is required in CI but is missing at {Chromium.ExecutablePath}: install Debian's `chromium` package.");
        if (browser is null)
        {
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath,
                Headless = true,
                Args = Chromium.Args,
                Timeout = 120_000,
            });
        }
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 3 : 1,
        });
        context.SetDefaultTimeout(120_000); // analyses and browser work share two busy cores
        return context;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
    }

    public void Dispose() => factory.Dispose();

    /// <summary>The test factory, listening on a free port of 127.0.0.1 through Kestrel.</summary>
    private sealed class KestrelSmpShadeFactory : SmpShadeFactory
    {
        public KestrelSmpShadeFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
