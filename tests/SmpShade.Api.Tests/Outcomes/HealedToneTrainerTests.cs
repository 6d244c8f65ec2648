using SmpShade.Api.Outcomes;
using SmpShade.Colour;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>The trainer on synthetic outcomes (no host): it must find a hidden bias and must refuse pure noise.</summary>
public sealed class HealedToneTrainerTests(ITestOutputHelper output)
{
    private static readonly OutcomePhysics Physics = SyntheticOutcomes.DefaultPhysics();

    [Fact]
    public void A_correction_trained_on_biased_outcomes_recovers_most_of_the_bias_and_is_used()
    {
        var outcomes = SyntheticOutcomes.Generate(200, biased: true, seed: 11, Physics);
        var trained = new HealedToneTrainer(new HealedToneLearningOptions()).Train([.. outcomes.Select(o => o.Example)]);

        output.WriteLine(trained.Reason);
        // "Most of the bias": held-out corrected error below 60 % of physics-only (the task's criterion).
        Assert.True(trained.Cv.CorrectedDeltaE00 < 0.6 * trained.Cv.PhysicsDeltaE00,
            $"CV ΔE00 corrected {trained.Cv.CorrectedDeltaE00:0.000} vs physics-only {trained.Cv.PhysicsDeltaE00:0.000}");
        Assert.True(trained.BeatsPhysics, trained.Reason);
        Assert.Equal(5, trained.Cv.Folds);
    }

    [Fact]
    public void A_trained_correction_moves_fresh_predictions_towards_the_hidden_bias()
    {
        var trained = new HealedToneTrainer(new HealedToneLearningOptions())
            .Train([.. SyntheticOutcomes.Generate(200, biased: true, seed: 12, Physics).Select(o => o.Example)]);
        var correction = new LearnedHealedToneCorrection("healed-tone-v1", trained.ModelL, trained.ModelA, trained.ModelB);

        // Outcomes the model never saw (another seed): compare the learnt shift with the bias that was hidden.
        var fresh = SyntheticOutcomes.Generate(100, biased: true, seed: 99, Physics);
        double missBefore = 0, missAfter = 0;
        foreach (var o in fresh)
        {
            var truth = o.Features.Physics;
            var bias = SyntheticOutcomes.Bias(o.Features.Concentration, o.Months);
            var expected = new Lab(truth.L + bias.L, truth.A + bias.A, truth.B + bias.B);
            missBefore += DeltaE.Ciede2000(expected, truth);
            missAfter += DeltaE.Ciede2000(expected, correction.Correct(o.Features));
        }

        output.WriteLine($"mean ΔE00 to the biased truth: {missAfter / fresh.Count:0.000} corrected vs {missBefore / fresh.Count:0.000} physics");
        // The noise-free target is the physics plus the bias: the correction must close at least half of that gap.
        Assert.True(missAfter < 0.5 * missBefore, $"mean ΔE00 to the biased truth: {missAfter / fresh.Count:0.000} corrected vs {missBefore / fresh.Count:0.000} physics");
    }

    [Fact]
    public void A_correction_trained_on_pure_noise_is_not_used()
    {
        var outcomes = SyntheticOutcomes.Generate(200, biased: false, seed: 13, Physics);
        var trained = new HealedToneTrainer(new HealedToneLearningOptions()).Train([.. outcomes.Select(o => o.Example)]);

        output.WriteLine(trained.Reason);
        Assert.False(trained.BeatsPhysics, trained.Reason);
        Assert.StartsWith("Does not beat physics-only", trained.Reason, StringComparison.Ordinal);
    }

    [Theory]
    // improvement, standard error, used? — margin = max(0.1, 2 × SE) with the default options.
    [InlineData(0.05, 0.01, false)] // below the practical floor of 0.1 ΔE00
    [InlineData(0.50, 0.30, false)] // needs 0.6: could be fold luck
    [InlineData(0.50, 0.10, true)]  // needs 0.2
    [InlineData(-0.20, 0.05, false)] // worse than physics
    public void The_margin_needs_both_a_practical_and_a_statistical_improvement(double improvement, double standardError, bool used)
    {
        var cv = new CrossValidation(5, 2.0, 2.0 - improvement, standardError);
        Assert.Equal(used, new HealedToneTrainer(new HealedToneLearningOptions()).Decide(cv).Beats);
    }
}
