using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos;

/// <summary>Colours no person has are said (issue 13), and a mean over too few pixels warns wherever it was taken.</summary>
public sealed class PlausibilityTests(ITestOutputHelper output)
{
    /// <summary>The regions issue 13 found the old colour guess landing on, drawn by hand: a blue tie and an orange spacesuit.</summary>
    [Theory]
    [InlineData("portrait-short-hair-dark-skin_sRGB.jpg", "[0.45,0.45,0.04,0.20]", "[0.47,0.13,0.12,0.03]", "hair.implausible")]
    [InlineData("portrait-light-skin_sRGB.png", "[0.30,0.06,0.20,0.10]", "[0.04,0.62,0.12,0.15]", "skin.implausible")]
    public void A_region_on_clothing_gets_an_implausible_warning_with_advice(string file, string hair, string skin, string code)
    {
        string options = "{\"regions\":{\"hair\":{\"rect\":" + hair + "},\"skin\":{\"rect\":" + skin + "}}}";
        var result = PhotoFiles.Analyse(PhotoFiles.Real(file), options);
        output.WriteLine($"hair {result.Hair.Lab} skin {result.Skin.Lab}: {string.Join(" | ", result.Warnings.Select(w => w.Code + ": " + w.Message))}");
        var warning = Assert.Single(result.Warnings, w => w.Code == code);
        Assert.Contains("region is on", warning.Message, StringComparison.Ordinal); // what to do: regions were given, so check them
        Assert.DoesNotContain(result.Warnings, w => w.Code.EndsWith(".implausible", StringComparison.Ordinal) && w.Code != code);
    }

    /// <summary>
    /// The skin rule against NIST's measured skin (Cooksey et al. 2017; the 50 even subjects, computed from their spectra
    /// under D65 with the CIE 1931 2° observer: C*ab 14.4–25.7, h 46.1°–67.7°, L* 43.2–73.6): the set's corners pass.
    /// </summary>
    [Theory]
    [InlineData(43.2, 14.4, 46.1)]
    [InlineData(73.6, 25.7, 67.7)]
    [InlineData(43.2, 25.7, 46.1)]
    [InlineData(73.6, 14.4, 67.7)]
    public void Measured_human_skin_colours_are_plausible(double l, double c, double h)
    {
        double rad = h * Math.PI / 180;
        Assert.True(Plausibility.SkinIsPlausible(new SmpShade.Colour.Lab(l, c * Math.Cos(rad), c * Math.Sin(rad))));
    }

    [Fact]
    public void Issue_13s_purple_hair_and_60_chroma_orange_skin_are_implausible()
    {
        Assert.False(Plausibility.HairIsPlausible(new SmpShade.Colour.Lab(34.5, 32.5, -37.7))); // the mission patch
        Assert.False(Plausibility.HairIsPlausible(new SmpShade.Colour.Lab(45.8, 7.9, -37.6)));  // the blue tie
        Assert.False(Plausibility.SkinIsPlausible(new SmpShade.Colour.Lab(60, 30, 52)));        // C* 60 orange
        Assert.True(Plausibility.HairIsPlausible(new SmpShade.Colour.Lab(20, 2, 3)));            // black
        Assert.True(Plausibility.HairIsPlausible(new SmpShade.Colour.Lab(38, 18, 22)));          // auburn
    }

    /// <summary>
    /// A 100 × 100 hair region of skin colour holding a 4 × 5 dark spot: k-means splits off the 20 dark pixels as the
    /// hair, and a mean over 20 pixels must warn (it did not when only the region's 10 000 pixels were counted).
    /// </summary>
    [Fact]
    public void A_hair_cluster_of_20_pixels_in_a_large_region_warns_sample_too_small()
    {
        using var image = new Image<Rgb24>(200, 100, new Rgb24(200, 150, 120));
        for (int y = 40; y < 45; y++)
        {
            for (int x = 40; x < 44; x++)
            {
                image[x, y] = new Rgb24(30, 25, 20);
            }
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        var result = PhotoFiles.Analyse(png.ToArray(), """{"regions":{"hair":{"rect":[0,0,0.5,1]},"skin":{"rect":[0.5,0,0.5,1]}}}""");
        Assert.Equal(20, result.Hair.Pixels);
        var warning = Assert.Single(result.Warnings, w => w.Code == "sample.too_small");
        Assert.Contains("hair", warning.Message, StringComparison.Ordinal);
    }
}
