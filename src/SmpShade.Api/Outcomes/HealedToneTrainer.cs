using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using SmpShade.Api.Matching;
using SmpShade.Colour;

namespace SmpShade.Api.Outcomes;

/// <summary>One outcome as training sees it: the features of the physics prediction and the healed colour measured.</summary>
public readonly record struct TrainingExample(HealedToneFeatures Features, Lab Healed);

/// <summary>Held-out figures: mean ΔE00 to the measured healed colour, physics-only and corrected, over every fold.</summary>
/// <param name="Folds">Folds used.</param>
/// <param name="PhysicsDeltaE00">Mean ΔE00 of the physics prediction.</param>
/// <param name="CorrectedDeltaE00">Mean ΔE00 of the corrected prediction (models never saw these outcomes).</param>
/// <param name="ImprovementStandardError">Standard error of the mean per-outcome improvement (physics − corrected).</param>
public sealed record CrossValidation(int Folds, double PhysicsDeltaE00, double CorrectedDeltaE00, double ImprovementStandardError)
{
    /// <summary>Mean improvement, physics − corrected (positive: the correction helps).</summary>
    public double Improvement => PhysicsDeltaE00 - CorrectedDeltaE00;
}

/// <summary>A trained correction: its cross-validation, whether it beats physics-only by the margin, and the three models.</summary>
public sealed record TrainedCorrection(CrossValidation Cv, bool BeatsPhysics, string Reason, byte[] ModelL, byte[] ModelA, byte[] ModelB);

/// <summary>
/// Trains the residual correction (docs/api.md, "Learning from healed results"): one ML.NET FastTree regression per channel (L*, a*, b*) on
/// healed − physics, judged by k-fold cross-validation of the combined ΔE00 against physics-only. Folds are our own
/// (seeded shuffle) because the figure that matters is ΔE00 of all three channels together, per held-out outcome.
/// </summary>
public sealed class HealedToneTrainer(HealedToneLearningOptions options)
{
    /// <summary>Cross-validates, decides, then fits the models on every example.</summary>
    public TrainedCorrection Train(IReadOnlyList<TrainingExample> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var ml = new MLContext(options.Seed);
        var rows = examples.Select(e => ResidualRow.From(e.Features, e.Healed)).ToArray();
        var cv = CrossValidate(ml, examples, rows, cancellationToken);
        var (beats, reason) = Decide(cv);

        var all = ml.Data.LoadFromEnumerable(rows);
        var models = new byte[3][];
        for (int channel = 0; channel < 3; channel++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = new MemoryStream();
            ml.Model.Save(Pipeline(ml, channel).Fit(all), all.Schema, stream);
            models[channel] = stream.ToArray();
        }

        return new TrainedCorrection(cv, beats, reason, models[0], models[1], models[2]);
    }

    /// <summary>Active only when the mean held-out improvement clears both the practical and the statistical margin.</summary>
    public (bool Beats, string Reason) Decide(CrossValidation cv)
    {
        ArgumentNullException.ThrowIfNull(cv);
        double needed = Math.Max(options.MinimumImprovement, options.ImprovementStandardErrors * cv.ImprovementStandardError);
        string figures = $"cross-validated mean ΔE00 {cv.CorrectedDeltaE00:0.000} corrected vs {cv.PhysicsDeltaE00:0.000} physics-only "
            + $"(improvement {cv.Improvement:0.000}, needed ≥ {needed:0.000}: max of {options.MinimumImprovement:0.###} and "
            + $"{options.ImprovementStandardErrors:0.#} × standard error {cv.ImprovementStandardError:0.000})";
        return cv.Improvement >= needed && cv.Improvement > 0
            ? (true, "Beats physics-only: " + figures + ".")
            : (false, "Does not beat physics-only by the margin, so it is not used: " + figures + ".");
    }

    /// <summary>The features description stored with each version.</summary>
    public string Describe() => System.Text.Json.JsonSerializer.Serialize(new
    {
        features = ResidualRow.FeatureColumns,
        target = "healed − physics, one model per channel (L*, a*, b*), CIELAB D65 / 2°",
        trainer = "ML.NET FastTree regression",
        numberOfTrees = options.NumberOfTrees,
        numberOfLeaves = options.NumberOfLeaves,
        minimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
        learningRate = options.LearningRate,
        folds = options.Folds,
        seed = options.Seed,
    });

