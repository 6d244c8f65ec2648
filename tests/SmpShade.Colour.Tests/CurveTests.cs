namespace SmpShade.Colour.Tests;

/// <summary>ICC parametric curve types 0–4 (ICC.1:2010 Table 65) and sampled 'curv' tables.</summary>
public sealed class CurveTests
{
    // Expected values are Table 65's formulas evaluated by hand (Python, double precision).
    private const double Rounding = 1e-12;

    [Fact]
    public void Type_0_is_a_pure_power()
    {
        var curve = ParametricCurve.FromIcc(0, [2.2]);
        Assert.Equal(0.217637640824031, curve.ToLinear(0.5), Rounding); // 0.5^2.2
        Assert.Equal(0, curve.ToLinear(0), Rounding);
        Assert.Equal(0.5, curve.ToEncoded(0.217637640824031), Rounding);
    }

    [Fact]
    public void Type_1_is_zero_below_minus_b_over_a_and_a_shifted_power_above()
    {
        // Y = (aX + b)^g for X ≥ −b/a, else 0; g = 2, a = 1, b = −0.2.
        var curve = ParametricCurve.FromIcc(1, [2, 1, -0.2]);
        Assert.Equal(0, curve.ToLinear(0.1), Rounding);
        Assert.Equal(0.16, curve.ToLinear(0.6), Rounding); // (0.6 − 0.2)^2
        Assert.Equal(0.6, curve.ToEncoded(0.16), Rounding);
    }

    [Fact]
    public void Type_2_adds_c_everywhere_and_is_flat_at_c_below_minus_b_over_a()
    {
        // Y = (aX + b)^g + c for X ≥ −b/a, else c; g = 2, a = 1, b = −0.2, c = 0.05.
        var curve = ParametricCurve.FromIcc(2, [2, 1, -0.2, 0.05]);
        Assert.Equal(0.05, curve.ToLinear(0.1), Rounding);
        Assert.Equal(0.21, curve.ToLinear(0.6), Rounding); // 0.4^2 + 0.05
        Assert.Equal(0.6, curve.ToEncoded(0.21), Rounding);
    }

    [Fact]
    public void Type_3_with_the_ICC_sRGB_parameters_is_the_sRGB_curve()
    {
        // The sRGB curve as ICC v4 sRGB profiles store it: g = 2.4, a = 1/1.055, b = 0.055/1.055, c = 1/12.92, d = 0.04045.
        var curve = ParametricCurve.FromIcc(3, [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045]);
        Assert.Equal(0.21404114048223255, curve.ToLinear(0.5), Rounding);
        Assert.Equal(0.02 / 12.92, curve.ToLinear(0.02), Rounding);
        for (int i = 0; i <= 255; i++)
        {
            Assert.Equal(TransferFunction.Srgb.ToLinear(i / 255.0), curve.ToLinear(i / 255.0), Rounding);
        }
    }

    [Fact]
    public void Type_4_offsets_both_segments()
    {
        // Y = (aX + b)^g + e for X ≥ d, cX + f below; g = 2.2, a = 0.9, b = 0.1, c = 0.5, d = 0.2, e = 0.01, f = 0.02.
        var curve = ParametricCurve.FromIcc(4, [2.2, 0.9, 0.1, 0.5, 0.2, 0.01, 0.02]);
        Assert.Equal(0.07, curve.ToLinear(0.1), Rounding); // 0.5·0.1 + 0.02
        Assert.Equal(0.27840952091331367, curve.ToLinear(0.5), Rounding); // 0.55^2.2 + 0.01
        Assert.Equal(0.5, curve.ToEncoded(0.27840952091331367), Rounding);
        Assert.Equal(0.1, curve.ToEncoded(0.07), Rounding);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(4, 5)]
    [InlineData(5, 1)]
    [InlineData(-1, 1)]
    public void An_undefined_type_or_wrong_parameter_count_is_refused(int type, int count)
    {
        Assert.Throws<ArgumentException>(() => ParametricCurve.FromIcc(type, [.. Enumerable.Repeat(1.0, count)]));
    }

    [Fact]
    public void A_two_entry_table_is_the_identity_both_ways()
    {
        var curve = new SampledCurve([0.0, 1.0]);
        Assert.Equal(0.3, curve.ToLinear(0.3), Rounding);
        Assert.Equal(0.3, curve.ToEncoded(0.3), 1e-11); // 40 bisection steps: 2^-40 ≈ 9e-13
    }

    [Fact]
    public void A_table_interpolates_linearly_between_entries_and_holds_its_ends()
    {
        var curve = new SampledCurve([0.0, 0.25, 1.0]);
        Assert.Equal(0.125, curve.ToLinear(0.25), Rounding);
        Assert.Equal(0.625, curve.ToLinear(0.75), Rounding);
        Assert.Equal(0.75, curve.ToEncoded(0.625), 1e-11);
        Assert.Equal(1.0, curve.ToLinear(1.5), Rounding);
        Assert.Equal(0.0, curve.ToLinear(-0.5), Rounding);
    }

    [Fact]
    public void A_4096_entry_sRGB_table_reproduces_the_sRGB_curve_within_the_interpolation_bound()
    {
        // Linear interpolation error ≤ h²/8 · max|f''|; for the sRGB power segment max|f''| = 2.4·1.4/1.055² ≈ 3.02,
        // so with h = 1/4095 the bound is 2.25e-8.
        const int N = 4096;
        const double Bound = 3.02 / 8 / ((N - 1.0) * (N - 1.0));
        var table = new SampledCurve([.. Enumerable.Range(0, N).Select(i => TransferFunction.Srgb.ToLinear(i / (N - 1.0)))]);
        for (int i = 0; i <= 1000; i++)
        {
            double x = i / 1000.0;
            Assert.True(Math.Abs(table.ToLinear(x) - TransferFunction.Srgb.ToLinear(x)) <= Bound, $"at {x}");
        }
    }

    [Fact]
    public void A_table_with_fewer_than_two_entries_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SampledCurve([0.5]));
    }
}
