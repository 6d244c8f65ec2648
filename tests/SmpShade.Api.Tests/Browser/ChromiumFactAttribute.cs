namespace SmpShade.Api.Tests.Browser;

/// <summary>
/// A browser test: runs when Debian's Chromium is installed; skipped with the reason when it
/// is not, except in CI (<c>CI=true</c>), where a missing browser must fail the run instead
/// of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.IsCi)
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath} (Debian package `chromium`; .ci/run installs it).";
        }
        Timeout = 300_000; // two shared cores and a cold browser: generous, but a hang still ends
    }
}

/// <summary>Where Debian's Chromium lives and how the tests start it.</summary>
public static class Chromium
{
    /// <summary>The binary of Debian's <c>chromium</c> package (Playwright's own download cannot work here).</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Flags for a headless run on a closed network as root: no sandbox, no GPU, no background calls home.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
