using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

/// <summary>The skin model against measured human skin, and the physical properties across those skins.</summary>
public sealed class MeasuredSkinTests
{
    private static HealedToneModel Model => HealingFixture.Model;

    private static readonly double[] Ladder = [0, 1, 3, 6, 12, 20];

    [Fact]
    public void Held_out_measured_skins_are_reproduced_within_the_goal()
    {
        // The goal, on the 10 subjects no constant was fitted to (melanin and blood fitted per skin):
        // median ΔE00 ≤ 1.0 and 95th percentile ≤ 2.0.
        double[] errors = [.. Enumerable.Range(0, MeasuredSkins.All.Count).Where(MeasuredSkins.IsHeldOut)
            .Select(i => MeasuredSkins.SpecularFit(i).DeltaE00).Order()];
        Assert.Equal(10, errors.Length);
        double median = (errors[4] + errors[5]) / 2;
        double p95 = errors[8] + (0.55 * (errors[9] - errors[8])); // linear-interpolated 95th percentile of 10 values
        Assert.True(median <= 1.0, $"median ΔE00 {median:F2}");
        Assert.True(p95 <= 2.0, $"95th percentile ΔE00 {p95:F2}");
    }

    [Fact]
    public void The_fitted_spectra_follow_the_measured_ones()
    {
        // Not just the colour: the fitted skin's spectrum stays within 0.06 RMS of the measured one for every subject
        // (measured skin reflectance spans ≈ 0.05–0.7 over 400–700 nm).
        for (int i = 0; i < MeasuredSkins.All.Count; i++)
        {
            var measured = MeasuredSkins.All[i].Reflectance;
            var model = MeasuredSkins.SpecularFit(i).Skin.Reflectance;
            double rmse = Math.Sqrt(measured.Select((r, k) => (r - model[k]) * (r - model[k])).Average());
            Assert.True(rmse < 0.06, $"{MeasuredSkins.All[i].Name}: spectral RMSE {rmse:F3}");
        }
    }

