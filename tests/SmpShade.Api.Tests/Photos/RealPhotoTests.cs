using SmpShade.Api.Photos;
using SmpShade.Colour;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos;

/// <summary>The real photographs (Images/Real/SOURCES.md): profiles read right, plausible hair and skin.</summary>
public sealed class RealPhotoTests(ITestOutputHelper output)
{
    /// <summary>Issue 3's cross-profile threshold.</summary>
    private const double SameColour = 1.0;

    private static readonly PhotoOptions Limits = new();

    /// <summary>Mean Lab (D65, profile matrix, no reference) of a pixel rectangle of a photo.</summary>
    private static (Lab Lab, PhotoColourSpace Space) MeanLab(byte[] photo, double x, double y, double w, double h)
    {
        using var pixels = PhotoDecoder.Decode(photo, Limits, CancellationToken.None);
        var rect = OptionsValidator.ToPolygon(RegionSpec.FromRect(x / pixels.Width, y / pixels.Height, w / pixels.Width, h / pixels.Height));
        var sample = pixels.Sample(rect, 1_000_000);
        var xyz = sample.Linear.Select(pixels.ColourSpace.Space.LinearToXyz).ToArray();
        return (ColourStatistics.MeanLab(xyz), pixels.ColourSpace);
    }

    [Fact]
    public void The_rocket_photo_is_read_with_its_Adobe_RGB_profile_and_agrees_with_LittleCMS()
    {
        var original = PhotoFiles.Real("rocket_AdobeRGB1998.jpg");
        var converted = PhotoFiles.Real("rocket_crop_ProPhoto_16.png"); // crop at (240, 0), converted by LittleCMS
        // Sky and launch-tower areas of the crop, as (x, y, w, h) in crop pixels.
        foreach (var (x, y, w, h) in new[] { (0.0, 0.0, 60.0, 40.0), (100.0, 60.0, 60.0, 60.0), (0.0, 80.0, 40.0, 40.0) })
        {
            var (ours, space) = MeanLab(original, 240 + x, y, w, h);
            var (lcms, _) = MeanLab(converted, x, y, w, h);
            double de = DeltaE.Ciede2000(ours, lcms);
            output.WriteLine($"rocket ({x},{y},{w},{h}): ours {ours} LittleCMS→ProPhoto {lcms} ΔE00 {de:F2}");
            Assert.Equal("Adobe RGB (1998)", space.Name);
            Assert.False(space.Assumed);
            Assert.True(de < SameColour, $"ΔE00 {de:F2}");
        }
    }

    [Fact]
    public void The_P3_colour_bars_are_read_with_their_gamma_2_2_curves()
    {
        var original = PhotoFiles.Real("colour-bars_P3-D65.jpg");
        using (var pixels = PhotoDecoder.Decode(original, Limits, CancellationToken.None))
        {
            var space = pixels.ColourSpace;
            Assert.Equal("DCI-P3-D65-2_2-Gamma", space.Name);
            // The profile's three TRC tags share one 'curv' (u8Fixed8 gamma 0x0233 = 563/256 = 2.19921875).
            foreach (var curve in new[] { space.Space.Red, space.Space.Green, space.Space.Blue })
            {
                Assert.Equal(Math.Pow(0.5, 563.0 / 256), curve.ToLinear(0.5), 9);
            }
        }

        var converted = PhotoFiles.Real("colour-bars_crop_ProPhoto_16.png"); // crop at (300, 320), by LittleCMS
        int compared = 0;
        for (double y = 4; y < 150; y += 16)
        {
            for (double x = 4; x < 190; x += 30)
            {
                // Saturated bars hit the clip threshold in P3 (a channel ≥ 0.98) and are left out by design.
                var (ours, usable) = MeanLabUsable(original, 300 + x, 320 + y, 10, 10);
                if (usable < 100)
                {
                    continue;
                }

                var (lcms, _) = MeanLab(converted, x, y, 10, 10);
                double de = DeltaE.Ciede2000(ours, lcms);
                output.WriteLine($"bars ({x},{y}): ours {ours} LittleCMS→ProPhoto {lcms} ΔE00 {de:F2}");
                Assert.True(de < SameColour, $"ΔE00 {de:F2} at ({x},{y})");
                compared++;
            }
        }

        Assert.True(compared >= 10, $"only {compared} unclipped areas compared");
    }

