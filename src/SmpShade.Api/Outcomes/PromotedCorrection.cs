using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SmpShade.Api.Data;
using SmpShade.Api.Matching;

namespace SmpShade.Api.Outcomes;

/// <summary>
/// The correction an admin put in force, read from the database (one indexed single-row query) by every match on
/// PostgreSQL, so a promotion or a rollback made through any replica is used by all of them from their next request.
/// On SQLite a match reuses the one the previous match read while the database file is unchanged
/// (<see cref="MatchInputs"/>: this process's writes and the file's data_version, which another process's commit moves
/// too), so there as well a decision is used from the next match that starts after it committed. Scoped.
/// </summary>
public sealed class PromotedCorrection(SmpShadeDbContext db, LoadedCorrections loaded) : IHealedToneCorrectionSource
{
    /// <inheritdoc />
    public async Task<IHealedToneCorrection?> InForceAsync(CancellationToken cancellationToken)
    {
        int? version = await InForceVersionAsync(db, cancellationToken);
        return version is { } v ? await loaded.GetAsync(v, cancellationToken) : null;
    }

    /// <summary>The version the newest promotion put in force; null for physics-only (also when nothing was ever promoted).</summary>
    public static Task<int?> InForceVersionAsync(SmpShadeDbContext db, CancellationToken cancellationToken) =>
        db.Set<HealedToneModelPromotion>().AsNoTracking().OrderByDescending(p => p.Id).Select(p => p.Version).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>
/// Loaded corrections by version, singleton. A stored version never changes, so what is cached here cannot go stale;
/// which version is in force is not cached (<see cref="PromotedCorrection"/>). A version is loaded once, off the
/// requests that wait for it: they await the one load instead of blocking a thread.
/// </summary>
public sealed partial class LoadedCorrections(IServiceScopeFactory scopes, OutcomePhysics physics, ILogger<LoadedCorrections> logger)
{
    private readonly ConcurrentDictionary<int, Lazy<Task<IHealedToneCorrection?>>> versions = new();

    /// <summary>
    /// The correction of <paramref name="version"/>, or null when it cannot be used: learnt against other physics
    /// parameters (its residuals would correct the wrong thing) or deleted.
    /// </summary>
    public Task<IHealedToneCorrection?> GetAsync(int version, CancellationToken cancellationToken)
    {
        var load = versions.GetOrAdd(version, v => new Lazy<Task<IHealedToneCorrection?>>(() => Task.Run(() => LoadAsync(v))));
        if (load.Value.IsFaulted)
        {
            // A failed load (the database was unreachable) is tried again by the next request.
            versions.TryRemove(new KeyValuePair<int, Lazy<Task<IHealedToneCorrection?>>>(version, load));
        }

        return load.Value.WaitAsync(cancellationToken);
    }

    private async Task<IHealedToneCorrection?> LoadAsync(int version)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
        var stored = await db.Set<HealedToneModelVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Version == version);
        if (stored is null)
        {
            return null;
        }

        if (stored.PhysicsModel != physics.ModelName)
        {
            LogPhysicsChanged(version, stored.PhysicsModel, physics.ModelName);
            return null;
        }

        return new LearnedHealedToneCorrection(LearnedHealedToneCorrection.NameFor(version), stored.ModelL, stored.ModelA, stored.ModelB);
    }

    [LoggerMessage(LogLevel.Warning, "Healed-tone correction v{Version} is in force but was learnt against {Learnt}, not {Current}: using physics only until a version trained on the current physics is promoted")]
    private partial void LogPhysicsChanged(int version, string learnt, string current);
}
