using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;
using SmpShade.Api.Photos.Reference;
using SmpShade.Api.Tests.Photos.Synthetic;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos.Reference;

/// <summary>
/// The chart found without taps (issue 13): synthetic renders (SyntheticScene: a ColorChecker in mild perspective, known
/// corners) under D65, A and F11, turned and scaled, and the real chart photos in Images/Charts (SOURCES.md).
/// </summary>
public sealed class ChartFinderTests(ITestOutputHelper output)
{
    private static readonly PhotoOptions Limits = new();

    /// <summary>A found corner may be this share of a patch pitch from the rendered one (the fit samples the middle 40 %).</summary>
    private const double CornerTolerancePitch = 0.25;

    private static FoundChart Find(byte[] photo)
    {
        using var pixels = PhotoDecoder.Decode(photo, Limits, CancellationToken.None);
        return ChartFinder.Find(pixels);
    }

    private static byte[] Png(Image<Rgb24> image)
    {
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    public static TheoryData<int, int, double> Renders()
    {
        var data = new TheoryData<int, int, double>();
        for (int light = 0; light < 3; light++)
        {
            foreach (int turn in new[] { 0, 90, 180, 270 })
            {
                data.Add(light, turn, 1.0);
            }
        }

        data.Add(0, 0, 0.6);
        data.Add(1, 90, 2.0);
        return data;
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public void A_rendered_chart_is_found_at_its_corners_in_order(int light, int turn, double scale)
    {
        var (name, spd) = ReferenceAccuracy.Illuminants[light];
        var photo = SyntheticScene.Render($"chart under {name}", spd, SyntheticSpectra.MediumSkin, SyntheticSpectra.DarkBrownHair, 40 + light);
        using var image = Image.Load<Rgb24>(photo.Jpeg);
        image.Mutate(x => x.Rotate(turn).Resize((int)Math.Round(image.Width * scale), (int)Math.Round(image.Height * scale)));
        int w = image.Width, h = image.Height;
        // Rendered corners (pixels of the 600 × 400 render) turned clockwise with the photo, then normalised.
        var expected = photo.ChartCorners.Select(c =>
        {
            var (x, y) = turn switch
            {
                90 => (photo.Height - c.Y, c.X),
                180 => (photo.Width - c.X, photo.Height - c.Y),
                270 => (c.Y, photo.Width - c.X),
                _ => (c.X, c.Y),
            };
            double sw = turn is 90 or 270 ? photo.Height : photo.Width, sh = turn is 90 or 270 ? photo.Width : photo.Height;
            return (X: x / sw, Y: y / sh);
        }).ToList();

        var found = Find(Png(image));
        output.WriteLine($"{name} {turn}° ×{scale}: {found.Patches} squares, match ΔE {found.MatchDeltaE}; corners {string.Join(" ", found.Corners)}; expected {string.Join(" ", expected)}");
        double pitchX = Math.Abs(expected[1].X - expected[0].X) / 6 + Math.Abs(expected[1].Y - expected[0].Y) / 6;
        for (int i = 0; i < 4; i++)
        {
            double dx = (found.Corners[i].X - expected[i].X) * w, dy = (found.Corners[i].Y - expected[i].Y) * h;
            double pitch = Math.Sqrt(Math.Pow((expected[1].X - expected[0].X) * w, 2) + Math.Pow((expected[1].Y - expected[0].Y) * h, 2)) / 6;
            Assert.True(Math.Sqrt((dx * dx) + (dy * dy)) < CornerTolerancePitch * pitch,
                $"corner {i}: found {found.Corners[i]}, rendered {expected[i]} (pitch {pitch:F1} px)");
        }

        Assert.Empty(found.Occluded); // nothing covers a rendered chart
    }

    [Fact]
    public void A_chart_found_without_taps_calibrates_the_analysis_and_says_how()
    {
        var photo = SyntheticScene.Render("chart, no taps", ReferenceAccuracy.Illuminants[1].Spd, SyntheticSpectra.MediumSkin, SyntheticSpectra.DarkBrownHair, 77);
        var result = PhotoFiles.Analyse(photo.Jpeg, """{"reference":{"type":"colorChecker24"},"regions":{"hair":{"rect":[0.78,0.4,0.2,0.55]},"skin":{"rect":[0.62,0.4,0.13,0.55]}}}""");
        Assert.Equal("detected", result.Reference.CornersFound);
        Assert.Equal(4, result.Reference.Corners!.Count);
        Assert.True(result.Reference.LooMeanDeltaE00 < ReferenceCorrector.PoorFitThreshold, $"LOO {result.Reference.LooMeanDeltaE00}");
    }

    [Fact]
    public void A_chart_cut_off_by_the_frame_is_refused_with_a_reference_code()
    {
        var photo = SyntheticScene.Render("cut off", ReferenceAccuracy.Illuminants[0].Spd, SyntheticSpectra.MediumSkin, SyntheticSpectra.DarkBrownHair, 5);
        using var image = Image.Load<Rgb24>(photo.Jpeg);
        image.Mutate(x => x.Crop(new Rectangle(150, 0, 450, 400))); // the chart's left two columns are outside
        var error = Assert.Throws<ProblemException>(() => Find(Png(image)));
        output.WriteLine($"{error.Code}: {error.Message}");
        Assert.Equal("reference.chart_cut_off", error.Code);
    }

    [Fact]
    public void A_chart_too_small_to_sample_is_refused()
    {
        var photo = SyntheticScene.Render("tiny", ReferenceAccuracy.Illuminants[0].Spd, SyntheticSpectra.MediumSkin, SyntheticSpectra.DarkBrownHair, 6);
        using var image = Image.Load<Rgb24>(photo.Jpeg);
        image.Mutate(x => x.Resize(120, 80));
        var error = Assert.Throws<ProblemException>(() => Find(Png(image)));
        output.WriteLine($"{error.Code}: {error.Message}");
        Assert.StartsWith("reference.chart_", error.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_portrait_has_no_chart_and_says_so()
    {
        var error = Assert.Throws<ProblemException>(() => Find(PhotoFiles.Real("portrait-light-skin_sRGB.png")));
        Assert.StartsWith("reference.chart_", error.Code, StringComparison.Ordinal);
    }

    /// <summary>
    /// Real chart photos (Images/Charts/SOURCES.md) found without taps. The orientation is checked independently: the chart
    /// fit through the found corners must beat the same quad started at each of the other three corners (a wrongly turned
    /// grid fits far worse). Where the photo is scene-referred, the fit must also be good (leave-one-out mean ΔE00 under
    /// the service's poor-fit threshold). The Classic close-up is a display-referred screen grab (SOURCES.md) and the
    /// Mini's light is not documented; their fits are poor whichever way they are placed (LOO mean 6.75 and 5.06, warned
    /// reference.poor_fit), so only their orientation is asserted.
    /// </summary>
    [Theory]
    [InlineData("openexr_carrots_xrite-passport_still-life_srgb.jpg", true)]
    [InlineData("plantcv_colorchecker-classic_closeup_rotated90.png", false)]
    [InlineData("plantcv_calibrite-classic-mini_closeup_portrait.jpg", false)]
    [InlineData("plantcv_booth_colorchecker-passport_small_frontal_source1.png", false)]
    public void A_real_chart_is_found_turned_the_right_way(string file, bool sceneReferred)
    {
        const string Regions = "\"regions\":{\"hair\":{\"rect\":[0.45,0.45,0.1,0.1]},\"skin\":{\"rect\":[0.45,0.45,0.1,0.1]}}";
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "Charts", file));
        var result = PhotoFiles.Analyse(bytes, "{\"reference\":{\"type\":\"colorChecker24\"}," + Regions + "}");
        var corners = result.Reference.Corners!;
        output.WriteLine($"{file}: corners {string.Join(" ", corners.Select(c => $"({c[0]}, {c[1]})"))}, model {result.Reference.Model}, "
            + $"LOO mean {result.Reference.LooMeanDeltaE00:F2} max {result.Reference.LooMaxDeltaE00:F2}; {string.Join(", ", result.Warnings.Select(w => w.Code))}");
        Assert.Equal("detected", result.Reference.CornersFound);
        for (int shift = 1; shift < 4; shift++)
        {
            string turned = string.Join(",", Enumerable.Range(0, 4).Select(k => corners[(k + shift) % 4])
                .Select(c => FormattableString.Invariant($"[{c[0]},{c[1]}]")));
            double? other;
            try
            {
                other = PhotoFiles.Analyse(bytes, "{\"reference\":{\"type\":\"colorChecker24\",\"corners\":[" + turned + "]}," + Regions + "}").Reference.LooMeanDeltaE00;
            }
            catch (ProblemException)
            {
                other = double.PositiveInfinity; // refused outright: certainly worse
            }

            output.WriteLine($"  started at corner {shift}: LOO mean {other:F2}");
            Assert.True(result.Reference.LooMeanDeltaE00 < other, $"found {result.Reference.LooMeanDeltaE00:F2}, turned by {shift}: {other:F2}");
        }

        if (sceneReferred)
        {
            Assert.True(result.Reference.LooMeanDeltaE00 < ReferenceCorrector.PoorFitThreshold, $"LOO mean {result.Reference.LooMeanDeltaE00}");
        }
    }

    /// <summary>
    /// The centres of the chart's four corner patches (dark skin, bluish green, black, white), in photo pixels (pixel i
    /// covers [i, i + 1]), measured from the pixels by data/derive/chart-patch-centres.py (output beside it, with the
    /// exact ImageMagick crop of each patch): each patch's edges are where the patch colour falls through half way to the
    /// surround's along a band across a tight crop, the centre is the middle between them. In the leaf photo the white
    /// patch is under the leaf (NaN: not checked) and the dark-skin patch is half covered: it is placed by its visible
    /// right and bottom edges and the width and height of the bluish-green patch below it in the same column. The values
    /// first committed here were placed by hand on enlarged crops; the script agrees with them within 0.2 px on four
    /// patches and moves three: the leaf's dark skin by 0.8 px, its bluish green by 1.4 px (the hand read its blurred top
    /// edge high) and the booth's black by 1.9 px (a low-contrast patch, grey 16 on a surround of 21).
    /// </summary>
    public static TheoryData<string, double[]> MeasuredCentres() => new()
    {
        { "plantcv_booth_colorchecker-passport_small_frontal_source1.png", [233.1, 167.0, 231.4, 272.8, 168.6, 271.6, 170.2, 165.9] },
        { "plantcv_xrite-passport_upside-down_leaf-occluded.png", [558.4, 372.6, 550.9, 821.1, 276.9, 817.0, double.NaN, double.NaN] },
    };

    /// <summary>
    /// The two real charts the search used to refuse (422 reference.chart_poor_match): the small Passport in the plant
    /// booth, turned 90° beside the camera mount's squares, and the Passport upside down with a leaf over a third of it.
    /// The found corners put each corner patch within a quarter pitch of its measured centre, which also fixes the
    /// orientation (a chart turned by a quarter would put dark skin where the measurement put bluish green or white).
    /// </summary>
    [Theory]
    [MemberData(nameof(MeasuredCentres))]
    public void A_real_chart_is_found_at_its_measured_patch_centres(string file, double[] centres)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "Charts", file));
        using var pixels = PhotoDecoder.Decode(bytes, Limits, CancellationToken.None);
        var found = ChartFinder.Find(pixels);
        var corners = found.Corners.Select(c => (c.X * pixels.Width, c.Y * pixels.Height)).ToList();
        var toImage = Homography.FromPoints([(0, 0), (6, 0), (6, 4), (0, 4)], corners);
        double pitch = Math.Sqrt(Math.Pow(corners[1].Item1 - corners[0].Item1, 2) + Math.Pow(corners[1].Item2 - corners[0].Item2, 2)) / 6;
        output.WriteLine($"{file}: corners {string.Join(" ", corners.Select(c => $"({c.Item1:F1}, {c.Item2:F1})"))}, match ΔE {found.MatchDeltaE}, "
            + $"occluded {string.Join(", ", found.Occluded.Select(i => ColorCheckerReference.Patches[i].Name))}");
        (double U, double V)[] patchCentres = [(0.5, 0.5), (5.5, 0.5), (5.5, 3.5), (0.5, 3.5)];
        for (int k = 0; k < 4; k++)
        {
            if (double.IsNaN(centres[2 * k]))
            {
                continue;
            }

            var (x, y) = toImage.Map(patchCentres[k]);
            double off = Math.Sqrt(Math.Pow(x - centres[2 * k], 2) + Math.Pow(y - centres[(2 * k) + 1], 2));
            output.WriteLine($"  corner patch {k}: found ({x:F1}, {y:F1}), measured ({centres[2 * k]}, {centres[(2 * k) + 1]}): {off:F1} px of pitch {pitch:F1}");
            Assert.True(off < CornerTolerancePitch * pitch, $"corner patch {k} is {off:F1} px from the measured centre (pitch {pitch:F1})");
        }
    }

    /// <summary>
    /// The leaf photo through the whole analysis: the patches the leaf covers, judged by eye on the photo, are left out
    /// and named in <c>reference.patches_occluded</c>; every patch the leaf does not touch is fitted. Wholly under the
    /// leaf: orange, blue, green, white, neutral 8. Touched at an edge (either way allowed): dark skin, purplish blue,
    /// red, neutral 6.5. The rest are in plain view.
    /// </summary>
    [Fact]
    public void The_patches_a_leaf_covers_are_left_out_of_the_fit_and_named()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "Charts", "plantcv_xrite-passport_upside-down_leaf-occluded.png"));
        var result = PhotoFiles.Analyse(bytes, """{"reference":{"type":"colorChecker24"},"regions":{"hair":{"rect":[0.1,0.1,0.1,0.1]},"skin":{"rect":[0.2,0.1,0.1,0.1]}}}""");
        output.WriteLine($"model {result.Reference.Model}, LOO mean {result.Reference.LooMeanDeltaE00:F2}; "
            + string.Join(" | ", result.Warnings.Select(w => $"{w.Code}: {w.Message}")));
        Assert.Equal("detected", result.Reference.CornersFound);
        var warning = Assert.Single(result.Warnings, w => w.Code == ReferenceCorrector.OccludedCode);
        // Chart order: orange 6, blue 12, green 13, white 18, neutral 8 wholly covered; dark skin 0, purplish blue 7, red 14, neutral 6.5 20 at an edge.
        int[] covered = [6, 12, 13, 18, 19];
        int[] edge = [0, 7, 14, 20];
        Assert.All(covered, p => Assert.Contains(ColorCheckerReference.Patches[p].Name, warning.Message, StringComparison.Ordinal));
        using var pixels = PhotoDecoder.Decode(bytes, Limits, CancellationToken.None);
        var found = ChartFinder.Find(pixels);
        Assert.All(covered, p => Assert.Contains(p, found.Occluded));
        Assert.All(found.Occluded, p => Assert.Contains(p, covered.Concat(edge)));
    }

    /// <summary>
    /// Photos with no chart in them (the real portraits, colour bars and rockets in Images/Real, the generated scalp
    /// scenes in Images/Generated) are never answered with a chart: each is a 422 with a reference.chart_* code.
    /// </summary>
    [Theory]
    [MemberData(nameof(PhotosWithoutAChart))]
    public void A_photo_without_a_chart_is_never_answered_with_one(string file)
    {
        var error = Assert.Throws<ProblemException>(() => Find(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", file))));
        output.WriteLine($"{file}: {error.Code}: {error.Message}");
        Assert.StartsWith("reference.chart_", error.Code, StringComparison.Ordinal);
    }

    public static TheoryData<string> PhotosWithoutAChart()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "Real", "Generated" })
        {
            foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Images", folder))
                .Where(f => f.EndsWith(".jpg", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(folder, Path.GetFileName(path)));
            }
        }

        return data;
    }
}
