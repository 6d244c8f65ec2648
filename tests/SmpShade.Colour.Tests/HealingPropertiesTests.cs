using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

/// <summary>The physical properties docs/science.md §6 requires of the healed-tone model, across the Monk range.</summary>
public sealed class HealingPropertiesTests
{
    private static readonly double[] Ladder = [0, 1, 3, 6, 12, 20];
    private static HealedToneModel Model => HealingFixture.Model;

    public static TheoryData<int> AllTones => HealingFixture.Tones(1, 10);

    public static TheoryData<int> LightTones => HealingFixture.Tones(1, 5);

    [Theory]
    [MemberData(nameof(AllTones))]
    public void More_water_heals_lighter(int tone)
    {
        var skin = HealingFixture.Monk(tone).Skin;
        foreach (var ink in new[] { HealingFixture.CarbonBlack, HealingFixture.DarkBrown })
        {
            double[] l = [.. Ladder.Select(w => Model.Healed(skin, ink, w).L)];
            for (int i = 1; i < l.Length; i++)
            {
                Assert.True(l[i] > l[i - 1], $"MST {tone}: {Ladder[i]} parts water L* {l[i]:F2} ≤ {Ladder[i - 1]} parts L* {l[i - 1]:F2}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllTones))]
    public void Healed_ink_is_lighter_than_the_neat_ink_on_skin_clearly_lighter_than_the_ink(int tone)
    {
        // On skin at least 15 L* lighter than the drawdown the healed dot is lighter than the drawdown. On skin about
        // as dark as the ink (MST 7–10 for a L* 30 brown) it need not be: the skin itself is that dark.
        var skin = HealingFixture.Monk(tone).Skin;
        foreach (var ink in new[] { HealingFixture.CarbonBlack, HealingFixture.DarkBrown })
        {
            if (skin.Lab.L >= ink.Lab.L + 15)
            {
                Assert.True(Model.Healed(skin, ink, 0).L > ink.Lab.L, $"MST {tone}, ink L* {ink.Lab.L:F0}");
            }
        }
    }

    [Fact]
    public void The_lighter_than_neat_property_is_checked_on_most_of_the_Monk_range()
    {
        // Guards the condition above from silently skipping everything: carbon black (L* 22) qualifies on MST 1–7.
        Assert.Equal(7, Enumerable.Range(1, 10).Count(t => HealingFixture.Monk(t).Skin.Lab.L >= HealingFixture.CarbonBlack.Lab.L + 15));
    }

    [Theory]
    [MemberData(nameof(LightTones))]
    public void Carbon_black_heals_blue_on_light_skin(int tone)
    {
        // The Tyndall blue shift: the neutral ink heals with b* < 0 (and bluer than the skin, which is yellowish).
        var healed = Model.Healed(HealingFixture.Monk(tone).Skin, HealingFixture.CarbonBlack, 0);
        Assert.True(healed.B < 0, $"MST {tone}: b* {healed.B:F2}");
        Assert.True(healed.B < HealingFixture.CarbonBlack.Lab.B);
    }

    [Fact]
    public void The_same_ink_has_lower_contrast_on_darker_skin()
    {
        double[] contrast = [.. Enumerable.Range(1, 10).Select(t =>
        {
            var skin = HealingFixture.Monk(t).Skin;
            return DeltaE.Ciede2000(skin.Lab, Model.Healed(skin, HealingFixture.CarbonBlack, 0));
        })];
        for (int t = 1; t < 10; t++)
        {
            // MST 1–3 fit to the same (lightest possible) skin, hence "not higher" rather than "lower" between neighbours.
            Assert.True(contrast[t] <= contrast[t - 1] + 1e-9, $"MST {t + 1} contrast {contrast[t]:F2} > MST {t} {contrast[t - 1]:F2}");
        }

    }

    [Theory]
    [MemberData(nameof(AllTones))]
    public void Zero_ink_gives_back_the_fitted_skin(int tone)
    {
        var skin = HealingFixture.Monk(tone).Skin;
        // The prediction interpolates a per-skin table of the stack (bicubic, 5 nodes per decade of absorption); the
        // bare skin is solved exactly: they agree to well under a just-noticeable difference.
        var bare = skin.HealedLab(HealingFixture.CarbonBlack, 0);
        Assert.True(DeltaE.Ciede2000(skin.Lab, bare) < 0.1, $"ΔE00 {DeltaE.Ciede2000(skin.Lab, bare):F3}");
        // And a vanishing dilution converges on it.
        Assert.True(DeltaE.Ciede2000(bare, Model.Healed(skin, HealingFixture.CarbonBlack, 1e7)) < 1e-3);
    }

    [Theory]
    [MemberData(nameof(AllTones))]
    public void Fading_lightens_the_tattoo_towards_the_skin_over_the_years(int tone)
    {
        var skin = HealingFixture.Monk(tone).Skin;
        double[] years = [0, 2, 5, 10, 20];
        double[] toSkin = [.. years.Select(y => DeltaE.Ciede2000(skin.Lab, Model.Healed(skin, HealingFixture.CarbonBlack, 3, y)))];
        for (int i = 1; i < toSkin.Length; i++)
        {
            Assert.True(toSkin[i] < toSkin[i - 1], $"MST {tone}: after {years[i]} years ΔE00 to skin {toSkin[i]:F3}");
        }

        if (tone <= 8)
        {
            Assert.True(Model.Healed(skin, HealingFixture.CarbonBlack, 3, 10).L > Model.Healed(skin, HealingFixture.CarbonBlack, 3, 0).L);
        }
    }

    [Fact]
    public void Fading_follows_an_exponential_with_the_configured_time_constant()
    {
        // φ(t) = φ₀·exp(−t/τ): after τ years the load is 1/e of the new load.
        double tau = Model.Options.FadingYears;
        Assert.Equal(Model.Load(0, 0) / Math.E, Model.Load(0, tau), 1e-12);
        // c = 1/(1 + water parts): 3 parts water is a quarter of the load.
        Assert.Equal(Model.Load(0, 0) / 4, Model.Load(3, 0), 1e-12);
    }
}