    private CrossValidation CrossValidate(MLContext ml, IReadOnlyList<TrainingExample> examples, ResidualRow[] rows, CancellationToken cancellationToken)
    {
        int n = rows.Length;
        // Seeded shuffle, then deal round-robin: folds differ in size by at most one.
        var order = Enumerable.Range(0, n).ToArray();
        new Random(options.Seed).Shuffle(order);
        var fold = new int[n];
        for (int i = 0; i < n; i++)
        {
            fold[order[i]] = i % options.Folds;
        }

        var corrected = HeldOut(ml, examples, rows, fold, options.Folds, cancellationToken);
        var improvement = new double[n];
        double physicsSum = 0, correctedSum = 0;
        for (int i = 0; i < n; i++)
        {
            var e = examples[i];
            double physics = DeltaE.Ciede2000(e.Healed, e.Features.Physics), fixedUp = DeltaE.Ciede2000(e.Healed, corrected[i]);
            physicsSum += physics;
            correctedSum += fixedUp;
            improvement[i] = physics - fixedUp;
        }

        double mean = improvement.Average();
        double sd = Math.Sqrt(improvement.Sum(d => (d - mean) * (d - mean)) / Math.Max(1, n - 1));
        return new CrossValidation(options.Folds, physicsSum / n, correctedSum / n, sd / Math.Sqrt(n));
    }

    /// <summary>
    /// Each example's corrected prediction by models trained without its group (<paramref name="group"/>[i] in
    /// 0 … <paramref name="groups"/> − 1): k-fold cross-validation with random folds, leave-one-key-out with groups of keys.
    /// </summary>
    public Lab[] HeldOut(IReadOnlyList<TrainingExample> examples, int[] group, int groups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return HeldOut(new MLContext(options.Seed), examples, [.. examples.Select(e => ResidualRow.From(e.Features, e.Healed))], group, groups, cancellationToken);
    }

    private Lab[] HeldOut(MLContext ml, IReadOnlyList<TrainingExample> examples, ResidualRow[] rows, int[] group, int groups, CancellationToken cancellationToken)
    {
        int n = rows.Length;
        var corrected = new Lab[n];
        for (int k = 0; k < groups; k++)
        {
            var test = Enumerable.Range(0, n).Where(i => group[i] == k).ToArray();
            if (test.Length == 0)
            {
                continue;
            }

            var train = ml.Data.LoadFromEnumerable(Enumerable.Range(0, n).Where(i => group[i] != k).Select(i => rows[i]).ToArray());
            var testView = ml.Data.LoadFromEnumerable(test.Select(i => rows[i]).ToArray());
            var residuals = new float[3][];
            for (int channel = 0; channel < 3; channel++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = Pipeline(ml, channel).Fit(train);
                residuals[channel] = [.. ml.Data.CreateEnumerable<ResidualScore>(model.Transform(testView), reuseRowObject: false).Select(s => s.Score)];
            }

            for (int t = 0; t < test.Length; t++)
            {
                var p = examples[test[t]].Features.Physics;
                corrected[test[t]] = Clamp(new Lab(p.L + residuals[0][t], p.A + residuals[1][t], p.B + residuals[2][t]));
            }
        }

        return corrected;
    }

    /// <summary>A corrected L* stays within 0–100.</summary>
    internal static Lab Clamp(Lab lab) => lab with { L = Math.Clamp(lab.L, 0, 100) };

    private EstimatorChain<RegressionPredictionTransformer<FastTreeRegressionModelParameters>> Pipeline(MLContext ml, int channel) =>
        ml.Transforms.Concatenate("Features", ResidualRow.FeatureColumns)
            .Append(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = ResidualRow.LabelColumns[channel],
                FeatureColumnName = "Features",
                NumberOfTrees = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                LearningRate = options.LearningRate,
                // One thread: deterministic for a seed, and training is small next to the requests sharing the machine.
                NumberOfThreads = 1,
                Seed = options.Seed,
            }));
}
