using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

public sealed class HealingOpticsTests
{
    [Fact]
    public void Reduced_scattering_follows_Jacques_2013s_skin_mean()
    {
        // Jacques (2013) Table 2, skin: a = 46.0 cm⁻¹ at 500 nm, b = 1.421; by hand 46·1.4^−1.421 = 46·e^(−0.47813) = 28.52.
        Assert.Equal(46.0, Chromophores.ReducedScattering(500), 1e-12);
        Assert.Equal(28.517, Chromophores.ReducedScattering(700), 1e-3);
    }

    [Fact]
    public void Melanin_absorption_follows_the_Jacques_power_law()
    {
        // 6.6e11·500^−3.33 = exp(ln 6.6e11 − 3.33·ln 500) ≈ 680 cm⁻¹.
        Assert.Equal(Math.Exp(Math.Log(6.6e11) - 3.33 * Math.Log(500)), Chromophores.MelaninAbsorption(500), 1e-9);
        Assert.InRange(Chromophores.MelaninAbsorption(500), 600, 750);
    }

    [Fact]
    public void Whole_blood_absorption_at_420_nm_matches_Prahls_molar_extinction()
    {
        // Prahl (1999, omlc.org/spectra/hemoglobin): ε(420 nm) HbO2 480360, Hb 407560 cm⁻¹/M;
        // μa = ln10·ε·(150/64500) at S = 0.75.
        double expected = Math.Log(10) * (0.75 * 480360 + 0.25 * 407560) * 150 / 64500;
        Assert.Equal(expected, Chromophores.BloodAbsorption(2, 0.75, 150, 64500), expected * 1e-9);
        Assert.InRange(expected, 2000, 3000);
    }

    [Fact]
    public void The_default_options_are_valid_and_every_assumption_is_named()
    {
        var o = new HealedToneOptions();
        Assert.Empty(o.Problems());
        Assert.Equal(100, o.Assumptions()["papillaryDermisMicrometres"]);
        Assert.Equal(1.4, o.Assumptions()["tissueRefractiveIndex"]);
        Assert.Equal(0.75, o.Assumptions()["bloodSaturation"]);
        Assert.Equal(8, o.Assumptions()["fadingYears"]);
    }

    [Fact]
    public void Invalid_options_are_reported()
    {
        Assert.NotEmpty(new HealedToneOptions { BloodSaturation = 1.5 }.Problems());
        Assert.NotEmpty(new HealedToneOptions { Anisotropy = double.NaN }.Problems());
        Assert.NotEmpty(new HealedToneOptions { MelaninMin = 0.5, MelaninMax = 0.4 }.Problems());
        Assert.NotEmpty(new HealedToneOptions { ParametersVersion = " " }.Problems());
    }
}
