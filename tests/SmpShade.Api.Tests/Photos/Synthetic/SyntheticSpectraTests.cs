using SmpShade.Colour;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Tests.Photos.Synthetic;

public sealed class SyntheticSpectraTests
{
    [Fact]
    public void The_typed_in_F11_table_has_the_published_chromaticity()
    {
        // CIE 015:2018 Table 11: F11 x = 0.38052, y = 0.37713 (CIE 1931 2°). A mistyped value moves it in the 4th decimal.
        var observer = new SpectralColour(CieF11.Spd, 380, 5, 81);
        Xyz white = observer.White.Xyz;
        Assert.Equal(0.38052, white.ChromaticityX, 5e-4);
        Assert.Equal(0.37713, white.ChromaticityY, 5e-4);
    }

    [Fact]
    public void The_chart_reflectances_reproduce_the_published_BabelColor_colours()
    {
        // Data/colorchecker_babelcolor_average_reflectance.csv and BabelColor's own Lab (D50, from its xyY): dark skin
        // 38.45, 13.60, 14.53; neutral 5: 50.83, −0.63, −0.16. Rendered under D50 on the 5 nm grid.
        var d50 = new SpectralColour(Cie.D50, SyntheticSpectra.StartNm, SyntheticSpectra.StepNm, SyntheticSpectra.Count);
        Assert.True(DeltaE.Ciede2000(new Lab(38.4459, 13.6023, 14.5264), d50.ToLab(SyntheticSpectra.Patch("dark skin"))) < 0.3);
        Assert.True(DeltaE.Ciede2000(new Lab(50.8273, -0.6260, -0.1611), d50.ToLab(SyntheticSpectra.Patch("neutral 5 (.70 D)"))) < 0.3);
    }

    [Fact]
    public void Grey_hair_is_lighter_than_light_skin_and_dark_hair_darker()
    {
        // What HairAndSkinTests asks of the photos pipeline, which the synthetic scenes must be able to exercise.
        double skin = SyntheticSpectra.TruthLab(SyntheticSpectra.LightSkin).L;
        Assert.True(SyntheticSpectra.TruthLab(SyntheticSpectra.GreyHair).L > skin);
        Assert.True(SyntheticSpectra.TruthLab(SyntheticSpectra.DarkBrownHair).L < skin);
        Assert.True(SyntheticSpectra.TruthLab(SyntheticSpectra.BlackHair).L < SyntheticSpectra.TruthLab(SyntheticSpectra.DarkBrownHair).L);
    }

    [Fact]
    public void The_synthetic_camera_is_not_a_colorimeter()
    {
        // Two greys the eye cannot tell apart under D65 but that differ spectrally: a flat grey and a chart neutral
        // scaled to the same Y. If the camera saw colour like the observer, they would give the same camera ratios.
        var camera = new SyntheticCamera(Cie.D65);
        double[] neutral = SyntheticSpectra.Patch("neutral 5 (.70 D)");
        double y = SyntheticSpectra.D65Observer.ToXyz(neutral).Y;
        LinearRgb flat = camera.Raw(Enumerable.Repeat(y, SyntheticSpectra.Count).ToArray());
        LinearRgb chart = camera.Raw(neutral);
        Assert.NotEqual(Math.Round(flat.R / flat.G, 3), Math.Round(chart.R / chart.G, 3));
    }
}
