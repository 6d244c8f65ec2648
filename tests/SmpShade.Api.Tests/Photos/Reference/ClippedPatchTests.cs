using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;
using SmpShade.Api.Photos.Reference;
using SmpShade.Api.Tests.Photos.Synthetic;

namespace SmpShade.Api.Tests.Photos.Reference;

/// <summary>
/// Issue 13: a chart whose white patch clips in one channel was refused whole (422 reference.patch_unusable) though the
/// README says clipped patches are left out. Rendered chart photos (SyntheticScene, D65) with patches burnt to 255 in
/// the red channel over their whole sampled area.
/// </summary>
public sealed class ClippedPatchTests
{
    private static byte[] WithClippedPatches(SyntheticPhoto photo, params int[] patches)
    {
        using var image = Image.Load<Rgb24>(photo.Jpeg);
        var quads = ChartGeometry.PatchSamplingQuads(photo.ChartCorners).ToList();
        foreach (int index in patches)
        {
            // The whole cell (sampling quad grown about its centre by 2.6 ×: the quad is the middle 40 %).
            var quad = quads[index];
            double cx = quad.Average(q => q.X), cy = quad.Average(q => q.Y);
            var cell = quad.Select(q => (X: cx + ((q.X - cx) * 2.4), Y: cy + ((q.Y - cy) * 2.4))).ToList();
            for (int y = 0; y < image.Height; y++)
            {
                for (int x = 0; x < image.Width; x++)
                {
                    if (Geometry.Contains(cell, x + 0.5, y + 0.5))
                    {
                        var p = image[x, y];
                        image[x, y] = new Rgb24(255, p.G, p.B);
                    }
                }
            }
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    private static string ChartOptions(SyntheticPhoto photo) =>
        "{\"reference\":{\"type\":\"colorChecker24\",\"corners\":["
        + string.Join(",", photo.ChartCorners.Select(c => FormattableString.Invariant($"[{c.X / photo.Width},{c.Y / photo.Height}]")))
        + "]},\"regions\":{\"hair\":{\"rect\":[" + Rect(photo.Hair, photo) + "]},\"skin\":{\"rect\":[" + Rect(photo.Skin, photo) + "]}}}";

    private static string Rect(PixelRect r, SyntheticPhoto photo) =>
        FormattableString.Invariant($"{(double)r.X / photo.Width},{(double)r.Y / photo.Height},{(double)r.Width / photo.Width},{(double)r.Height / photo.Height}");

    [Fact]
    public void A_white_patch_clipped_in_red_is_left_out_and_listed_not_refused()
    {
        var photo = SyntheticScene.Render("clipped white", ReferenceAccuracy.Illuminants[0].Spd, SyntheticSpectra.MediumSkin, SyntheticSpectra.BlackHair, 7);
        var result = PhotoFiles.Analyse(WithClippedPatches(photo, 18), ChartOptions(photo)); // patch 19: white 9.5
        Assert.Equal("colorChecker24", result.Reference.Type);
        var warning = Assert.Single(result.Warnings, w => w.Code == ReferenceCorrector.ClippedCode);
        Assert.Contains(ColorCheckerReference.Patches[18].Name, warning.Message, StringComparison.Ordinal);
        Assert.True(result.Reference.LooMeanDeltaE00 < ReferenceCorrector.PoorFitThreshold, $"LOO {result.Reference.LooMeanDeltaE00}");
    }

    [Fact]
    public void Too_few_unclipped_patches_are_refused_as_chart_clipped()
    {
        var photo = SyntheticScene.Render("clipped chart", ReferenceAccuracy.Illuminants[0].Spd, SyntheticSpectra.MediumSkin, SyntheticSpectra.BlackHair, 8);
        var error = Assert.Throws<ProblemException>(() =>
            PhotoFiles.Analyse(WithClippedPatches(photo, [.. Enumerable.Range(0, 14)]), ChartOptions(photo)));
        Assert.Equal("reference.chart_clipped", error.Code);
    }
}
