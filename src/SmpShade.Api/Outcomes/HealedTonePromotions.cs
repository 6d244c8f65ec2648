using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Outcomes;

/// <summary>
/// Which healed-tone correction is in force: an admin changes it, by promoting a trained version that beats
/// physics-only, or by rolling back to physics-only or to an earlier version; with <c>HealedToneLearning:AutoPromote</c>
/// on, the automatic promotion rule may also promote a version it has just judged (<see cref="AutoPromotionRule"/>).
/// Every decision is appended to <c>healed_tone_promotions</c> with the admin key's id, or <c>rule</c>. Scoped.
/// </summary>
public sealed class HealedTonePromotions(SmpShadeDbContext db, OutcomePhysics physics, TimeProvider time, IOptions<HealedToneLearningOptions> options,
    LocalWrites writes)
{
    /// <summary>The actor recorded for promotions made by the automatic promotion rule (key ids are hex, so never this).</summary>
    public const string RuleActor = "rule";

    /// <summary>How many past decisions the state shows.</summary>
    public const int HistoryShown = 20;

    /// <summary>
    /// Puts <paramref name="version"/> in force. 404 <c>model.version_not_found</c>; 409 <c>model.physics_changed</c> when
    /// it was learnt against other physics; 409 <c>model.not_better_than_physics</c> when it did not beat physics-only.
    /// Promoting the version already in force changes nothing.
    /// </summary>
    public async Task PromoteAsync(int version, string keyId, CancellationToken cancellationToken)
    {
        var stored = await db.Set<HealedToneModelVersion>().AsNoTracking().Where(v => v.Version == version)
            .Select(v => new { v.PhysicsModel, v.BeatsPhysics, v.Reason }).FirstOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.NotFound("model.version_not_found", "No such model version",
                $"No healed-tone model version {version} has been trained.");
        if (stored.PhysicsModel != physics.ModelName)
        {
            throw new ProblemException(StatusCodes.Status409Conflict, "model.physics_changed", "Learnt against other physics",
                $"Version {version} corrects {stored.PhysicsModel}, but the service predicts with {physics.ModelName}: train a new version.");
        }

        if (!stored.BeatsPhysics)
        {
            throw new ProblemException(StatusCodes.Status409Conflict, "model.not_better_than_physics", "This version does not beat physics-only",
                stored.Reason);
        }

        await DecideAsync(version, keyId, cancellationToken);
    }

    /// <summary>Puts <paramref name="version"/> in force for the automatic promotion rule (which has checked it), recorded by <see cref="RuleActor"/>.</summary>
    internal Task PromoteByRuleAsync(int version, CancellationToken cancellationToken) => DecideAsync(version, RuleActor, cancellationToken);

    /// <summary>Puts physics-only in force (no correction). Changes nothing when it already is.</summary>
    public Task PhysicsOnlyAsync(string keyId, CancellationToken cancellationToken) => DecideAsync(null, keyId, cancellationToken);

    /// <summary>What is in force, who put it there and when, the versions that could be promoted, and the recent decisions.</summary>
    public async Task<ModelState> StateAsync(CancellationToken cancellationToken)
    {
        var history = await db.Set<HealedToneModelPromotion>().AsNoTracking().OrderByDescending(p => p.Id).Take(HistoryShown)
            .ToListAsync(cancellationToken);
        var current = history.FirstOrDefault();
        // Everything but the serialized models, which a listing does not need.
        var versions = await db.Set<HealedToneModelVersion>().AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new HealedToneModelVersion
            {
                Version = v.Version, TrainedAt = v.TrainedAt, TrainedBy = v.TrainedBy, OutcomeCount = v.OutcomeCount, SourceKeyCount = v.SourceKeyCount,
                CvPhysicsDeltaE00 = v.CvPhysicsDeltaE00, CvCorrectedDeltaE00 = v.CvCorrectedDeltaE00, CvImprovementStandardError = v.CvImprovementStandardError,
                BeatsPhysics = v.BeatsPhysics, Reason = v.Reason, PhysicsModel = v.PhysicsModel, Features = v.Features,
                RuleVerdict = v.RuleVerdict, KeyOutImprovement = v.KeyOutImprovement, ModelL = Array.Empty<byte>(),
                ModelA = Array.Empty<byte>(), ModelB = Array.Empty<byte>(),
            }).ToListAsync(cancellationToken);

        int? inForce = current?.Version;
        bool usable = inForce is null || versions.Any(v => v.Version == inForce && v.PhysicsModel == physics.ModelName);
        var items = versions.Select(v => ModelVersionResponse.From(v, v.Version == inForce, Promotable(v) && v.Version != inForce)).ToList();
        return new ModelState(
            usable && inForce is { } n ? LearnedHealedToneCorrection.NameFor(n) : Matching.IHealedToneCorrectionSource.PhysicsOnly,
            inForce,
            current is null ? null : PromotionResponse.From(current),
            usable ? null : $"Version {inForce} was promoted but learnt against other physics than {physics.ModelName}: matches use physics only.",
            [.. items.Where(v => v.Candidate).Select(v => v.Version)],
            items,
            [.. history.Select(PromotionResponse.From)],
            AutoPromotionSettings.From(options.Value));
    }

    private bool Promotable(HealedToneModelVersion v) => v.BeatsPhysics && v.PhysicsModel == physics.ModelName;

    private async Task DecideAsync(int? version, string keyId, CancellationToken cancellationToken)
    {
        int? previous = await PromotedCorrection.InForceVersionAsync(db, cancellationToken);
        if (previous == version)
        {
            return;
        }

        db.Set<HealedToneModelPromotion>().Add(new HealedToneModelPromotion
        {
            Version = version,
            PreviousVersion = previous,
            PromotedAt = time.GetUtcNow(),
            PromotedByKeyId = keyId,
            // Forward to a newer version is a promotion; back to an older one, or to physics-only, a rollback.
            Action = version is { } v && (previous is null || v > previous) ? PromotionActions.Promote : PromotionActions.Rollback,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            // Matches on SQLite reuse the correction they read until this moves (MatchInputs).
            writes.Count();
        }
    }
}
