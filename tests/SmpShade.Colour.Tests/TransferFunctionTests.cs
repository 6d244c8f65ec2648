namespace SmpShade.Colour.Tests;

/// <summary>The standard transfer functions: published constants, breakpoints and hand-evaluated points.</summary>
public sealed class TransferFunctionTests
{
    // Hand-evaluated values (Python, double precision) of the standards' formulas; 1e-12 leaves only rounding.
    private const double Rounding = 1e-12;

    [Fact]
    public void The_sRGB_curve_gives_the_IEC_value_at_half_scale()
    {
        // IEC 61966-2-1 eq. (5): ((0.5 + 0.055) / 1.055)^2.4 = 0.21404114048223255.
        Assert.Equal(0.21404114048223255, TransferFunction.Srgb.ToLinear(0.5), Rounding);
        Assert.Equal(0.5, TransferFunction.Srgb.ToEncoded(0.21404114048223255), Rounding);
    }

    [Fact]
    public void The_sRGB_segments_meet_at_the_0_04045_breakpoint()
    {
        // IEC 61966-2-1's rounded constants (0.04045, 12.92) leave a step of 2.3e-9 in linear light between the
        // segments at the breakpoint: 1e-8 admits that step and nothing a 16-bit code (1.5e-5) could show.
        const double Step = 1e-8;
        double below = TransferFunction.Srgb.ToLinear(0.04045 - 1e-13);
        double at = TransferFunction.Srgb.ToLinear(0.04045);
        Assert.Equal(0.04045 / 12.92, below, Rounding);
        Assert.Equal(below, at, Step);

        double linearBreak = 0.04045 / 12.92;
        Assert.Equal(TransferFunction.Srgb.ToEncoded(linearBreak - 1e-13), TransferFunction.Srgb.ToEncoded(linearBreak), Step);
    }

    [Fact]
    public void The_ProPhoto_toe_is_linear_with_slope_one_sixteenth_and_meets_gamma_1_8_at_1_over_512()
    {
        // ISO 22028-2 (ROMM RGB): E = 16·L below L = 1/512 (E = 1/32), E = L^(1/1.8) above; the two meet exactly.
        Assert.Equal(0.01 / 16, TransferFunction.ProPhoto.ToLinear(0.01), Rounding);
        Assert.Equal(1.0 / 512, TransferFunction.ProPhoto.ToLinear(1.0 / 32), Rounding);
        Assert.Equal(1.0 / 512, TransferFunction.ProPhoto.ToLinear(1.0 / 32 - 1e-15), Rounding);
        Assert.Equal(16.0 / 1024, TransferFunction.ProPhoto.ToEncoded(1.0 / 1024), Rounding);
        Assert.Equal(0.2871745887492587, TransferFunction.ProPhoto.ToLinear(0.5), Rounding); // 0.5^1.8
    }

    [Fact]
    public void The_Rec2020_curve_is_continuous_at_its_breakpoint_beta()
    {
        // ITU-R BT.2020-2 Table 4: E' = 4.5 L for L < β, α L^0.45 − (α − 1) above, α = 1.09929682680944, β = 0.018053968510807.
        const double Beta = 0.018053968510807;
        Assert.Equal(Beta, TransferFunction.Rec2020.ToLinear(4.5 * Beta), Rounding);
        Assert.Equal(Beta, TransferFunction.Rec2020.ToLinear(4.5 * Beta - 1e-15), Rounding);
        Assert.Equal(4.5 * Beta, TransferFunction.Rec2020.ToEncoded(Beta), Rounding);
        Assert.Equal(1, TransferFunction.Rec2020.ToLinear(1), Rounding);
    }

    [Fact]
    public void Adobe_RGB_uses_the_gamma_563_over_256()
    {
        // Adobe RGB (1998) Color Image Encoding §4.3.4.2: γ = 2 51/256 = 563/256 = 2.19921875.
        var curve = Assert.IsType<ParametricCurve>(RgbColourSpace.AdobeRgb1998.Red);
        Assert.Equal(2.19921875, curve.G);
        Assert.Equal(0.21775552814439456, RgbColourSpace.AdobeRgb1998.Green.ToLinear(0.5), Rounding); // 0.5^(563/256)
    }

    public static TheoryData<string> Curves() => ["sRGB", "ProPhoto", "Rec2020", "Adobe", "Linear"];

    [Theory]
    [MemberData(nameof(Curves))]
    public void Every_standard_curve_inverts_itself_over_the_whole_range(string name)
    {
        TransferFunction f = name switch
        {
            "sRGB" => TransferFunction.Srgb,
            "ProPhoto" => TransferFunction.ProPhoto,
            "Rec2020" => TransferFunction.Rec2020,
            "Adobe" => TransferFunction.Gamma(563.0 / 256),
            _ => TransferFunction.Linear,
        };

        for (int i = 0; i <= 1000; i++)
        {
            double encoded = i / 1000.0;
            Assert.Equal(encoded, f.ToEncoded(f.ToLinear(encoded)), 1e-12);
        }

        Assert.Equal(0, f.ToLinear(0), Rounding);
        Assert.Equal(1, f.ToLinear(1), Rounding);
    }
}
