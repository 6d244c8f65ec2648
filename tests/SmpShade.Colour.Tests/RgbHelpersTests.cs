namespace SmpShade.Colour.Tests;

public sealed class RgbHelpersTests
{
    [Theory]
    [InlineData("#a07e56")]
    [InlineData("f6ede4")]
    [InlineData("#000000")]
    [InlineData("#ffffff")]
    public void Hex_colours_round_trip_through_Rgb(string hex)
    {
        Assert.Equal("#" + hex.TrimStart('#'), Rgb.FromHex(hex).ToHex());
    }

    [Theory]
    [InlineData("#12345")]
    [InlineData("#1234567")]
    [InlineData("#gg0000")]
    public void A_malformed_hex_colour_is_refused(string hex)
    {
        Assert.Throws<FormatException>(() => Rgb.FromHex(hex));
    }

    [Fact]
    public void Rec2020_green_is_flagged_out_of_the_sRGB_gamut_and_clipped()
    {
        Lab green = RgbColourSpace.Rec2020.ToLab(0, 1, 0);
        GamutMappedRgb inSrgb = RgbColourSpace.Srgb.FromLab(green);
        Assert.False(inSrgb.InGamut);
        Assert.InRange(inSrgb.Rgb.R, 0, 1);
        Assert.InRange(inSrgb.Rgb.B, 0, 1);
        Assert.True(RgbColourSpace.Srgb.FromLabUnclipped(green).R < 0);

        // ...but inside the wider ProPhoto gamut.
        Assert.True(RgbColourSpace.ProPhotoRgb.FromLab(green).InGamut);
    }

    [Fact]
    public void The_8_bit_table_decodes_code_128_to_the_sRGB_linear_value()
    {
        // IEC 61966-2-1 eq. (5) for 128/255, hand-evaluated (Python): 0.21586050011389926.
        Assert.Equal(0.21586050011389926, RgbColourSpace.Srgb.ToLinear8(128, 128, 128).R, 1e-12);
    }
}
