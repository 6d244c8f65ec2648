using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmpShade.OpenApiDocument;

/// <summary>
/// Starts the service in memory (a throw-away SQLite folder, no sample catalogue) and writes /openapi/v1.json to the
/// file named by the first argument: exactly as served (tests/SmpShade.Api.Tests generates its Kiota client from it),
/// or with <c>--snapshot</c> in the committed snapshot's form (<see cref="Snapshot"/>; docs/openapi-v1.json).
/// </summary>
internal static class DocumentWriter
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length is not (1 or 2) || (args.Length == 2 && args[1] != "--snapshot"))
        {
            await Console.Error.WriteLineAsync("usage: SmpShade.OpenApiDocument <output.json> [--snapshot]");
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

            await File.WriteAllTextAsync(args[0], args.Length == 2 ? Snapshot(document) : document);
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

    /// <summary>
    /// The document without what does not belong to the contract, so a refresh shows only contract changes: no
    /// <c>servers</c> (where it is deployed), every object's members in ordinal order (arrays keep theirs: parameters,
    /// oneOf and enums are ordered), two-space indent, <c>\n</c> line ends and one at the end. OpenApiSnapshotTests
    /// compares in the same form.
    /// </summary>
    private static string Snapshot(string document)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        root.Remove("servers");
        return Sorted(root)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => KeyValuePair.Create(m.Key, Sorted(m.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
