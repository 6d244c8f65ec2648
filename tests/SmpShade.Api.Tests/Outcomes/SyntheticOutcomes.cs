using SmpShade.Api.Catalogue;
using SmpShade.Api.Matching;
using SmpShade.Api.Outcomes;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>One synthetic outcome: what a clinic would send, and the physics features behind it.</summary>
public sealed record SyntheticOutcome(CataloguePigment Pigment, Lab Skin, double WaterParts, double Months, HealedToneFeatures Features, Lab Healed)
{
    public TrainingExample Example => new(Features, Healed);
}

/// <summary>
/// Synthetic healed results made IN THE TESTS ONLY (never shipped, never put in a real database): the physics
/// prediction plus an optional hidden systematic bias plus Gaussian measurement noise.
/// </summary>
public static class SyntheticOutcomes
{
    /// <summary>Skins across the Monk Skin Tone scale (MST 1–9 hex, Monk 2019; docs/colour-library.md), as sRGB → Lab D65.</summary>
    public static readonly Lab[] Skins =
        [.. new[] { "f6ede4", "f3e7db", "f7ead0", "eadaba", "d7bd96", "a07e56", "825c43", "604134", "3a312a" }
            .Select(hex => RgbColourSpace.Srgb.ToLab(Rgb.FromHex(hex)))];

    /// <summary>Lab-only pigments (D65) from black through browns to a blonde, as SMP lines offer them (imported as base carbon).</summary>
    public static readonly CataloguePigment[] Pigments =
    [
        new("synth", 1, "S-BLK", "S-BLK", PigmentBase.Carbon, new Lab(22, 0.3, -0.5), [0, 1, 2, 3], null),
        new("synth", 1, "S-DBR", "S-DBR", PigmentBase.Carbon, new Lab(30, 8, 12), [0, 1, 2, 3], null),
        new("synth", 1, "S-MBR", "S-MBR", PigmentBase.Carbon, new Lab(45, 10, 18), [0, 1, 2, 3], null),
        new("synth", 1, "S-GRY", "S-GRY", PigmentBase.Carbon, new Lab(38, 0, -2), [0, 1, 2, 3], null),
        new("synth", 1, "S-ASH", "S-ASH", PigmentBase.Carbon, new Lab(55, 4, 14), [0, 1, 2, 3], null),
        new("synth", 1, "S-ESP", "S-ESP", PigmentBase.Carbon, new Lab(26, 5, 6), [0, 1, 2, 3], null),
    ];

    /// <summary>Dilutions clinics use for SMP (parts of water per part of ink).</summary>
    public static readonly double[] WaterParts = [0, 1, 2, 3];

    /// <summary>
    /// Per-channel noise σ: for an isotropic Gaussian in Lab the mean distance is σ·√(8/π) ≈ 1.6σ, so σ = 0.45 gives
    /// a mean ΔE of about 0.7, a repeat-measurement spread typical of a colorimetric photo of skin.
    /// </summary>
    public const double NoiseSigma = 0.45;

    /// <summary>
    /// The hidden bias: healed L* +3 and b* −2 at full strength a year after treatment, scaled by the ink
    /// concentration c and by months/12 (so strong, older dots differ most).
    /// </summary>
    public static Lab Bias(double concentration, double months)
    {
        double s = concentration * months / 12;
        return new Lab(3 * s, 0, -2 * s);
    }

    /// <summary>Outcomes across skins, pigments, dilutions and 3–24 months; <paramref name="biased"/> adds <see cref="Bias"/>.</summary>
    public static List<SyntheticOutcome> Generate(int count, bool biased, int seed, OutcomePhysics physics)
    {
        ArgumentNullException.ThrowIfNull(physics);
        var random = new Random(seed);
        var result = new List<SyntheticOutcome>(count);
        for (int i = 0; i < count; i++)
        {
            var pigment = Pigments[random.Next(Pigments.Length)];
            var skin = Skins[random.Next(Skins.Length)];
            double water = WaterParts[random.Next(WaterParts.Length)];
            double months = 3 + random.Next(22);
            var f = physics.Predict(pigment, skin, water, months);
            var bias = biased ? Bias(f.Concentration, months) : new Lab(0, 0, 0);
            var healed = new Lab(
                Math.Clamp(f.Physics.L + bias.L + Gaussian(random) * NoiseSigma, 0, 100),
                f.Physics.A + bias.A + Gaussian(random) * NoiseSigma,
                f.Physics.B + bias.B + Gaussian(random) * NoiseSigma);
            result.Add(new SyntheticOutcome(pigment, skin, water, months, f, healed));
        }

        return result;
    }

    /// <summary>The physics the service uses by default.</summary>
    public static OutcomePhysics DefaultPhysics() => new(new HealedToneModel(new HealedToneOptions()));

    // Box–Muller.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
