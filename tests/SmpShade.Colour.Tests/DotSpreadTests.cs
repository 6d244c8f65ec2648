using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

/// <summary>
/// The lateral dot correction (DotSpread, docs/science.md §7): its physical properties across the 50 measured skins.
/// DotSpreadMonteCarloTests checks the service's dot against the layered Monte Carlo on the dots the fit did not use.
/// </summary>
public sealed class DotSpreadTests
{
    private static readonly double[] Diameters = [0.3, 0.5, 1, 3];

    private static HealedToneModel Model => HealingFixture.Model;

    private static IEnumerable<InkOptics> Inks() => [HealingFixture.CarbonBlack, HealingFixture.DarkBrown, HealingFixture.IronOxideBrown];

    [Theory]
    [MemberData(nameof(MeasuredSkinTests.Subjects), MemberType = typeof(MeasuredSkinTests))]
    public void A_dot_lies_between_the_plane_of_ink_and_the_skin_and_nears_the_skin_as_it_shrinks(int subject)
    {
        var skin = MeasuredSkins.Fit(subject).Skin;
        foreach (var ink in Inks())
        {
            foreach (double water in new[] { 0.0, 3.0 })
            {
                double load = Model.Load(water, 0);
                var plane = skin.HealedLab(ink, load);
                double previous = DeltaE.Ciede2000(skin.Lab, plane);
                bool darkerEverywhere = Darkens(skin, ink, load);
                // Widest first: each smaller dot is closer to the skin than the wider one, and none is farther than the plane.
                foreach (double d in Diameters.Reverse())
                {
                    var dot = skin.HealedDotLab(ink, load, d);
                    double distance = DeltaE.Ciede2000(skin.Lab, dot);
                    string what = $"{MeasuredSkins.All[subject].Name}, ink L* {ink.Lab.L:F0}, {water} parts, {d} mm";
                    Assert.True(distance <= previous + 1e-9, $"{what}: ΔE00 to skin {distance:F3} > {previous:F3} of the wider dot (or plane)");
                    if (darkerEverywhere)
                    {
                        Assert.True(dot.L >= plane.L, $"{what}: dot L* {dot.L:F2} darker than the plane's {plane.L:F2}");
                    }

                    previous = distance;
                }
            }
        }
    }

    [Fact]
    public void A_wide_dot_is_the_plane()
    {
        var skin = MeasuredSkins.Fit(0).Skin;
        double load = Model.Load(0, 0);
        foreach (var ink in Inks())
        {
            var plane = skin.HealedLab(ink, load);
            double[] gaps = [.. new[] { 1.0, 10, 100, 1000 }.Select(d => DeltaE.Ciede2000(plane, skin.HealedDotLab(ink, load, d)))];
            Assert.True(gaps.Zip(gaps.Skip(1)).All(p => p.Second < p.First), string.Join(", ", gaps.Select(g => g.ToString("F3"))));
            Assert.True(gaps[^1] < 0.1, $"1 m dot: ΔE00 {gaps[^1]:F3} from the plane");
        }
    }

    [Fact]
    public void The_service_dot_uses_the_options_diameter()
    {
        var skin = MeasuredSkins.Fit(0).Skin;
        double load = Model.Load(0, 0);
        var ink = HealingFixture.CarbonBlack;
        Assert.Equal(0, DeltaE.Ciede2000(skin.HealedDotLab(ink, load, Model.Options.DotDiameterMillimetres), Model.HealedDot(skin, ink, 0)), 1e-9);
        Assert.True(Model.HealedDot(skin, ink, 0).L > Model.Healed(skin, ink, 0).L + 1, "a 0.5 mm dot reads visibly lighter than the plane");
    }

    [Theory]
    [MemberData(nameof(MeasuredSkinTests.Subjects), MemberType = typeof(MeasuredSkinTests))]
    public void No_neat_ink_dot_heals_darker_than_the_bottle_on_any_measured_skin(int subject)
    {
        // The plane obeys this only on skin 15 L* or more lighter than the ink (MeasuredSkinTests): NIST subject 44 (skin
        // L* 43.8) heals the neat L* 30 brown's plane at 28.6. A dot of the default 0.5 mm, lit from the skin around it,
        // obeys it on every measured skin lighter than the ink.
        var skin = MeasuredSkins.Fit(subject).Skin;
        foreach (var ink in Inks().Where(i => skin.Lab.L > i.Lab.L))
        {
            var dot = Model.HealedDot(skin, ink, 0);
            Assert.True(dot.L >= ink.Lab.L, $"{MeasuredSkins.All[subject].Name} (skin L* {skin.Lab.L:F1}): ink L* {ink.Lab.L:F1}, 0.5 mm dot L* {dot.L:F1}");
        }
    }

    /// <summary>Whether the ink darkens the skin at every wavelength (then a dot, mixing toward the skin, is lighter).</summary>
    private static bool Darkens(SkinLayers skin, InkOptics ink, double load)
    {
        var r = new double[Chromophores.Count];
        skin.Healed(ink, load, r);
        return r.Select((v, i) => v <= skin.Reflectance[i]).All(x => x);
    }
}
