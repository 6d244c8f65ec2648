using SmpShade.Colour.Healing;
using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Tests;

public sealed class HealingInkTests
{
    // A catalogue-like range: carbon blacks down to L* 18, browns, warm and cool greys, a few chromatic inks.
    public static TheoryData<double, double, double> CatalogueLabs() => new()
    {
        { 18, 0, 0 }, { 20, 0.5, -1 }, { 22, 0.3, -0.5 }, { 25, 2, 4 }, { 28, 6, 10 }, { 32, 9, 15 }, { 35, 12, 22 },
        { 40, 4, 8 }, { 45, -2, -6 }, { 50, 0, 0 }, { 55, 10, 25 }, { 60, 5, 12 }, { 65, 15, 30 }, { 70, 2, 5 },
        { 30, -3, -8 }, { 38, 20, 18 }, { 80, 1, 3 },
    };

    [Theory]
    [MemberData(nameof(CatalogueLabs))]
    public void The_smoothest_spectrum_reproduces_the_catalogue_Lab(double l, double a, double b)
    {
        var lab = new Lab(l, a, b);
        var ink = InkOptics.FromLab(lab);
        Assert.True(DeltaE.Ciede2000(lab, ink.Lab) < 0.01, $"ΔE00 {DeltaE.Ciede2000(lab, ink.Lab)}");
        Assert.True(ink.SpectrumDeltaE00 < 0.01);
        Assert.All(ink.Reflectance, r => Assert.InRange(r, InkOptics.MinReflectance, 1));
    }

    [Fact]
    public void A_neutral_grey_becomes_a_flat_spectrum()
    {
        // The smoothest spectrum of a neutral is flat (zero curvature) at its luminance factor Y.
        var ink = InkOptics.FromLab(new Lab(50, 0, 0));
        double y = new Lab(50, 0, 0).ToXyz(SpectralColour.D65Visible10.White).Y;
        Assert.All(ink.Reflectance, r => Assert.Equal(y, r, 1e-9));
    }

    [Fact]
    public void K_over_S_is_the_Kubelka_Munk_function_of_the_body_reflectance_under_the_surface()
    {
        // Saunderson (1942) inverted by hand with K1 = 0.03, K2 = 0.65: x = R − K1, R∞ = x / ((1 − K1)(1 − K2) + K2·x).
        var ink = HealingFixture.DarkBrown;
        for (int i = 0; i < 31; i++)
        {
            double x = ink.Reflectance[i] - 0.03;
            double body = x / ((0.97 * 0.35) + (0.65 * x));
            Assert.Equal((1 - body) * (1 - body) / (2 * body), ink.KOverS[i], 1e-9);
            Assert.Equal(ink.Reflectance[i], InkOptics.ObservedReflectance(body), 1e-12);
        }
    }

    [Fact]
    public void A_reading_no_brighter_than_the_surface_alone_is_a_perfect_black_body()
    {
        // An SCE reading of a deep black (below K1 = 0.03) has no body reflectance left: the floor, not a negative R∞.
        Assert.Equal(InkOptics.MinReflectance, InkOptics.BodyReflectance(0.02));
    }

    [Fact]
    public void Carbon_scattering_follows_bone_blacks_measured_shape_and_the_others_are_flat()
    {
        // Golden Heavy Body PBk9 S at 400, 550 and 700 nm (Data/pigment_ks_spectra.csv): 0.021269, 0.020097, 0.023868.
        double[] carbon = InkChemistry.ScatteringSpectrum("carbon");
        Assert.Equal(0.021269 / 0.020097, carbon[0] / carbon[15], 1e-3);
        Assert.Equal(0.023868 / 0.020097, carbon[30] / carbon[15], 1e-3);
        Assert.Equal(InkChemistry.CarbonScatteringPerCm, carbon[15], 1e-9);
        Assert.All(InkChemistry.ScatteringSpectrum("iron-oxide", 7000), s => Assert.Equal(7000, s));
    }

    [Fact]
    public void A_supplied_spectrum_is_used_as_is_within_bounds()
    {
        double[] r = [.. Enumerable.Range(0, 31).Select(i => 0.02 + 0.01 * i)];
        r[0] = -0.1; // a noisy negative reading is clamped
        var ink = InkOptics.FromReflectance(r);
        Assert.Equal(InkOptics.MinReflectance, ink.Reflectance[0]);
        Assert.Equal(0.32, ink.Reflectance[30], 1e-12);
        Assert.Throws<ArgumentException>(() => InkOptics.FromReflectance([0.5, 0.5]));
    }

    [Fact]
    public void Blends_mix_K_and_S_by_weight_and_land_between_their_parts()
    {
        // Two-constant Kubelka–Munk mixing (Duncan 1940): K and S add by weight, K/S of the mix is their ratio.
        var black = HealingFixture.CarbonBlack;
        var brown = HealingFixture.IronOxideBrown;
        var half = InkOptics.Blend([(black, 1), (brown, 1)]);
        for (int i = 0; i < 31; i++)
        {
            double k = (black.Absorption[i] + brown.Absorption[i]) / 2, s = (black.Scattering[i] + brown.Scattering[i]) / 2;
            Assert.Equal(k, half.Absorption[i], k * 1e-12);
            Assert.Equal(s, half.Scattering[i], s * 1e-12);
            Assert.Equal(k / s, half.KOverS[i], k / s * 1e-12);
        }

        var only = InkOptics.Blend([(brown, 2), (black, 0)]);
        Assert.True(DeltaE.Ciede2000(brown.Lab, only.Lab) < 1e-6);
        Assert.InRange(half.Lab.L, black.Lab.L, brown.Lab.L);
    }
}
