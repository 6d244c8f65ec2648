namespace SmpShade.Colour.Tests;

/// <summary>Bradford adaptation and the Lab ↔ XYZ formulas against published values.</summary>
public sealed class AdaptationAndLabTests
{
    // Lindbloom's whites (ASTM E308): his Bradford matrices are computed from these.
    private static readonly Xyz AstmD50 = new(0.96422, 1, 0.82521);
    private static readonly Xyz AstmD65 = new(0.95047, 1, 1.08883);

    // Lindbloom publishes 7 decimals.
    private const double SevenDecimals = 0.5e-7 + 1e-12;

    [Fact]
    public void The_Bradford_D65_to_D50_matrix_matches_Lindbloom()
    {
        // Lindbloom, "Chromatic Adaptation" (brucelindbloom.com), Bradford, D65 → D50.
        AssertMatrix([1.0478112, 0.0228866, -0.0501270, 0.0295424, 0.9904844, -0.0170491, -0.0092345, 0.0150436, 0.7521316],
            ChromaticAdaptation.BradfordMatrix(AstmD65, AstmD50));
    }

    [Fact]
    public void The_Bradford_D50_to_D65_matrix_matches_Lindbloom()
    {
        // Lindbloom, "Chromatic Adaptation", Bradford, D50 → D65.
        AssertMatrix([0.9555766, -0.0230393, 0.0631636, -0.0282895, 1.0099416, 0.0210077, 0.0122982, -0.0204830, 1.3299098],
            ChromaticAdaptation.BradfordMatrix(AstmD50, AstmD65));
    }

    [Fact]
    public void Bradford_maps_the_ICC_D50_white_exactly_onto_the_D65_white()
    {
        Xyz adapted = ChromaticAdaptation.Bradford(WhitePoint.D50.Xyz, WhitePoint.D50, WhitePoint.D65);
        Assert.Equal(WhitePoint.D65.Xyz.X, adapted.X, 1e-12);
        Assert.Equal(WhitePoint.D65.Xyz.Y, adapted.Y, 1e-12);
        Assert.Equal(WhitePoint.D65.Xyz.Z, adapted.Z, 1e-12);
    }

    [Fact]
    public void The_white_is_L_100_and_neutral_and_18_percent_grey_is_L_49_496()
    {
        Lab white = WhitePoint.D65.Xyz.ToLab();
        Assert.Equal(100, white.L, 1e-12);
        Assert.Equal(0, white.A, 1e-12);
        Assert.Equal(0, white.B, 1e-12);

        // CIE 015:2018 eq. 8.1: L* = 116 (0.18)^(1/3) − 16 = 49.49611 (5 decimals, hand-evaluated).
        Lab grey = (WhitePoint.D65.Xyz * 0.18).ToLab();
        Assert.Equal(49.49611, grey.L, 0.5e-5);
        Assert.Equal(0, grey.A, 1e-12);
    }

    [Fact]
    public void Lightness_is_continuous_where_the_cube_root_meets_the_linear_segment()
    {
        // CIE 015:2018: the segments meet at Y/Yn = (6/29)^3 = 0.008856, where L* = 8 exactly.
        const double Knee = 216.0 / 24389.0;
        Assert.Equal(8, new Xyz(0, Knee, 0).ToLab(WhitePoint.E).L, 1e-12);
        double below = new Xyz(0, Knee * (1 - 1e-9), 0).ToLab(WhitePoint.E).L;
        double above = new Xyz(0, Knee * (1 + 1e-9), 0).ToLab(WhitePoint.E).L;
        Assert.InRange(above - below, 0, 1e-7);
    }

    public static TheoryData<int> Patches() => [.. Enumerable.Range(1, 24)];

    [Theory]
    [MemberData(nameof(Patches))]
    public void BabelColor_xyY_converts_to_the_published_Lab_under_ICC_D50(int patch)
    {
        // colorchecker24_reference.csv: Babel_L/a/b computed (by colour-science) from Babel_x, y, Y with the ICC D50
        // white, given to 4 decimals; the only difference allowed is that rounding.
        var row = CsvData.Read("colorchecker24_reference.csv").Single(r => (int)r.D("index") == patch);
        Xyz xyz = Xyz.FromChromaticity(row.D("Babel_x"), row.D("Babel_y"), row.D("Babel_Y"));
        Lab lab = xyz.ToLab(WhitePoint.D50);
        const double FourDecimals = 0.5e-4 + 1e-9;
        Assert.Equal(row.D("Babel_L"), lab.L, FourDecimals);
        Assert.Equal(row.D("Babel_a"), lab.A, FourDecimals);
        Assert.Equal(row.D("Babel_b"), lab.B, FourDecimals);

        Xyz back = lab.ToXyz(WhitePoint.D50);
        Assert.Equal(xyz.X, back.X, 1e-12);
        Assert.Equal(xyz.Y, back.Y, 1e-12);
        Assert.Equal(xyz.Z, back.Z, 1e-12);
    }

    private static void AssertMatrix(double[] expected, Matrix3 actual)
    {
        double[] got = [actual.M11, actual.M12, actual.M13, actual.M21, actual.M22, actual.M23, actual.M31, actual.M32, actual.M33];
        for (int i = 0; i < 9; i++)
        {
            Assert.True(Math.Abs(expected[i] - got[i]) <= SevenDecimals, $"element {i}: expected {expected[i]}, got {got[i]}");
        }
    }
}
