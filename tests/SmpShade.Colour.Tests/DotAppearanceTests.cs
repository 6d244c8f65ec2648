using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

/// <summary>The treated area from conversational distance: dots and skin mixed by area in XYZ (docs/science.md §7).</summary>
public sealed class DotAppearanceTests
{
    private static readonly Lab Skin = new(66, 10, 17);
    private static readonly Lab Dot = new(38, -3, -5);

    [Fact]
    public void The_default_dots_cover_a_fifth_of_the_skin()
    {
        // 100 dots per cm², each 0.5 mm across: 100 × π × (0.025 cm)² = 0.19635 (by hand).
        Assert.Equal(0.19635, HealingFixture.Model.DotCoverage, 1e-5);
    }

    [Fact]
    public void From_a_distance_light_adds_in_XYZ_not_in_Lab()
    {
        var model = HealingFixture.Model;
        double f = model.DotCoverage;
        var far = model.FromDistance(Dot, Skin);
        var white = HealedToneModel.Colour.White;
        // Luminance is the area-weighted mean of the two luminances …
        Assert.Equal((f * Dot.ToXyz(white).Y) + ((1 - f) * Skin.ToXyz(white).Y), far.ToXyz(white).Y, 1e-12);
        // … which, L* being concave in Y, reads lighter than the area-weighted mean of the two L* (what a Lab mix gives).
        Assert.True(far.L > (f * Dot.L) + ((1 - f) * Skin.L) + 1, $"L* {far.L:F2}");
        Assert.InRange(far.L, Dot.L, Skin.L);
    }

    [Fact]
    public void Sparse_dots_leave_the_skin_and_touching_dots_are_the_dot()
    {
        var sparse = new HealedToneModel(new HealedToneOptions { DotsPerSquareCentimetre = 1e-9 });
        Assert.True(DeltaE.Ciede2000(Skin, sparse.FromDistance(Dot, Skin)) < 1e-3);
        var full = new HealedToneModel(new HealedToneOptions { DotDiameterMillimetres = 1, DotsPerSquareCentimetre = 1 / (Math.PI * 0.05 * 0.05) });
        Assert.Equal(1, full.DotCoverage, 1e-12);
        Assert.True(DeltaE.Ciede2000(Dot, full.FromDistance(Dot, Skin)) < 1e-9);
    }

    [Fact]
    public void More_dots_than_the_area_holds_is_an_invalid_option()
    {
        Assert.Contains(new HealedToneOptions { DotsPerSquareCentimetre = 1000 }.Problems(), p => p.Contains("dotsPerSquareCentimetre", StringComparison.Ordinal));
        Assert.Empty(new HealedToneOptions().Problems());
    }
}
