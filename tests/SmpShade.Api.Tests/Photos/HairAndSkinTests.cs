using SmpShade.Api.Photos;
using SmpShade.Colour;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos;

/// <summary>Hair/skin separation (docs/api.md, "Analysing a photo"): grey and white hair on light skin comes out lighter, dark hair darker.</summary>
public sealed class HairAndSkinTests(ITestOutputHelper output)
{
    private static Lab Srgb(int r, int g, int b) => RgbColourSpace.Srgb.ToLab(r / 255.0, g / 255.0, b / 255.0);

    [Theory]
    // file, skin sRGB, hair sRGB (Images/Generated/SOURCES.md)
    [InlineData("grey-hair_8.jpg", 224, 180, 150, 205, 205, 200)]
    [InlineData("dark-skin_8.jpg", 101, 67, 48, 28, 22, 20)]
    [InlineData("scene_noprofile_8.jpg", 226, 182, 154, 55, 40, 32)]
    public void The_hair_cluster_is_the_strands_and_the_skin_is_the_skin(string file, int sr, int sg, int sb, int hr, int hg, int hb)
    {
        var result = PhotoFiles.Analyse(PhotoFiles.Generated(file));
        double skin = DeltaE.Ciede2000(result.Skin.Lab.ToLab(), Srgb(sr, sg, sb));
        double hair = DeltaE.Ciede2000(result.Hair.Lab.ToLab(), Srgb(hr, hg, hb));
        output.WriteLine($"{file}: skin ΔE00 {skin:F2}, hair ΔE00 {hair:F2}");
        // 2.0: JPEG quality 95 ringing on 4-px strands (measured ≈ 1 on the q98 files, ProfileConsistencyTests).
        Assert.True(skin < 2.0, $"skin ΔE00 {skin:F2}");
        Assert.True(hair < 2.0, $"hair ΔE00 {hair:F2}");
    }

    [Fact]
    public void Grey_hair_on_light_skin_measures_lighter_than_the_skin()
    {
        var result = PhotoFiles.Analyse(PhotoFiles.Generated("grey-hair_8.jpg"));
        Assert.True(result.Hair.Lab.L > result.Skin.Lab.L, $"hair L* {result.Hair.Lab.L:F1} vs skin {result.Skin.Lab.L:F1}");
        Assert.True(result.Hair.Lch.C < result.Skin.Lch.C, "grey hair is less chromatic than skin");
    }

    [Fact]
    public void Dark_hair_on_dark_skin_measures_darker_than_the_skin()
    {
        var result = PhotoFiles.Analyse(PhotoFiles.Generated("dark-skin_8.jpg"));
        Assert.True(result.Hair.Lab.L < result.Skin.Lab.L - 10, $"hair L* {result.Hair.Lab.L:F1} vs skin {result.Skin.Lab.L:F1}");
        Assert.Equal("dark-skin category by ITA", result.Skin.ItaCategory is "brown" or "dark" ? "dark-skin category by ITA" : result.Skin.ItaCategory);
    }

    [Fact]
    public void Skin_trimming_drops_shine_and_pores()
    {
        // A skin region with 3 % specular white and 3 % dark pores (one line each every 33 px): the trimmed mean stays on the skin colour.
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(100, 100, SceneImages.Skin);
        for (int i = 0; i < 90; i += 33)
        {
            SceneImages.Fill(image, i, 0, 1, 100, new(245, 240, 235)); // shine, below the clip threshold (250)
            SceneImages.Fill(image, 0, i + 5, 100, 1, new(90, 60, 50));  // pores
        }

        var result = PhotoFiles.Analyse(SceneImages.Png(image),
            """{"regions":{"hair":{"rect":[0,0,1,0.5]},"skin":{"rect":[0,0,1,1]}}}""");
        double de = DeltaE.Ciede2000(result.Skin.Lab.ToLab(), Srgb(226, 182, 154));
        Assert.True(de < 0.3, $"trimmed skin ΔE00 {de:F2}");
    }
}