    private static (Lab Lab, int Usable) MeanLabUsable(byte[] photo, double x, double y, double w, double h)
    {
        using var pixels = PhotoDecoder.Decode(photo, Limits, CancellationToken.None);
        var rect = OptionsValidator.ToPolygon(RegionSpec.FromRect(x / pixels.Width, y / pixels.Height, w / pixels.Width, h / pixels.Height));
        var sample = pixels.Sample(rect, 1_000_000);
        return (ColourStatistics.MeanLab(sample.Linear.Select(pixels.ColourSpace.Space.LinearToXyz).ToArray()), sample.Linear.Length);
    }

    [Fact]
    public void The_astronaut_png_profile_is_read_from_its_iCCP_chunk()
    {
        // SOURCES.md says "none in file", but the PNG has an iCCP chunk ("ICC profile", zlib) holding the HP sRGB
        // profile (3144 bytes, rTRC/gTRC/bTRC sharing one 1024-entry curv): ImageSharp 2.1 ignores it, we read it.
        var result = PhotoFiles.Analyse(PhotoFiles.Real("portrait-light-skin_sRGB.png"),
            """{"regions":{"hair":{"rect":[0.36,0.04,0.18,0.05]},"skin":{"rect":[0.365,0.21,0.035,0.03]}}}""");
        Assert.False(result.Profile.Assumed);
        Assert.Equal("sRGB IEC61966-2.1", result.Profile.Name);
        Assert.DoesNotContain(result.Warnings, w => w.Code.StartsWith("profile.", StringComparison.Ordinal));
        // Light-brown hair on light skin: hair darker; skin hue in the skin range (20°–80°, as AutoRegions takes skin; docs/auto-regions.md).
        Assert.True(result.Hair.Lab.L < result.Skin.Lab.L, $"hair {result.Hair.Lab} skin {result.Skin.Lab}");
        Assert.InRange(result.Skin.Lch.H, 20, 80);
    }

    public static TheoryData<string, string, string, bool> Portraits => new()
    {
        // file, hair region, skin region, hair lighter than skin?
        { "portrait-short-hair-dark-skin_sRGB.jpg", "[0.44,0.05,0.18,0.03]", "[0.47,0.13,0.12,0.03]", false },
        { "two-portraits-dark-and-grey-hair_noprofile.jpg", "[0.23,0.012,0.06,0.02]", "[0.23,0.065,0.06,0.04]", false },
        { "two-portraits-dark-and-grey-hair_noprofile.jpg", "[0.71,0.01,0.08,0.03]", "[0.71,0.08,0.07,0.04]", true },
    };

    [Theory]
    [MemberData(nameof(Portraits))]
    public void Portraits_give_plausible_hair_and_skin(string file, string hair, string skin, bool greyHair)
    {
        string options = "{\"regions\":{\"hair\":{\"rect\":" + hair + "},\"skin\":{\"rect\":" + skin + "}}}";
        var result = PhotoFiles.Analyse(PhotoFiles.Real(file), options);
        output.WriteLine($"{file} {hair}: hair {result.Hair.Lab} C {result.Hair.Lch.C:F1}; skin {result.Skin.Lab} h {result.Skin.Lch.H:F0}° ITA {result.Skin.Ita:F0} {result.Skin.ItaCategory} Monk {result.Skin.Monk.Number}");
        Assert.InRange(result.Skin.Lch.H, 20, 80);
        if (greyHair)
        {
            // Grey-white hair on light skin: lighter and less chromatic than the skin (grey hair has lost its melanin).
            Assert.True(result.Hair.Lab.L > result.Skin.Lab.L, $"hair L* {result.Hair.Lab.L:F1} skin {result.Skin.Lab.L:F1}");
            Assert.True(result.Hair.Lch.C < result.Skin.Lch.C);
        }
        else
        {
            // Short dark hair on dark skin: darker than the skin. (ITA° categories are not asserted: without a
            // reference the light decides them, docs/accuracy.md "The reference methods" — in the two-portrait photo the light-skinned man's
            // forehead is in shade and measures darker than his neighbour's.)
            Assert.True(result.Hair.Lab.L < result.Skin.Lab.L - 5, $"hair L* {result.Hair.Lab.L:F1} skin {result.Skin.Lab.L:F1}");
        }
    }

    [Fact]
    public void A_jpeg_without_a_profile_is_read_as_sRGB_with_a_warning()
    {
        var result = PhotoFiles.Analyse(PhotoFiles.Real("two-portraits-dark-and-grey-hair_noprofile.jpg"),
            """{"regions":{"hair":{"rect":[0.23,0.012,0.06,0.02]},"skin":{"rect":[0.23,0.065,0.06,0.04]}}}""");
        Assert.True(result.Profile.Assumed);
        Assert.Equal("sRGB", result.Profile.Name);
        Assert.Contains(result.Warnings, w => w.Code == "profile.assumed_srgb");
    }
}
