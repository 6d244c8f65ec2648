using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Replicas;

/// <summary>
/// The built service (<c>src/SmpShade.Api/bin/&lt;configuration&gt;/net10.0/SmpShade.Api.dll</c>) as a real process,
/// started with <c>dotnet SmpShade.Api.dll</c> on a loopback port, in Production, over the given PostgreSQL database:
/// what a replica behind a load balancer runs. Its console output is kept for failure messages.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServiceProcess(string name, string workingDirectory, IReadOnlyDictionary<string, string> environment, string? extraArgument)
    {
        Name = name;
        Port = FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ApiDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        if (extraArgument is not null)
        {
            start.ArgumentList.Add(extraArgument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Auth__BootstrapAdminKey"] = TestKeys.Admin;
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
    }

    /// <summary>The built service's entry assembly, from the same configuration as these tests.</summary>
    public static string ApiDll { get; } = FindApiDll();

    public string Name { get; }

    public int Port { get; }

    public string BaseUrl { get; }

    public HttpClient Client { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>What the process printed so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the process from its own folder; it is not ready yet (see <see cref="WaitReadyAsync"/>).</summary>
    public static ServiceProcess Start(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null,
        string? extraArgument = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            // The application name lets a test find this replica's sessions in pg_stat_activity.
            ["ConnectionStrings:SmpShade"] = connectionString + $";Application Name={name}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:SmpShade"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return new(name, Path.GetDirectoryName(ApiDll)!, environment, extraArgument);
    }

    /// <summary>
    /// Starts the process from <paramref name="workingDirectory"/> with only <paramref name="settings"/> (and the
    /// admin key) in its environment, so it runs on whatever configuration it finds itself.
    /// </summary>
    public static ServiceProcess StartIn(string name, string workingDirectory, IReadOnlyDictionary<string, string> settings) =>
        new(name, workingDirectory, settings, null);

    /// <summary>Waits until <c>/health/ready</c> answers 200, failing with the process's output if it exits or takes too long.</summary>
    public async Task WaitReadyAsync(TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(120));
        using var probe = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"{Name} exited with {(process.HasExited ? process.ExitCode : 0)} before it was ready:\n{Output}");
            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{Name} was not ready within the limit:\n{Output}");
    }

    /// <summary>Waits for the process to end by itself (a one-off command) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>SIGKILL (kill -9): no shutdown, no cleanup, connections simply drop.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindApiDll()
    {
        // tests/SmpShade.Api.Tests/bin/<configuration>/net10.0/ → the repository root and this configuration.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = here.Name;
        string configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SmpShade.sln")))
        {
            root = root.Parent;
        }

        return root is null
            ? throw new InvalidOperationException($"No SmpShade.sln above {AppContext.BaseDirectory}")
            : Path.Combine(root.FullName, "src", "SmpShade.Api", "bin", configuration, framework, "SmpShade.Api.dll");
    }
}
