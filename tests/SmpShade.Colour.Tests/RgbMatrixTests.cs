namespace SmpShade.Colour.Tests;

/// <summary>RGB→XYZ matrices derived from primaries, against the matrices the standards and Lindbloom publish.</summary>
public sealed class RgbMatrixTests
{
    // The standards below state D65 as the chromaticity (0.3127, 0.3290) and derive their matrices from it, so the
    // check builds the space on that white; SmpShade's own spaces use the ASTM E308 D65 (see WhitePoint.D65).
    private static readonly WhitePoint D65FromXy = new("D65 xy", Xyz.FromChromaticity(0.3127, 0.3290));

    // Half a unit in the last published decimal, plus double rounding.
    private const double FourDecimals = 0.5e-4 + 1e-12;
    private const double FiveDecimals = 0.5e-5 + 1e-12;
    private const double SevenDecimals = 0.5e-7 + 1e-12;
    private const double TenDecimals = 0.5e-10 + 1e-12;

    [Fact]
    public void The_sRGB_matrix_matches_IEC_61966_2_1()
    {
        // IEC 61966-2-1:1999 §5.2, eq. (7), 4 decimals.
        AssertMatrix([0.4124, 0.3576, 0.1805, 0.2126, 0.7152, 0.0722, 0.0193, 0.1192, 0.9505],
            RgbColourSpace.MatrixFromPrimaries((0.64, 0.33), (0.30, 0.60), (0.15, 0.06), D65FromXy), FourDecimals);
    }

    [Fact]
    public void The_library_sRGB_matrix_matches_Lindbloom_on_the_ASTM_D65_white()
    {
        // Lindbloom, "RGB/XYZ Matrices" (brucelindbloom.com), sRGB, reference white D65 = (0.95047, 1, 1.08883).
        AssertMatrix([0.4124564, 0.3575761, 0.1804375, 0.2126729, 0.7151522, 0.0721750, 0.0193339, 0.1191920, 0.9503041],
            RgbColourSpace.Srgb.RgbToXyz, SevenDecimals);
    }

    [Fact]
    public void The_Adobe_RGB_matrix_matches_the_Adobe_1998_specification()
    {
        // Adobe RGB (1998) Color Image Encoding, version 2005-05, §4.3.5.3 (normalised XYZ), 5 decimals.
        AssertMatrix([0.57667, 0.18556, 0.18823, 0.29734, 0.62736, 0.07529, 0.02703, 0.07069, 0.99134],
            RgbColourSpace.MatrixFromPrimaries((0.64, 0.33), (0.21, 0.71), (0.15, 0.06), D65FromXy), FiveDecimals);
    }

    [Fact]
    public void The_library_Adobe_RGB_matrix_matches_Lindbloom_on_the_ASTM_D65_white()
    {
        // Lindbloom, "RGB/XYZ Matrices", Adobe RGB (1998), D65 = (0.95047, 1, 1.08883).
        AssertMatrix([0.5767309, 0.1855540, 0.1881852, 0.2973769, 0.6273491, 0.0752741, 0.0270343, 0.0706872, 0.9911085],
            RgbColourSpace.AdobeRgb1998.RgbToXyz, SevenDecimals);
    }

    [Fact]
    public void The_ProPhoto_matrix_matches_ROMM_RGB_of_ISO_22028_2()
    {
        // ISO 22028-2:2013 (ROMM RGB) §5, RGB→XYZ(D50), 4 decimals; ICC D50 white (0.9642, 1, 0.8249).
        AssertMatrix([0.7977, 0.1352, 0.0313, 0.2880, 0.7119, 0.0001, 0.0000, 0.0000, 0.8249],
            RgbColourSpace.ProPhotoRgb.RgbToXyz, FourDecimals);
    }

    [Fact]
    public void The_ProPhoto_matrix_matches_Lindbloom_on_the_ASTM_D50_white()
    {
        // Lindbloom, "RGB/XYZ Matrices", ProPhoto RGB, D50 = (0.96422, 1, 0.82521).
        var astmD50 = new WhitePoint("D50 ASTM", new Xyz(0.96422, 1, 0.82521));
        AssertMatrix([0.7976749, 0.1351917, 0.0313534, 0.2880402, 0.7118741, 0.0000857, 0.0, 0.0, 0.8252100],
            RgbColourSpace.MatrixFromPrimaries((0.7347, 0.2653), (0.1596, 0.8404), (0.0366, 0.0001), astmD50), SevenDecimals);
    }

    [Fact]
    public void The_Rec2020_luminance_row_matches_the_BT2020_luma_coefficients()
    {
        // ITU-R BT.2020-2 Table 4: Y'C = 0.2627 R + 0.6780 G + 0.0593 B (the Y row of the RGB→XYZ matrix).
        Matrix3 m = RgbColourSpace.MatrixFromPrimaries((0.708, 0.292), (0.170, 0.797), (0.131, 0.046), D65FromXy);
        Assert.Equal(0.2627, m.M21, FourDecimals);
        Assert.Equal(0.6780, m.M22, FourDecimals);
        Assert.Equal(0.0593, m.M23, FourDecimals);
    }

    [Fact]
    public void The_Display_P3_matrix_matches_SMPTE_EG_432_1()
    {
        // SMPTE EG 432-1:2010, P3 primaries with the D65 white, RGB→XYZ to 10 decimals.
        AssertMatrix(
            [0.4865709486, 0.2656676932, 0.1982172852, 0.2289745641, 0.6917385218, 0.0792869141, 0.0, 0.0451133819, 1.0439443689],
            RgbColourSpace.MatrixFromPrimaries((0.680, 0.320), (0.265, 0.690), (0.150, 0.060), D65FromXy), TenDecimals);
    }

    [Theory]
    [MemberData(nameof(Spaces))]
    public void Every_space_maps_RGB_white_to_the_D65_white_and_black_to_L_zero(string name)
    {
        RgbColourSpace space = SpaceNamed(name);
        Xyz white = space.ToXyz(1, 1, 1);
        Assert.Equal(WhitePoint.D65.Xyz.X, white.X, 1e-12);
        Assert.Equal(1, white.Y, 1e-12);
        Assert.Equal(WhitePoint.D65.Xyz.Z, white.Z, 1e-12);
        Lab black = space.ToLab(0, 0, 0);
        Assert.Equal(0, black.L, 1e-12);
        Assert.Equal(0, black.A, 1e-12);
        Assert.Equal(0, black.B, 1e-12);
    }

    public static TheoryData<string> Spaces() => ["sRGB", "Display P3", "Adobe RGB (1998)", "ProPhoto RGB", "Rec. 2020"];

    internal static RgbColourSpace SpaceNamed(string name) => name switch
    {
        "sRGB" => RgbColourSpace.Srgb,
        "Display P3" => RgbColourSpace.DisplayP3,
        "Adobe RGB (1998)" => RgbColourSpace.AdobeRgb1998,
        "ProPhoto RGB" => RgbColourSpace.ProPhotoRgb,
        "Rec. 2020" => RgbColourSpace.Rec2020,
        _ => throw new ArgumentException(name, nameof(name)),
    };

    private static void AssertMatrix(double[] expected, Matrix3 actual, double tolerance)
    {
        double[] got = [actual.M11, actual.M12, actual.M13, actual.M21, actual.M22, actual.M23, actual.M31, actual.M32, actual.M33];
        for (int i = 0; i < 9; i++)
        {
            Assert.True(Math.Abs(expected[i] - got[i]) <= tolerance,
                $"element {i / 3 + 1},{i % 3 + 1}: expected {expected[i]}, got {got[i]} (tolerance {tolerance})");
        }
    }
}
