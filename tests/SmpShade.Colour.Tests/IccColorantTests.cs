namespace SmpShade.Colour.Tests;

/// <summary>A space built from an ICC profile's colorant tags reproduces the library's own sRGB.</summary>
public sealed class IccColorantTests
{
    // rXYZ, gXYZ, bXYZ tags of ArgyllCMS's ref/sRGB.icm ("sRGB IEC61966-2.1"), as printed by `iccdump -t rXYZ -t gXYZ -t bXYZ`
    // (s15Fixed16Number, D50 PCS).
    private static readonly Xyz RedColorant = new(0.43603516, 0.22248840, 0.01391602);
    private static readonly Xyz GreenColorant = new(0.38511658, 0.71690369, 0.09706116);
    private static readonly Xyz BlueColorant = new(0.14305115, 0.06060791, 0.71392822);

    // Two honest differences remain: the tags are rounded to s15Fixed16 (±7.6e-6 each, up to ~1e-4 relative on the
    // small blue Y), and the profile was made from the xy-derived D65 (its wtpt is 0.95045, 1, 1.08905) while the
    // library uses ASTM's D65. Each moves Lab by well under 0.01; a swapped column or a missing adaptation moves it by tens.
    private const double ProfileTolerance = 0.01;

    [Fact]
    public void The_colorants_of_an_sRGB_ICC_profile_reproduce_the_library_sRGB_Lab()
    {
        var fromProfile = RgbColourSpace.FromIccColorants("sRGB (ICC)", RedColorant, GreenColorant, BlueColorant,
            TransferFunction.Srgb, TransferFunction.Srgb, TransferFunction.Srgb);

        double worst = 0;
        for (int r = 0; r <= 16; r++)
        {
            for (int g = 0; g <= 16; g++)
            {
                for (int b = 0; b <= 16; b++)
                {
                    double de = DeltaE.Ciede2000(RgbColourSpace.Srgb.ToLab(r / 16.0, g / 16.0, b / 16.0), fromProfile.ToLab(r / 16.0, g / 16.0, b / 16.0));
                    worst = Math.Max(worst, de);
                }
            }
        }

        Assert.True(worst <= ProfileTolerance, $"worst ΔE00 {worst:E3}");
        Assert.Equal(WhitePoint.D50, fromProfile.White);
    }

    [Fact]
    public void A_space_with_16_bit_sampled_TRCs_decodes_like_the_parametric_sRGB_curve()
    {
        // An ICC 'curv' of 1024 entries, each rounded to a 16-bit code as the tag stores it.
        var curv = new SampledCurve([.. Enumerable.Range(0, 1024).Select(i => Math.Round(TransferFunction.Srgb.ToLinear(i / 1023.0) * 65535) / 65535)]);
        var fromProfile = RgbColourSpace.FromIccColorants("sRGB (ICC curv)", RedColorant, GreenColorant, BlueColorant, curv, curv, curv);

        // 16-bit rounding (7.6e-6) plus the interpolation bound h²/8·max|f''| = 3.02/8/1023² = 3.6e-7 in linear light:
        // near black that is ΔL* ≈ 903.3 × 8e-6 ≈ 0.007, so 0.02 ΔE00 with the colorant differences above.
        for (int code = 0; code <= 255; code += 5)
        {
            double v = code / 255.0;
            double de = DeltaE.Ciede2000(RgbColourSpace.Srgb.ToLab(v, v * 0.7, v * 0.4), fromProfile.ToLab(v, v * 0.7, v * 0.4));
            Assert.True(de <= 0.02, $"code {code}: ΔE00 {de:E3}");
        }
    }
}
