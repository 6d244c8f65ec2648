using BenchmarkDotNet.Attributes;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Matching;
using SmpShade.Api.Outcomes;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

namespace SmpShade.Benchmarks;

/// <summary>
/// The learnt healed-tone correction: one corrected prediction (matching applies it to a shortlist of ≥ 50 candidates
/// per request) and one whole training (5-fold CV + final fit, three FastTree models) on 200 outcomes.
/// The outcomes are synthetic, made here: physics + a bias + noise, as in the tests.
/// Run: <c>dotnet run -c Release --project tests/SmpShade.Benchmarks -- --filter '*HealedToneCorrection*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HealedToneCorrectionBenchmarks
{
    private List<TrainingExample> examples = [];
    private LearnedHealedToneCorrection correction = null!;
    private HealedToneFeatures features;

    [GlobalSetup]
    public void Setup()
    {
        var physics = new OutcomePhysics(new HealedToneModel(new HealedToneOptions()));
        var random = new Random(7);
        Lab[] skins = [new(86, 6, 14), new(70, 11, 18), new(55, 14, 22), new(40, 11, 17), new(28, 6, 8)];
        Lab[] inks = [new(22, 0.3, -0.5), new(30, 8, 12), new(45, 10, 18), new(38, 0, -2)];
        for (int i = 0; i < 200; i++)
        {
            var pigment = new CataloguePigment("bench", 1, "P" + i % inks.Length, "P" + i % inks.Length, PigmentBase.Mixed, inks[i % inks.Length], [], null);
            double water = random.Next(4), months = 3 + random.Next(22);
            var f = physics.Predict(pigment, skins[random.Next(skins.Length)], water, months);
            double s = f.Concentration * months / 12;
            examples.Add(new TrainingExample(f, new Lab(f.Physics.L + 3 * s + Noise(random), f.Physics.A + Noise(random), f.Physics.B - 2 * s + Noise(random))));
        }

        var trained = new HealedToneTrainer(new HealedToneLearningOptions()).Train(examples);
        correction = new LearnedHealedToneCorrection("healed-tone-v1", trained.ModelL, trained.ModelA, trained.ModelB);
        features = examples[0].Features;
    }

    [Benchmark]
    public Lab Correct() => correction.Correct(features);

    [Benchmark]
    public double Train200() => new HealedToneTrainer(new HealedToneLearningOptions()).Train(examples).Cv.CorrectedDeltaE00;

    // Sum of three uniforms (Irwin–Hall), scaled to σ = 0.45 per channel: near-Gaussian, as in the tests.
    private static double Noise(Random random) => 0.45 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2;
}
