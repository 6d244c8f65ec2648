using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Api.Matching;
using SmpShade.Api.Photos;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// Builds everything the first requests would otherwise build, before the server takes requests: the skin optics
/// tables, the prepared catalogue of the default match, the correction in force, the EF queries, the JSON
/// contracts, and one photo analysed with marked and with guessed regions (ImageSharp, k-means, MediaPipe's
/// nets). Issue 15: a fresh replica's first 16 concurrent matches took up to 11 s while a warm one answered in 61 ms.
/// A hosted service registered last, so it runs after the schema, the keys and the first-start sample catalogue, and
/// before Kestrel listens: <c>/health/ready</c> cannot answer before it is done. A failure is logged and start goes on
/// (the first requests then pay what is left).
/// </summary>
internal sealed partial class WarmUp(
    IServiceScopeFactory scopes, PhotoAnalyzer analyzer, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, WarmUpState state,
    ILogger<WarmUp> logger) : IHostedService
{
    /// <summary>A standard request: medium skin, dark brown hair, every supplier's current catalogue.</summary>
    private static readonly MatchRequest Standard = new(new LabInput(66, 11, 17), new LabInput(30, 3, 5));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var done = new List<string>();
        await StepAsync("match", done, () => MatchAsync(cancellationToken));
        byte[] photo = Photo();
        var marked = new AnalysisOptions
        {
            // Normalised [x, y, w, h]: the hair band and the skin above it.
            Regions = new RegionsSpec { Hair = RegionSpec.FromRect(0, 0.45, 1, 0.1), Skin = RegionSpec.FromRect(0, 0, 1, 0.3) },
        };
        await StepAsync("analysis", done, () => AnalyseAsync(photo, marked, cancellationToken));
        // Guessed regions: the people models (or their colour-clustering fallback) on the same photo.
        await StepAsync("guessed regions", done, () => AnalyseAsync(photo, AnalysisOptions.Default, cancellationToken));
        state.Completed(done, clock.Elapsed);
        LogWarm(clock.ElapsedMilliseconds, string.Join(", ", done));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StepAsync(string name, List<string> done, Func<Task> step)
    {
        try
        {
            await step();
            done.Add(name);
        }
        catch (ProblemException refused)
        {
            // E.g. catalogue.empty on a start without a catalogue: what ran before the refusal is warm.
            done.Add($"{name} ({refused.Code})");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(name, error);
        }
    }

    private async Task MatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var matches = scope.ServiceProvider.GetRequiredService<MatchService>();
        var answer = await matches.MatchAsync(MatchValidation.Validate(Standard, out _)!, cancellationToken);
        _ = JsonSerializer.SerializeToUtf8Bytes(answer, json.Value.SerializerOptions);
    }

    private async Task AnalyseAsync(byte[] photo, AnalysisOptions options, CancellationToken cancellationToken)
    {
        var answer = await analyzer.AnalyzeAsync(photo, options, cancellationToken);
        _ = JsonSerializer.SerializeToUtf8Bytes(answer, json.Value.SerializerOptions);
    }

    /// <summary>A 96 × 96 PNG: skin above and below a band of dark brown hair (sRGB).</summary>
    private static byte[] Photo()
    {
        using var image = new Image<Rgb24>(96, 96, new Rgb24(205, 160, 130));
        for (int y = 40; y < 56; y++)
        {
            for (int x = 0; x < 96; x++)
            {
                image[x, y] = new Rgb24(60, 45, 35);
            }
        }

        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    [LoggerMessage(LogLevel.Information, "Warmed up in {Milliseconds} ms before taking requests: {Steps}")]
    private partial void LogWarm(long milliseconds, string steps);

    [LoggerMessage(LogLevel.Warning, "Warm-up step {Step} failed; the first requests will build what it did not")]
    private partial void LogFailed(string step, Exception error);
}

/// <summary>What the warm-up did, for <c>/health/ready</c>. Singleton.</summary>
public sealed class WarmUpState
{
    private volatile string? description;

    /// <summary>Null until the warm-up has run.</summary>
    public string? Description => description;

    internal void Completed(IEnumerable<string> steps, TimeSpan took) =>
        description = $"warmed in {took.TotalSeconds:0.0} s: {string.Join(", ", steps)}";
}

/// <summary>Ready only once warm (the server does not listen before, so this guards a reordered start-up).</summary>
internal sealed class WarmUpHealthCheck(WarmUpState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Description is { } done ? HealthCheckResult.Healthy(done) : HealthCheckResult.Unhealthy("warming up"));
}

public static class WarmUpSetup
{
    /// <summary>Register last: hosted services start in order, and this one must follow the sample catalogue.</summary>
    public static IServiceCollection AddWarmUp(this IServiceCollection services)
    {
        services.AddSingleton<WarmUpState>();
        services.AddHostedService<WarmUp>();
        services.AddHealthChecks().AddCheck<WarmUpHealthCheck>("warm-up", tags: ["ready"]);
        return services;
    }
}
