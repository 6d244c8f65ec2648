using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmpShade.OpenApiDocument;

/// <summary>
/// Starts the service in memory (a throw-away SQLite folder, no sample catalogue) and writes /openapi/v1.json exactly
/// as it serves it to the file named by the first argument. tests/SmpShade.Api.Tests generates its Kiota client from it.
/// </summary>
internal static class DocumentWriter
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync("usage: SmpShade.OpenApiDocument <output.json>");
            return 2;
        }

        // The service's content root: src/SmpShade.Api beside the SmpShade.sln above this program.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SmpShade.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SMPSHADE_API",
            Path.Combine(root?.FullName ?? throw new InvalidOperationException("SmpShade.sln not found"), "src", "SmpShade.Api"));
        string folder = Path.Combine(Path.GetTempPath(), "smpshade-openapi-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Database:DataDirectory", folder);
                builder.UseSetting("Catalogue:LoadSampleOnFirstStart", "false");
                builder.UseSetting("Logging:LogLevel:Default", "Warning");
                // A key nobody learns, so the first start does not print one.
                builder.UseSetting("Auth:BootstrapAdminKey", "smp_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
            });
            using var client = factory.CreateClient();
            string document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
            string? directory = Path.GetDirectoryName(Path.GetFullPath(args[0]));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            await File.WriteAllTextAsync(args[0], document);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