    public static TheoryData<int> Subjects()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < 50; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void No_neat_ink_heals_darker_than_the_bottle_on_skin_much_lighter_than_it(int subject)
    {
        // "Much lighter": 15 L* or more, on every measured skin (the narrower "skin L* ≥ 55" condition is gone since
        // the inks' body reflectance is taken under the drawdown's surface (Saunderson) with measured scattering). Closer
        // than that the epidermis is a colour filter over the ink (melanin absorbs where a brown ink reflects) and may
        // remove more light than the tissue adds: NIST subject 44 (skin L* 43.8, 13.8 lighter than a L* 30 brown)
        // heals that brown at 28.6, which is physics, not the bug the issue describes.
        var skin = MeasuredSkins.Fit(subject).Skin;
        foreach (var ink in Inks())
        {
            if (skin.Lab.L >= ink.Lab.L + 15)
            {
                var healed = Model.Healed(skin, ink, 0);
                Assert.True(healed.L >= ink.Lab.L, $"{MeasuredSkins.All[subject].Name} (skin L* {skin.Lab.L:F1}): ink L* {ink.Lab.L:F1} heals at {healed.L:F1}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void No_neat_ink_heals_darker_than_its_body_colour_without_the_bottles_gloss_on_any_measured_skin(int subject)
    {
        // The weaker property that holds on every skin (docs/science.md §6): the bottle's reading includes the light
        // its glossy surface reflects (K1 = 0.03, half of an L* 30 brown's Y), healed skin is seen without it. Against
        // the bottle's body colour (the reading less K1) no neat ink heals darker, whatever the epidermis.
        var skin = MeasuredSkins.Fit(subject).Skin;
        foreach (var ink in Inks())
        {
            double[] body = [.. ink.Reflectance.Select(r => Math.Max(0, r - InkOptics.SurfaceK1))];
            double bodyL = HealedToneModel.Colour.ToLab(body).L;
            var healed = Model.Healed(skin, ink, 0);
            Assert.True(healed.L >= bodyL, $"{MeasuredSkins.All[subject].Name} (skin L* {skin.Lab.L:F1}): ink body L* {bodyL:F1} heals at {healed.L:F1}");
        }
    }

    [Fact]
    public void Subject_44_heals_the_brown_darker_than_the_bottle_through_its_epidermal_melanin()
    {
        // Why "never darker than the bottle" cannot hold on every skin: the same dermis under a light skin's epidermis
        // (melanin 0.01 instead of the fitted 0.077) heals the L* 30 brown well above the bottle, and ten times the ink
        // barely moves it, so the ink layer is already opaque: the darkening is the epidermis filtering the ink's light
        // twice, not light lost under the ink or a translucent ink layer.
        Assert.Equal("subject44", MeasuredSkins.All[21].Name);
        var skin = MeasuredSkins.Fit(21).Skin;
        var brown = HealingFixture.DarkBrown;
        double healed = Model.Healed(skin, brown, 0).L;
        Assert.True(healed < brown.Lab.L, $"healed {healed:F1}");
        Assert.True(Model.Healed(Model.Skin(0.01, skin.BloodFraction), brown, 0).L > brown.Lab.L + 5);
        Assert.True(Math.Abs(Model.Healed(skin, brown, -0.9).L - healed) < 1); // water parts −0.9: ten times the ink
    }

    [Fact]
    public void The_bottle_property_covers_every_measured_skin_at_least_15_lighter_than_the_inks()
    {
        // Guards the condition above from silently skipping: the L* 30 browns qualify on every subject but subject 44
        // (L* 43.8), carbon black (L* 22) on all 50.
        Assert.Equal(49, Enumerable.Range(0, 50).Count(i => MeasuredSkins.Fit(i).Skin.Lab.L >= HealingFixture.DarkBrown.Lab.L + 15));
        Assert.Equal(50, Enumerable.Range(0, 50).Count(i => MeasuredSkins.Fit(i).Skin.Lab.L >= HealingFixture.CarbonBlack.Lab.L + 15));
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void No_carbon_or_iron_oxide_ink_heals_bluer_than_b_minus_10(int subject)
    {
        var skin = MeasuredSkins.Fit(subject).Skin;
        foreach (var ink in Inks())
        {
            foreach (double water in Ladder)
            {
                var healed = Model.Healed(skin, ink, water);
                Assert.True(healed.B >= -10, $"{MeasuredSkins.All[subject].Name}: b* {healed.B:F1} at {water} parts water");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Neat_carbon_black_on_light_skin_heals_dark_grey_slightly_blue(int subject)
    {
        // The provisional range for skins of L* 60–72 (dermoscopy: pigment in the papillary dermis reads blue-grey;
        // SMP dots look grey to black): L* 27–40, b* −8…0.
        var skin = MeasuredSkins.Fit(subject).Skin;
        if (skin.Lab.L is < 60 or > 72)
        {
            return;
        }

        var healed = Model.Healed(skin, HealingFixture.CarbonBlack, 0);
        Assert.InRange(healed.L, 27, 40);
        Assert.InRange(healed.B, -8, 0);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void An_iron_oxide_heals_warmer_than_carbon_black_at_the_same_dilution(int subject)
    {
        var skin = MeasuredSkins.Fit(subject).Skin;
        foreach (double water in Ladder)
        {
            double carbon = Model.Healed(skin, HealingFixture.CarbonBlack, water).B;
            double iron = Model.Healed(skin, HealingFixture.IronOxideBrown, water).B;
            Assert.True(iron > carbon, $"{MeasuredSkins.All[subject].Name}, {water} parts: iron oxide b* {iron:F1}, carbon b* {carbon:F1}");
        }
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void More_water_heals_lighter_on_measured_skin(int subject)
    {
        var skin = MeasuredSkins.Fit(subject).Skin;
        foreach (var ink in Inks())
        {
            double[] l = [.. Ladder.Select(w => Model.Healed(skin, ink, w).L)];
            for (int k = 1; k < l.Length; k++)
            {
                Assert.True(l[k] > l[k - 1], $"{MeasuredSkins.All[subject].Name}: {Ladder[k]} parts L* {l[k]:F2} ≤ {l[k - 1]:F2}");
            }
        }
    }

    [Fact]
    public void Contrast_is_lower_on_darker_measured_skin()
    {
        // Any two subjects whose fitted skins differ by 5 L* or more: neat carbon black stands out less on the darker.
        var contrast = Enumerable.Range(0, MeasuredSkins.All.Count).Select(i =>
        {
            var skin = MeasuredSkins.Fit(i).Skin;
            return (skin.Lab.L, DeltaE: DeltaE.Ciede2000(skin.Lab, Model.Healed(skin, HealingFixture.CarbonBlack, 0)));
        }).ToList();
        foreach (var lighter in contrast)
        {
            foreach (var darker in contrast.Where(c => c.L <= lighter.L - 5))
            {
                Assert.True(darker.DeltaE < lighter.DeltaE, $"L* {darker.L:F1}: ΔE00 {darker.DeltaE:F1} vs L* {lighter.L:F1}: {lighter.DeltaE:F1}");
            }
        }
    }

    private static InkOptics[] Inks() => [HealingFixture.CarbonBlack, HealingFixture.IronOxideBrown, HealingFixture.DarkBrown];
}
