using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// The service in-process on a temp SQLite file of its own. One per test collection
/// (<see cref="SharedApi"/>); extra configuration can be set through <see cref="Settings"/> before first use.
/// </summary>
public class SmpShadeFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "smpshade-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Configuration overrides (key → value) applied on top of the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Auth:BootstrapAdminKey"] = TestKeys.Admin,
    };

    /// <summary>The folder holding this factory's database file.</summary>
    public string DataFolder => folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", folder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown is left for the OS temp cleaner.
            }
        }
    }
}

/// <summary>Well-known keys the tests configure.</summary>
public static class TestKeys
{
    public const string Admin = "smp_test_admin_key_0123456789abcdef";
}

[CollectionDefinition(Name)]
public sealed class SharedApi : ICollectionFixture<SmpShadeFactory>
{
    public const string Name = "api";
}
