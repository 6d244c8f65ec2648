using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Data;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Auth;

/// <summary>Console output is process-wide, so these run in a collection of their own, never in parallel with themselves.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleTests
{
    public const string Name = "console";
}

[Collection(ConsoleTests.Name)]
public sealed partial class FirstStartTests
{
    [Fact]
    public async Task Without_a_configured_key_the_first_start_prints_an_admin_key_once_and_later_starts_do_not()
    {
        var original = Console.Out;
        var first = new StringWriter();
        var second = new StringWriter();
        using var factory = new SmpShadeFactory();
        factory.Settings["Auth:BootstrapAdminKey"] = "";
        try
        {
            Console.SetOut(TextWriter.Synchronized(first));
            var client = factory.CreateClient();
            string key = Assert.Single(KeyPattern().Matches(first.ToString())).Value;

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/keys");
            request.Headers.Add("X-Api-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

            Console.SetOut(TextWriter.Synchronized(second));
            using var restarted = new SmpShadeFactory();
            restarted.Settings["Auth:BootstrapAdminKey"] = "";
            restarted.Settings["Database:DataDirectory"] = factory.DataFolder;
            restarted.CreateClient();
            Assert.Empty(KeyPattern().Matches(second.ToString()));
            await using var scope = restarted.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
            Assert.Equal(1, await db.ApiKeys.CountAsync(k => k.Role == "admin"));
            // The sample is loaded on the first start only.
            Assert.Equal(1, await db.CatalogueVersions.CountAsync());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [GeneratedRegex("smp_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyPattern();
}
