namespace SmpShade.Api.Infrastructure;

/// <summary>
/// Where the service finds its <c>appsettings.json</c> (and, by default, its <c>App_Data</c>) whatever folder it is
/// started from. ASP.NET Core's content root is the current directory unless <c>--contentRoot</c>,
/// <c>ASPNETCORE_CONTENTROOT</c> or <c>DOTNET_CONTENTROOT</c> says otherwise; started as
/// <c>dotnet /opt/smpshade/SmpShade.Api.dll</c> from any other folder it read no settings at all (issue 15: every EF
/// command logged at Information). Then, and only then, the content root is the service's own folder: unless the current
/// folder already holds a default SQLite database (<c>App_Data/smpshade.db</c>), which an install started that way before
/// this rule has been using; it stays where it is.
/// </summary>
/// <remarks>
/// Not always the service's folder: where the current directory already has the settings (<c>dotnet run</c> from the
/// project, the image's <c>WORKDIR /app</c>, a deployment started from its folder) the content root stays where it
/// was, so the default SQLite file under <c>&lt;content root&gt;/App_Data</c> does not move and no database appears
/// to be lost on upgrade. An explicit content root is always kept.
/// </remarks>
public static class ServiceContentRoot
{
    private const string Settings = "appsettings.json";

    // Where DatabaseSetup puts the SQLite file when no data folder or connection string is configured.
    private static readonly string DefaultDatabase = Path.Combine("App_Data", "smpshade.db");

    /// <summary>The host's options for <paramref name="args"/>: the content root chosen by <see cref="For"/>.</summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = For(HostSettings(args), Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
    };

    /// <summary>
    /// The content root to use, or null for the host's own choice: <paramref name="serviceDirectory"/> when no content
    /// root is configured, <paramref name="currentDirectory"/> has neither appsettings.json nor a default SQLite database
    /// (<c>App_Data/smpshade.db</c>) and the service's folder has appsettings.json.
    /// </summary>
    public static string? For(IConfiguration hostSettings, string currentDirectory, string serviceDirectory)
    {
        ArgumentNullException.ThrowIfNull(hostSettings);
        bool configured = !string.IsNullOrEmpty(hostSettings[WebHostDefaults.ContentRootKey]);
        return configured
            || File.Exists(Path.Combine(currentDirectory, Settings))
            || File.Exists(Path.Combine(currentDirectory, DefaultDatabase))
            || !File.Exists(Path.Combine(serviceDirectory, Settings))
            ? null
            : serviceDirectory;
    }

    // The sources the host reads its content root from, in its order (the command line wins).
    private static IConfiguration HostSettings(string[] args) => new ConfigurationBuilder()
        .AddEnvironmentVariables("DOTNET_")
        .AddEnvironmentVariables("ASPNETCORE_")
        .AddCommandLine(args)
        .Build();
}
