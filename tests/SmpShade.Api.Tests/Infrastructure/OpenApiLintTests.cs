using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// The OpenAPI document passes Redocly CLI's recommended rules (.ci/redocly/redocly.yaml): no errors and at most the
/// warnings that file justifies. Redocly is installed by .ci/run (npm ci in .ci/redocly); without it the test is
/// skipped, except in CI (<c>CI=true</c>), where it fails.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class OpenApiLintTests(SmpShadeFactory factory)
{
    /// <summary>The warnings .ci/redocly/redocly.yaml justifies, by rule.</summary>
    private static readonly string[] JustifiedWarnings = ["info-license"];

    [RedoclyFact]
    public async Task The_document_has_no_redocly_errors_and_only_the_justified_warnings()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        string document = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string file = Path.Combine(Path.GetTempPath(), $"smpshade-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var (exit, output) = await Redocly.LintAsync(file);
            using var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => (Rule: p.GetProperty("ruleId").GetString()!, Severity: p.GetProperty("severity").GetString()!,
                    Message: p.GetProperty("message").GetString()!))
                .ToList();
            Assert.DoesNotContain(problems, p => p.Severity == "error");
            var warnings = problems.Where(p => p.Severity == "warn").ToList();
            Assert.True(warnings.Count <= 5, string.Join("\n", warnings));
            Assert.All(warnings, w => Assert.Contains(w.Rule, JustifiedWarnings));
            Assert.Equal(0, exit);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>A Redocly test: skipped without the CLI (.ci/redocly/node_modules), failing without it in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (!File.Exists(Redocly.Cli) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Redocly CLI is not installed at {Redocly.Cli} (run `npm ci --prefix .ci/redocly`; .ci/run does).";
        }

        Timeout = 180_000;
    }
}

/// <summary>The project-local Redocly CLI.</summary>
public static class Redocly
{
    /// <summary>The repository's root: the folder holding SmpShade.sln above the test output.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepositoryRoot, ".ci", "redocly");

    public static string Cli => Path.Combine(Folder, "node_modules", ".bin", "redocly");

    public static async Task<(int Exit, string Output)> LintAsync(string document)
    {
        Assert.True(File.Exists(Cli), $"Redocly CLI is required in CI but is missing at {Cli}: run `npm ci --prefix .ci/redocly`.");
        var start = new ProcessStartInfo(Cli, ["lint", document, "--config", Path.Combine(Folder, "redocly.yaml"), "--format", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string output = await stdout;
        Assert.True(output.Contains('{', StringComparison.Ordinal), "redocly printed no JSON report:\n" + output + await stderr);
        return (process.ExitCode, output);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmpShade.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SmpShade.sln not found above " + AppContext.BaseDirectory);
    }
}
