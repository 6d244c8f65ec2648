using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Tests.Replicas;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// Issue 15: the service started from a folder other than its own read no appsettings.json (it logged every EF command
/// at Information). <see cref="ServiceContentRoot"/> picks the service's own folder then, and only then.
/// </summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("smpshade-root-");

    public void Dispose() => folder.Delete(recursive: true);

    private string Folder(string name, bool withSettings)
    {
        var dir = Directory.CreateDirectory(Path.Combine(folder.FullName, name)).FullName;
        if (withSettings)
        {
            File.WriteAllText(Path.Combine(dir, "appsettings.json"), "{}");
        }

        return dir;
    }

    private static IConfiguration Host(params string[] args) => new ConfigurationBuilder().AddCommandLine(args).Build();

    [Fact]
    public void A_current_folder_without_settings_gives_the_services_own_folder()
    {
        string service = Folder("service", withSettings: true);
        Assert.Equal(service, ServiceContentRoot.For(Host(), Folder("elsewhere", withSettings: false), service));
    }

    [Fact]
    public void A_current_folder_with_settings_stays_the_content_root_so_the_default_database_does_not_move()
    {
        Assert.Null(ServiceContentRoot.For(Host(), Folder("project", withSettings: true), Folder("service", withSettings: true)));
    }

    [Fact]
    public void A_current_folder_holding_the_default_database_stays_the_content_root_so_that_database_is_kept()
    {
        // An install started as `dotnet /opt/smpshade/SmpShade.Api.dll` from its data folder before the rule existed
        // kept its SQLite file in <that folder>/App_Data: choosing the service's folder would open a new, empty one.
        string data = Folder("data", withSettings: false);
        Directory.CreateDirectory(Path.Combine(data, "App_Data"));
        File.WriteAllBytes(Path.Combine(data, "App_Data", "smpshade.db"), []);
        Assert.Null(ServiceContentRoot.For(Host(), data, Folder("service", withSettings: true)));
    }

    [Fact]
    public void An_explicit_content_root_is_kept()
    {
        string service = Folder("service", withSettings: true);
        Assert.Null(ServiceContentRoot.For(Host("--contentRoot", "/srv/smpshade"), Folder("elsewhere", withSettings: false), service));
    }

    [Fact]
    public void Nothing_changes_when_the_services_folder_has_no_settings_either()
    {
        Assert.Null(ServiceContentRoot.For(Host(), Folder("elsewhere", withSettings: false), Folder("service", withSettings: false)));
    }

    [Fact]
    public async Task The_built_service_started_from_another_folder_runs_on_its_own_appsettings()
    {
        // Only the data folder is set: logging comes from wherever the service finds its settings.
        await using var service = ServiceProcess.StartIn("elsewhere", Folder("elsewhere", withSettings: false),
            new Dictionary<string, string> { ["Database:DataDirectory"] = Folder("data", withSettings: false) });
        await service.WaitReadyAsync();
        var match = await service.Client.PostAsJsonAsync("/api/v1/matches",
            new { skinLab = new { l = 62, a = 11, b = 17 }, hairLab = new { l = 28, a = 3, b = 5 }, top = 3 });
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        service.Kill();
        string output = service.Output;
        // appsettings.json: EF Core at Warning (without it, every command is logged at Information) and single-line
        // console entries led by an HH:mm:ss time.
        Assert.DoesNotContain("Executed DbCommand", output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\d\d:\d\d:\d\d info: SmpShade\.Api\.Infrastructure\.WarmUp.*Warmed up in", RegexOptions.Multiline), output);
    }
}
