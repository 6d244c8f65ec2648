using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SmpShade.Api.Infrastructure;

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
/// Trains in the background whenever <see cref="HealedToneLearningOptions.AutoTrainAfter"/> outcomes have arrived since
/// the last training. What it trains is a candidate: an admin's promotion puts it in force, or, when enabled, the
/// automatic promotion rule (<see cref="AutoPromotionRule"/>).
/// </summary>
internal sealed partial class BackgroundTraining(
    IServiceScopeFactory scopes, TrainingSignal queue, IOptions<HealedToneLearningOptions> options,
    ILogger<BackgroundTraining> logger) : BackgroundService
{
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
                LogTrained(version.Version, version.OutcomeCount, version.BeatsPhysics, version.Reason,
                    version.RuleVerdict ?? "In force only once an admin promotes it (the automatic promotion rule is off).");
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

    [LoggerMessage(LogLevel.Information, "Trained healed-tone correction v{Version} on {Outcomes} outcomes; beats physics-only: {Beats}. {Reason} {Rule}")]
    private partial void LogTrained(int version, int outcomes, bool beats, string reason, string rule);

    [LoggerMessage(LogLevel.Error, "Background training of the healed-tone correction failed")]
    private partial void LogFailed(Exception error);
}
