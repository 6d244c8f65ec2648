using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

public sealed class HealingOpticsTests
{
    [Fact]
    public void Reduced_scattering_at_500_nm_is_about_50_per_cm()
    {
        // By hand: 2e12/500⁴ = 32.0, 2e5/500^1.5 = 17.889; dermis μs′(500) is reported at 40–50 cm⁻¹ (Jacques 2013).
        Assert.Equal(32.0 + 17.8885438, Chromophores.ReducedScattering(500), 1e-6);
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
        Assert.Equal(0.04, o.Assumptions()["saundersonK1"]);
        Assert.Equal(0.75, o.Assumptions()["bloodSaturation"]);
        Assert.Equal(8, o.Assumptions()["fadingYears"]);
    }

    [Fact]
    public void Invalid_options_are_reported()
    {
        Assert.NotEmpty(new HealedToneOptions { BloodSaturation = 1.5 }.Problems());
        Assert.NotEmpty(new HealedToneOptions { SaundersonK2 = double.NaN }.Problems());
        Assert.NotEmpty(new HealedToneOptions { MelaninMin = 0.5, MelaninMax = 0.4 }.Problems());
        Assert.NotEmpty(new HealedToneOptions { ParametersVersion = " " }.Problems());
    }
}
