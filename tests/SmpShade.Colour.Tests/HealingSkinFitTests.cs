using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

public sealed class HealingSkinFitTests
{
    private static HealedToneModel Model => HealingFixture.Model;

    public static TheoryData<double, double> ModelSkins() => new()
    {
        { 0.01, 0.005 }, { 0.03, 0.02 }, { 0.08, 0.01 }, { 0.15, 0.002 }, { 0.3, 0.03 },
    };

    [Theory]
    [MemberData(nameof(ModelSkins))]
    public void A_skin_the_model_can_make_is_fitted_back_exactly(double melanin, double blood)
    {
        // Independent ground truth: the colour of a skin built with known fractions.
        var truth = Model.Skin(melanin, blood).Lab;
        var fit = Model.FitSkin(truth);
        Assert.True(fit.DeltaE00 < 0.05, $"fit ΔE00 {fit.DeltaE00:F3}");
        Assert.False(fit.IsPoor);
        Assert.Equal(melanin, fit.Skin.MelaninFraction, melanin * 0.1);
    }

    [Theory]
    [MemberData(nameof(LightestTones))]
    public void Monk_swatches_lighter_than_any_modelled_skin_are_flagged_as_poor_fits(int tone)
    {
        // MST 1–3 are display swatches at L* > 92; the lightest skin this model makes (least melanin and blood) is
        // far darker, so the fit must say so rather than pretend.
        var lightest = Model.Skin(Model.Options.MelaninMin, Model.Options.BloodMin).Lab;
        var fit = HealingFixture.Monk(tone);
        Assert.True(lightest.L < fit.Measured.L - 10);
        Assert.True(fit.IsPoor);
        Assert.Equal(DeltaE.Ciede2000(fit.Measured, fit.Skin.Lab), fit.DeltaE00, 1e-12);
    }

    public static TheoryData<int> LightestTones => HealingFixture.Tones(1, 3);

    [Theory]
    [MemberData(nameof(AllTones))]
    public void Every_Monk_tone_is_fitted_no_worse_than_the_best_grid_corner(int tone)
    {
        // The refined fit is never worse than any of the four extreme skins (a check that the optimiser is not lost).
        var o = Model.Options;
        var fit = HealingFixture.Monk(tone);
        foreach (double m in new[] { o.MelaninMin, o.MelaninMax })
        {
            foreach (double b in new[] { o.BloodMin, o.BloodMax })
            {
                Assert.True(fit.DeltaE00 <= DeltaE.Ciede2000(fit.Measured, Model.Skin(m, b).Lab) + 1e-9);
            }
        }

        Assert.InRange(fit.Skin.MelaninFraction, o.MelaninMin, o.MelaninMax);
        Assert.InRange(fit.Skin.BloodFraction, o.BloodMin, o.BloodMax);
    }

    public static TheoryData<int> AllTones => HealingFixture.Tones(1, 10);

    [Fact]
    public void More_melanin_makes_darker_skin()
    {
        double previous = double.MaxValue;
        foreach (double m in new[] { 0.005, 0.02, 0.05, 0.1, 0.2, 0.45 })
        {
            double l = Model.Skin(m, 0.01).Lab.L;
            Assert.True(l < previous);
            previous = l;
        }
    }
}
