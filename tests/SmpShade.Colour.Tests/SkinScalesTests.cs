using SmpShade.Colour.Skin;

namespace SmpShade.Colour.Tests;

public sealed class SkinScalesTests
{
    [Theory]
    [InlineData(50, 20, 0)]
    [InlineData(100, 0, 90)]      // b* = 0: atan2 gives 90°, where atan(x/0) would divide by zero
    [InlineData(75, 25, 45)]
    [InlineData(25, 25, -45)]
    [InlineData(60, -10, 135)]    // b* < 0 stays in the right quadrant
    public void ITA_is_atan2_of_L_minus_50_and_b_in_degrees(double l, double b, double expected)
    {
        Assert.Equal(expected, SkinScales.Ita(new Lab(l, 5, b)), 1e-12);
    }

    [Theory]
    [InlineData(55.0001, ItaCategory.VeryLight)]
    [InlineData(55, ItaCategory.Light)]
    [InlineData(41.0001, ItaCategory.Light)]
    [InlineData(41, ItaCategory.Intermediate)]
    [InlineData(28, ItaCategory.Tan)]
    [InlineData(10.0001, ItaCategory.Tan)]
    [InlineData(10, ItaCategory.Brown)]
    [InlineData(-29.9999, ItaCategory.Brown)]
    [InlineData(-30, ItaCategory.Dark)]
    [InlineData(-80, ItaCategory.Dark)]
    public void Del_Bino_categories_include_their_upper_bound(double ita, ItaCategory expected)
    {
        Assert.Equal(expected, SkinScales.Category(ita));
    }

    [Theory]
    [InlineData(60, ItaCategory.VeryLight)]
    [InlineData(48, ItaCategory.Light)]
    [InlineData(35, ItaCategory.Intermediate)]
    [InlineData(19, ItaCategory.Tan)]
    [InlineData(-10, ItaCategory.Brown)]
    [InlineData(-45, ItaCategory.Dark)]
    public void A_skin_colour_is_categorised_by_its_ITA(double ita, ItaCategory expected)
    {
        Assert.Equal(expected, SkinScales.Category(WithIta(ita)));
    }

    [Fact]
    public void The_Monk_tones_are_the_published_swatches_decoded_as_sRGB()
    {
        string[] published = ["#f6ede4", "#f3e7db", "#f7ead0", "#eadaba", "#d7bd96", "#a07e56", "#825c43", "#604134", "#3a312a", "#292420"];
        Assert.Equal(published, SkinScales.MonkTones.Select(t => t.Hex));
        Assert.Equal(Enumerable.Range(1, 10), SkinScales.MonkTones.Select(t => t.Tone));

        // Independent computation (Python, IEC 61966-2-1 formula, the ASTM D65 matrix to 10 decimals).
        AssertLab(new Lab(94.21107924730578, 1.5039006256782894, 5.430234028358405), SkinScales.MonkTones[0].Lab);
        AssertLab(new Lab(77.90216569354024, 3.472918675786807, 23.141461175991495), SkinScales.MonkTones[4].Lab);
        AssertLab(new Lab(14.610238010271793, 1.4828077418265195, 3.5275650370632516), SkinScales.MonkTones[9].Lab);
    }

    [Fact]
    public void Every_Monk_tone_is_its_own_nearest_tone_at_zero_distance()
    {
        foreach (MonkSkinTone tone in SkinScales.MonkTones)
        {
            MonkMatch match = SkinScales.NearestMonk(tone.Lab);
            Assert.Equal(tone.Tone, match.Tone);
            Assert.Equal(tone.Hex, match.Hex);
            Assert.Equal(0, match.DeltaE00, 1e-12);
        }
    }

    [Fact]
    public void A_skin_colour_near_tone_6_matches_tone_6_and_reports_the_CIEDE2000_to_it()
    {
        Lab tone6 = SkinScales.MonkTones[5].Lab;
        var skin = new Lab(tone6.L + 1.5, tone6.A - 1, tone6.B + 1);
        MonkMatch match = SkinScales.NearestMonk(skin);
        Assert.Equal(6, match.Tone);
        Assert.Equal("#a07e56", match.Hex);
        Assert.Equal(tone6, match.Lab);
        Assert.Equal(DeltaE.Ciede2000(skin, tone6), match.DeltaE00, 1e-12);
        Assert.True(match.DeltaE00 > 0.5);
    }

    [Theory]
    [InlineData(70, 0.8, 1.8)]    // lighter than the very-light bound: light-skin thresholds (Leow 2006)
    [InlineData(55, 0.8, 1.8)]
    [InlineData(12.5, 1.05, 2.2)] // half way from 55 to −30
    [InlineData(-30, 1.3, 2.6)]
    [InlineData(-60, 1.3, 2.6)]   // darker than the dark bound: dark-skin thresholds
    public void Thresholds_run_linearly_in_ITA_from_light_to_dark_skin(double ita, double perceptibility, double acceptability)
    {
        SkinThresholds t = SkinScales.Thresholds(WithIta(ita));
        Assert.Equal(perceptibility, t.Perceptibility, 1e-9);
        Assert.Equal(acceptability, t.Acceptability, 1e-9);
    }

    // A Lab whose ITA° is the given angle: L* − 50 = r sin θ, b* = r cos θ.
    private static Lab WithIta(double degrees)
    {
        double rad = degrees * Math.PI / 180;
        return new Lab(50 + 20 * Math.Sin(rad), 8, 20 * Math.Cos(rad));
    }

    private static void AssertLab(Lab expected, Lab actual)
    {
        Assert.Equal(expected.L, actual.L, 1e-6);
        Assert.Equal(expected.A, actual.A, 1e-6);
        Assert.Equal(expected.B, actual.B, 1e-6);
    }
}
