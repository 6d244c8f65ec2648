using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Matching;

namespace SmpShade.Api.Outcomes;

/// <summary>
/// Tells the background trainer that an outcome arrived. One pending signal at most: a burst of outcomes becomes one
/// check, and recording an outcome never waits for training. Singleton.
/// </summary>
public sealed class TrainingSignal
{
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void OutcomeRecorded() => signals.Writer.TryWrite(true);

    internal ChannelReader<bool> Reader => signals.Reader;
}

/// <summary>
/// Loads the version in force on start, then trains in the background whenever
/// <see cref="HealedToneLearningOptions.AutoTrainAfter"/> outcomes have arrived since the last training.
/// </summary>
internal sealed partial class BackgroundTraining(
    IServiceScopeFactory scopes, TrainingSignal queue, ActiveHealedToneCorrection active, IOptions<HealedToneLearningOptions> options,
    ILogger<BackgroundTraining> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadActiveAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await TrainIfDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task TrainIfDueAsync(CancellationToken stoppingToken)
    {
        int threshold = options.Value.AutoTrainAfter;
        if (threshold == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var training = scope.ServiceProvider.GetRequiredService<HealedToneTraining>();
            if (await training.TrainAsync("auto", threshold, stoppingToken) is { } version)
            {
                LogTrained(version.Version, version.OutcomeCount, version.Active, version.Reason);
            }
        }
        catch (ProblemException refused) when (refused.Code == HealedToneTraining.NotEnoughOutcomesCode)
        {
            // Fewer outcomes in total than training needs: wait for more.
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The trainer must survive a bad run; the next outcome tries again.
            LogFailed(error);
        }
    }

    private async Task LoadActiveAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
        string physics = scope.ServiceProvider.GetRequiredService<OutcomePhysics>().ModelName;
        var version = await db.Set<HealedToneModelVersion>().AsNoTracking().Where(v => v.Active)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return;
        }

        if (version.PhysicsModel != physics)
        {
            // Residuals learnt against other physics would correct the wrong thing: physics-only until retrained.
            LogPhysicsChanged(version.Version, version.PhysicsModel, physics);
            return;
        }

        active.Current = new LearnedHealedToneCorrection(LearnedHealedToneCorrection.NameFor(version.Version), version.ModelL, version.ModelA, version.ModelB);
    }

    [LoggerMessage(LogLevel.Information, "Trained healed-tone correction v{Version} on {Outcomes} outcomes; active: {Active}. {Reason}")]
    private partial void LogTrained(int version, int outcomes, bool active, string reason);

    [LoggerMessage(LogLevel.Error, "Background training of the healed-tone correction failed")]
    private partial void LogFailed(Exception error);

    [LoggerMessage(LogLevel.Warning, "Healed-tone correction v{Version} was learnt against {Learnt}, not {Current}: using physics only until it is retrained")]
    private partial void LogPhysicsChanged(int version, string learnt, string current);
}
