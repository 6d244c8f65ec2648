using FsCheck.Xunit;

namespace SmpShade.Colour.Tests;

/// <summary>Properties over generated colours (FsCheck, 300 cases each, over the whole range of every input).</summary>
[Properties(Arbitrary = [typeof(ColourArbitraries)], MaxTest = 300)]
public sealed class PropertyTests
{
    // Round trips through pow/cbrt lose a few ulps; near black a pure gamma's infinite slope magnifies them.
    // 1e-7 in encoded units is 150× finer than one 16-bit code (1.5e-5).
    private const double EncodedRoundTrip = 1e-7;

    [Property]
    public bool Encoded_RGB_to_Lab_and_back_is_the_identity_in_sRGB(Rgb rgb) => RoundTrips(RgbColourSpace.Srgb, rgb);

    [Property]
    public bool Encoded_RGB_to_Lab_and_back_is_the_identity_in_Display_P3(Rgb rgb) => RoundTrips(RgbColourSpace.DisplayP3, rgb);

    [Property]
    public bool Encoded_RGB_to_Lab_and_back_is_the_identity_in_Adobe_RGB(Rgb rgb) => RoundTrips(RgbColourSpace.AdobeRgb1998, rgb);

    [Property]
    public bool Encoded_RGB_to_Lab_and_back_is_the_identity_in_ProPhoto_RGB(Rgb rgb) => RoundTrips(RgbColourSpace.ProPhotoRgb, rgb);

    [Property]
    public bool Encoded_RGB_to_Lab_and_back_is_the_identity_in_Rec2020(Rgb rgb) => RoundTrips(RgbColourSpace.Rec2020, rgb);

    [Property]
    public bool Lab_to_XYZ_and_back_is_the_identity(Lab lab)
    {
        Lab back = lab.ToXyz(WhitePoint.D65).ToLab(WhitePoint.D65);
        return Close(lab.L, back.L, 1e-9) && Close(lab.A, back.A, 1e-9) && Close(lab.B, back.B, 1e-9);
    }

    [Property]
    public bool Bradford_there_and_back_is_the_identity(Xyz xyz)
    {
        Xyz there = ChromaticAdaptation.Bradford(xyz, WhitePoint.D50, WhitePoint.D65);
        Xyz back = ChromaticAdaptation.Bradford(there, WhitePoint.D65, WhitePoint.D50);
        return Close(xyz.X, back.X, 1e-12) && Close(xyz.Y, back.Y, 1e-12) && Close(xyz.Z, back.Z, 1e-12);
    }

    [Property]
    public bool Lab_adapted_D50_to_D65_and_back_is_the_identity(Lab lab)
    {
        Lab back = lab.Adapt(WhitePoint.D50, WhitePoint.D65).Adapt(WhitePoint.D65, WhitePoint.D50);
        return Close(lab.L, back.L, 1e-9) && Close(lab.A, back.A, 1e-9) && Close(lab.B, back.B, 1e-9);
    }

    [Property]
    public bool CIEDE2000_is_symmetric(Lab p, Lab q) => Close(DeltaE.Ciede2000(p, q), DeltaE.Ciede2000(q, p), 1e-9);

    [Property]
    public bool CIEDE2000_is_zero_on_identity(Lab p) => DeltaE.Ciede2000(p, p) == 0;

    [Property]
    public bool CIEDE2000_is_non_negative_and_positive_for_distinct_colours(Lab p, Lab q) =>
        DeltaE.Ciede2000(p, q) is var de && de >= 0 && (p == q || de > 0);

    [Property]
    public bool CIE94_is_zero_on_identity_and_non_negative(Lab p, Lab q) => DeltaE.Cie94(p, p) == 0 && DeltaE.Cie94(p, q) >= 0;

    [Property]
    public bool FromLab_flags_every_colour_decoded_from_the_gamut_as_in_gamut(Rgb rgb)
    {
        foreach (var space in new[] { RgbColourSpace.Srgb, RgbColourSpace.DisplayP3, RgbColourSpace.AdobeRgb1998, RgbColourSpace.ProPhotoRgb, RgbColourSpace.Rec2020 })
        {
            if (!space.FromLab(space.ToLab(rgb)).InGamut)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool The_8_bit_table_decodes_exactly_like_the_transfer_function(byte r, byte g, byte b)
    {
        Lab viaTable = RgbColourSpace.Srgb.ToLab8(r, g, b);
        Lab direct = RgbColourSpace.Srgb.ToLab(r / 255.0, g / 255.0, b / 255.0);
        return viaTable == direct;
    }

    private static bool RoundTrips(RgbColourSpace space, Rgb rgb)
    {
        GamutMappedRgb back = space.FromLab(space.ToLab(rgb));
        return back.InGamut && Close(rgb.R, back.Rgb.R, EncodedRoundTrip) && Close(rgb.G, back.Rgb.G, EncodedRoundTrip)
            && Close(rgb.B, back.Rgb.B, EncodedRoundTrip);
    }

    private static bool Close(double x, double y, double tolerance) => Math.Abs(x - y) <= tolerance;
}
