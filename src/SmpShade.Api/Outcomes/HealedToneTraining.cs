using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Matching;
using SmpShade.Colour;

namespace SmpShade.Api.Outcomes;

/// <summary>
/// Trains a new version from every recorded outcome and stores it with its cross-validation and whether it beats
/// physics-only. It puts a version in force only when the opt-in automatic promotion rule is on and passes it
/// (<see cref="AutoPromotionRule"/>: enough outcomes from enough independent keys, none dominant, still better with
/// each key left out); otherwise an admin promotes one (<see cref="HealedTonePromotions"/>). Either way outcomes from
/// one key cannot change what every clinic is told. Trainings run one at a time in this process
/// (<see cref="TrainingGate"/>) and, on PostgreSQL, across replicas (<see cref="DatabaseLock.Training"/>): a second
/// one waits, then sees the first's version (an automatic one finds nothing new to train on).
/// </summary>
public sealed class HealedToneTraining(
    SmpShadeDbContext db, CatalogueStore catalogue, OutcomePhysics physics, IOptions<HealedToneLearningOptions> options,
    TrainingGate gate, TimeProvider time, HealedTonePromotions promotions, LoadedCorrections loaded)
{
    /// <summary>The code of the 409 answered when there are fewer outcomes than training needs.</summary>
    public const string NotEnoughOutcomesCode = "model.not_enough_outcomes";

    /// <summary>409 <c>model.not_enough_outcomes</c>, with how many there are and how many training needs.</summary>
    public static ProblemException NotEnoughOutcomes(int count, int minimum) =>
        new(StatusCodes.Status409Conflict, NotEnoughOutcomesCode, "Not enough outcomes to train",
            $"Training needs at least {minimum} recorded outcomes; there are {count}.", [new("outcomes", count), new("minimum", minimum)]);

    /// <summary>Trains; fewer outcomes than the minimum is a 409 problem (<see cref="NotEnoughOutcomes"/>).</summary>
    public async Task<HealedToneModelVersion> TrainAsync(string trainedBy, CancellationToken cancellationToken) =>
        (await TrainAsync(trainedBy, 0, cancellationToken))!;

    /// <summary>
    /// Trains when at least <paramref name="newOutcomes"/> outcomes arrived since the last training, else returns null.
    /// Checked inside the gate, so a training that just finished is seen and not repeated.
    /// </summary>
    public async Task<HealedToneModelVersion?> TrainAsync(string trainedBy, int newOutcomes, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var replicas = await DatabaseLock.AcquireAsync(db, DatabaseLock.Training, cancellationToken);
            if (newOutcomes > 0 && await NewOutcomesAsync(cancellationToken) < newOutcomes)
            {
                return null;
            }

            var o = options.Value;
            var outcomes = await db.Set<Outcome>().AsNoTracking().Where(x => x.Source == "clinic").OrderBy(x => x.Id).ToListAsync(cancellationToken);
            if (outcomes.Count < o.MinimumOutcomes)
            {
                throw NotEnoughOutcomes(outcomes.Count, o.MinimumOutcomes);
            }

            var examples = await ExamplesAsync(outcomes, cancellationToken);
            var trainer = new HealedToneTrainer(o);
            // CPU-bound for a second or so: off the request's synchronisation path.
            var trained = await Task.Run(() => trainer.Train(examples, cancellationToken), cancellationToken);

            var versions = db.Set<HealedToneModelVersion>();
            int next = (await versions.MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0) + 1;
            var version = new HealedToneModelVersion
            {
                Version = next,
                TrainedAt = time.GetUtcNow(),
                TrainedBy = trainedBy,
                OutcomeCount = outcomes.Count,
                SourceKeyCount = outcomes.Select(x => x.RecordedByKeyId).Distinct(StringComparer.Ordinal).Count(),
                LastOutcomeId = outcomes[^1].Id,
                CvPhysicsDeltaE00 = trained.Cv.PhysicsDeltaE00,
                CvCorrectedDeltaE00 = trained.Cv.CorrectedDeltaE00,
                CvImprovementStandardError = trained.Cv.ImprovementStandardError,
                BeatsPhysics = trained.BeatsPhysics,
                Reason = trained.Reason,
                PhysicsModel = physics.ModelName,
                Features = trainer.Describe(),
                ModelL = trained.ModelL,
                ModelA = trained.ModelA,
                ModelB = trained.ModelB,
            };
            var verdict = o.AutoPromote ? await JudgeAsync(outcomes, examples, trained.BeatsPhysics, cancellationToken) : null;
            version.RuleVerdict = verdict?.Text is { } text && text.Length > 2000 ? text[..2000] : verdict?.Text;
            version.KeyOutImprovement = verdict?.KeyOutImprovement;
            versions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
            if (verdict is { Promote: true })
            {
                await promotions.PromoteByRuleAsync(version.Version, cancellationToken);
            }

            return version;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The automatic promotion rule's verdict on what was just trained, against the learnt version in force (if any).</summary>
    private async Task<RuleVerdict> JudgeAsync(List<Outcome> outcomes, List<TrainingExample> examples, bool beatsPhysics, CancellationToken cancellationToken)
    {
        AutoPromotionRule.InForceVersion? inForce = null;
        if (await PromotedCorrection.InForceVersionAsync(db, cancellationToken) is { } current
            && await loaded.GetAsync(current, cancellationToken) is { } correction)
        {
            long last = await db.Set<HealedToneModelVersion>().Where(v => v.Version == current).Select(v => v.LastOutcomeId).FirstAsync(cancellationToken);
            inForce = new AutoPromotionRule.InForceVersion(current, last, correction);
        }

        var data = outcomes.Zip(examples, (x, e) => new KeyedExample(x.Id, x.RecordedByKeyId, e)).ToList();
        // Leave-one-key-out trains up to ten more models per channel: CPU-bound, off the caller's path like training.
        return await Task.Run(() => new AutoPromotionRule(options.Value).Judge(data, beatsPhysics, inForce, cancellationToken), cancellationToken);
    }

    /// <summary>Outcomes recorded since the last training (all of them before the first).</summary>
    private async Task<int> NewOutcomesAsync(CancellationToken cancellationToken)
    {
        long last = await db.Set<HealedToneModelVersion>().MaxAsync(v => (long?)v.LastOutcomeId, cancellationToken) ?? 0;
        return await db.Set<Outcome>().CountAsync(x => x.Id > last, cancellationToken);
    }

    /// <summary>
    /// Training examples. The stored physics is reused when it came from the physics in force; otherwise (new model
    /// parameters) it is predicted again, since the correction must learn the residual of what matching predicts now.
    /// </summary>
    private async Task<List<TrainingExample>> ExamplesAsync(List<Outcome> outcomes, CancellationToken cancellationToken)
    {
        var pigments = new Dictionary<(string, string, int), CataloguePigment>();
        var examples = new List<TrainingExample>(outcomes.Count);
        foreach (var x in outcomes)
        {
            var skin = new Lab(x.SkinL, x.SkinA, x.SkinB);
            HealedToneFeatures features;
            if (x.PhysicsModel == physics.ModelName)
            {
                features = new HealedToneFeatures(skin, new Lab(x.InkL, x.InkA, x.InkB), 1 / (1 + x.WaterParts), x.MonthsSinceTreatment,
                    new Lab(x.PhysicsL, x.PhysicsA, x.PhysicsB));
            }
            else
            {
                var key = (x.Supplier, x.Sku, x.CatalogueVersion);
                if (!pigments.TryGetValue(key, out var pigment))
                {
                    pigment = await catalogue.FindPigmentAsync(x.Supplier, x.Sku, x.CatalogueVersion, cancellationToken);
                    pigments[key] = pigment;
                }

                features = physics.Predict(pigment, skin, x.WaterParts, x.MonthsSinceTreatment);
            }

            examples.Add(new TrainingExample(features, new Lab(x.HealedL, x.HealedA, x.HealedB)));
        }

        return examples;
    }
}

/// <summary>One training at a time across requests and the background trainer. Singleton.</summary>
public sealed class TrainingGate : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => semaphore.WaitAsync(cancellationToken);

    public void Release() => semaphore.Release();

    public void Dispose() => semaphore.Dispose();
}
