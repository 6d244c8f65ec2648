using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Auth;

/// <summary>A host of its own for key tests that send bad keys, so the failed-attempt limit of the shared host is never touched.</summary>
public sealed class KeyTestFactory : SmpShadeFactory
{
    public KeyTestFactory() => Settings["Auth:FailedAttemptsPerMinute"] = "1000";
}

/// <summary>Reads closed (<c>Auth:RequireKeyForReads=true</c>) and a small body limit.</summary>
public sealed class ClosedReadsFactory : SmpShadeFactory
{
    public const int MaxBodyBytes = 4096;

    public ClosedReadsFactory()
    {
        Settings["Auth:RequireKeyForReads"] = "true";
        Settings["Catalogue:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Three failed attempts a minute, on a clock the test moves.</summary>
public sealed class RateLimitFactory : SmpShadeFactory
{
    public RateLimitFactory() => Settings["Auth:FailedAttemptsPerMinute"] = "3";

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddressFilter>();
        });
    }
}

/// <summary>The rate-limit host behind a proxy at 10.0.0.1 (<c>ForwardedHeaders:KnownProxies</c>).</summary>
public sealed class ProxiedRateLimitFactory : SmpShadeFactory
{
    public ProxiedRateLimitFactory()
    {
        Settings["Auth:FailedAttemptsPerMinute"] = "3";
        Settings["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddressFilter>());
    }
}

/// <summary>
/// TestServer has no network peer: this sets the connection's remote address from the test-only header
/// <c>X-Test-Remote</c>, ahead of the service's own pipeline (so forwarded headers are judged against it).
/// </summary>
public sealed class RemoteAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Remote";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(inner => context =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[Header], out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return inner(context);
        });
        next(app);
    };
}

/// <summary>A clock that stands still until told to move.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
