using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos;

/// <summary>
/// Auto regions on real portraits (Images/Real/SOURCES.md), sent with no regions as a new user would (issue 13): the hair
/// must land on the person's scalp hair and the skin on that person's face. The boxes were drawn by hand on each photo
/// (normalised [x, y, w, h]; head = hair and face, face = hairline to chin, ear to ear): every vertex of the hair polygon
/// inside the head box, the skin region's centre inside the face box, and the hair darker than the skin in L* (every
/// chosen person here has dark or brown hair: the photos' SOURCES.md descriptions).
/// </summary>
public sealed class PeopleRegionsTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Portraits => new()
    {
        // file, head box, face box
        { "portrait-short-hair-dark-skin_sRGB.jpg", "0.33,0.00,0.40,0.24", "0.36,0.06,0.34,0.30" },
        { "short-black-hair-dark-skin-man-speaking_face-recognition-obama2.jpg", "0.30,0.10,0.60,0.30", "0.30,0.20,0.52,0.32" },
        { "two-portraits-dark-and-grey-hair_noprofile.jpg", "0.17,0.00,0.20,0.18", "0.18,0.03,0.18,0.28" },
        { "portrait-light-skin_sRGB.png", "0.28,0.00,0.34,0.25", "0.33,0.13,0.24,0.24" },
        { "short-brown-hair-light-skin-man_ibm-max-facerec-chris.jpg", "0.14,0.00,0.64,0.40", "0.20,0.20,0.56,0.47" },
        { "long-red-auburn-hair-light-skin-woman_ibm-max-sr-woman.png", "0.27,0.00,0.55,0.40", "0.24,0.12,0.50,0.35" },
        { "group-3-men-receding-short-hair-light-skin_ibm-max-pose-apollo11-pilots.jpg", "0.41,0.10,0.15,0.16", "0.41,0.14,0.16,0.22" },
        { "very-short-cropped-hair-dark-skin-woman-facepaint_ibm-max-sr-face-paint.png", "0.27,0.08,0.56,0.25", "0.27,0.18,0.52,0.48" },
        // Three players about 1/10 of the frame high: found only by the finest tiles; the middle player (brown hair) is measured.
        // Checked against the detector (issue 13): these boxes are not its output (its face box is 0.400, 0.271, 0.051 × 0.076,
        // the hair polygon spans x 0.398-0.453, y 0.239-0.288), and a redraw from the pixels of the 1280 × 853 photo (head: top
        // of the hair at y 178 to the chin at y 292, hair edges x 487-597; face: ear at x 500 to cheek at x 573, fringe at
        // y 225 to chin) lies inside both: head 0.380, 0.209, 0.086 × 0.134; face 0.391, 0.264, 0.057 × 0.078.
        { "group-3-teen-boys-buzzed-dark-skin-brown-auburn-hair-outdoor_ibm-max-caption-soccer.jpg", "0.375,0.20,0.095,0.15", "0.385,0.24,0.08,0.11" },
    };

    [Theory]
    [MemberData(nameof(Portraits))]
    public void A_portrait_sent_without_regions_is_measured_on_the_persons_hair_and_face(string file, string head, string face)
    {
        Assert.True(PhotoFiles.People.Available, PhotoFiles.People.Unavailable);
        var result = PhotoFiles.Analyse(PhotoFiles.Real(file), null);
        var regions = result.Regions;
        output.WriteLine($"{file}: method {regions.Method}, confidence {regions.Confidence}, faces {regions.Faces}, skin on {regions.SkinPlace}; "
            + $"hair {result.Hair.Lab} skin {result.Skin.Lab}; warnings {string.Join(", ", result.Warnings.Select(w => w.Code))}");
        Assert.True(regions.Guessed);
        Assert.Equal("people", regions.Method);
        Assert.InRange(regions.Confidence!.Value, double.Epsilon, 1);

        var headBox = Box(head);
        var hair = OptionsValidator.ToPolygon(regions.Hair);
        Assert.All(hair, p => Assert.True(Inside(headBox, p), $"hair vertex {p} outside the head box {head}"));

        var skin = OptionsValidator.ToPolygon(regions.Skin);
        var centre = (skin.Average(p => p.X), skin.Average(p => p.Y));
        Assert.True(Inside(Box(face), centre), $"skin centre {centre} outside the face box {face}");

        Assert.True(result.Hair.Lab.L < result.Skin.Lab.L - 5, $"hair L* {result.Hair.Lab.L:F1}, skin L* {result.Skin.Lab.L:F1}");
        Assert.DoesNotContain(result.Warnings, w => w.Code.EndsWith(".implausible", StringComparison.Ordinal));
        // The Apollo crew's faces are about 40 px wide, the players' about 65: a forehead patch that small rightly warns sample.too_small.
        if (!file.StartsWith("group-3-", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(result.Warnings, w => w.Code == "sample.too_small");
        }
    }

    /// <summary>
    /// A JPEG large enough that the models' copy comes from OpenCV's reduced decode (run beside the full decode), stored
    /// turned with an EXIF orientation: the regions still land on the upright person, as on the photo sent as it is,
    /// and the colours measured match it (the measurement reads the full-size pixels either way).
    /// </summary>
    /// <remarks>Every EXIF orientation (TIFF 6.0 tag 274), the stored pixels being the upright ones turned and mirrored back
    /// (<see cref="OrientationTests"/> checks the same pairs with ImageSharp's own AutoOrient).</remarks>
    [Theory]
    [InlineData(6, RotateMode.Rotate270, FlipMode.None)]
    [InlineData(8, RotateMode.Rotate90, FlipMode.None)]
    [InlineData(1, RotateMode.None, FlipMode.None)]
    [InlineData(2, RotateMode.None, FlipMode.Horizontal)]
    [InlineData(3, RotateMode.Rotate180, FlipMode.None)]
    [InlineData(4, RotateMode.None, FlipMode.Vertical)]
    [InlineData(5, RotateMode.Rotate90, FlipMode.Horizontal)]
    [InlineData(7, RotateMode.Rotate270, FlipMode.Horizontal)]
    public void A_large_turned_jpeg_is_measured_on_the_same_hair_and_face(ushort orientation, RotateMode rotate, FlipMode flip)
    {
        const string file = "portrait-short-hair-dark-skin_sRGB.jpg";
        var plain = PhotoFiles.Analyse(PhotoFiles.Real(file), null);
        using var image = Image.Load<Rgb24>(PhotoFiles.Real(file));
        image.Mutate(c => c.Resize(image.Width * 5 / 2, image.Height * 5 / 2).Rotate(rotate).Flip(flip)); // longer side over 2 × 640: decoded at 1/2 or less
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 95 });
        var large = PhotoFiles.Analyse(stream.ToArray(), null);
        AssertSameHairAndFace(plain, large);
    }

    /// <summary>
    /// An EXIF orientation written as a LONG instead of TIFF 6.0's SHORT: ImageSharp (which measures) does not apply it, and
    /// neither does Chromium (which shows the photo on the page), but OpenCV's decoder does, and a half turn keeps the size,
    /// so the models' copy was turned against the measured photo and the regions came back on the far side of the photo.
    /// The copy is now the stored pixels turned as ImageSharp turns them: the regions land on the person the user sees.
    /// </summary>
    [Fact]
    public void A_jpeg_whose_orientation_opencv_reads_differently_is_measured_where_the_user_sees_the_person()
    {
        const string file = "portrait-short-hair-dark-skin_sRGB.jpg";
        var plain = PhotoFiles.Analyse(PhotoFiles.Real(file), null);
        using var image = Image.Load<Rgb24>(PhotoFiles.Real(file));
        image.Mutate(c => c.Resize(image.Width * 5 / 2, image.Height * 5 / 2));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 95 });
        byte[] jpeg = WithExifOrientationAsLong(stream.ToArray(), 3);

        // The disagreement this is about, checked independently: ImageSharp reads no orientation, OpenCV turns the pixels.
        Assert.Null(Image.Identify(jpeg).Metadata.ExifProfile?.GetValue(ExifTag.Orientation));
        using (var asRead = OpenCvSharp.Cv2.ImDecode(jpeg, OpenCvSharp.ImreadModes.ReducedColor4))
        using (var asStored = OpenCvSharp.Cv2.ImDecode(jpeg, OpenCvSharp.ImreadModes.ReducedColor4 | OpenCvSharp.ImreadModes.IgnoreOrientation))
        {
            var read = asRead.At<OpenCvSharp.Vec3b>(10, 10);
            var turned = asStored.At<OpenCvSharp.Vec3b>(asStored.Rows - 11, asStored.Cols - 11);
            Assert.Equal((turned.Item0, turned.Item1, turned.Item2), (read.Item0, read.Item1, read.Item2));
        }

        AssertSameHairAndFace(plain, PhotoFiles.Analyse(jpeg, null));
    }

    /// <summary>A JPEG with an APP1 Exif segment after SOI whose only IFD0 entry is Orientation (0x0112) typed LONG (4), little-endian.</summary>
    private static byte[] WithExifOrientationAsLong(byte[] jpeg, int orientation)
    {
        byte[] tiff = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 4, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0];
        int length = 2 + 6 + tiff.Length;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. "Exif\0\0"u8, .. tiff, .. jpeg.AsSpan(2)];
    }

    private static void AssertSameHairAndFace(AnalysisResult plain, AnalysisResult large)
    {
        Assert.Equal("people", large.Regions.Method);
        Assert.All(OptionsValidator.ToPolygon(large.Regions.Hair), p => Assert.True(Inside(Box("0.33,0.00,0.40,0.24"), p), $"hair vertex {p}"));
        var skin = OptionsValidator.ToPolygon(large.Regions.Skin);
        Assert.True(Inside(Box("0.36,0.06,0.34,0.30"), (skin.Average(p => p.X), skin.Average(p => p.Y))));
        // Resampling and re-encoding move colours a little; a region on another part of the photo would move them far.
        Assert.InRange(Ciede2000(large.Skin.Lab, plain.Skin.Lab), 0, 3);
        Assert.InRange(Ciede2000(large.Hair.Lab, plain.Hair.Lab), 0, 3);
    }

    /// <summary>
    /// A portrait turned a quarter or half round (no EXIF orientation: the pixels themselves turned) is measured on the
    /// person's scalp hair and face as it is upright: the regions follow the face's own up direction, not the photo's
    /// (issue 13; before, a face upside down got its "hair" below the chin: every portrait here turned 180 failed). Judged
    /// by the calibration set's rule (<see cref="Confidence.RegionConfidenceSet.HairRight"/>, <c>SkinRight</c>) on the
    /// hand-drawn boxes turned with the pixels. The photos where a turned face is not found at all (the auburn-haired
    /// woman at 90 and 180, the face-paint portrait at 90) or another person is measured are left out.
    /// </summary>
    [Theory]
    [InlineData("portrait-short-hair-dark-skin_sRGB.jpg", 1)]
    [InlineData("portrait-short-hair-dark-skin_sRGB.jpg", 2)]
    [InlineData("portrait-short-hair-dark-skin_sRGB.jpg", 3)]
    [InlineData("short-black-hair-dark-skin-man-speaking_face-recognition-obama2.jpg", 1)]
    [InlineData("short-black-hair-dark-skin-man-speaking_face-recognition-obama2.jpg", 2)]
    [InlineData("short-black-hair-dark-skin-man-speaking_face-recognition-obama2.jpg", 3)]
    [InlineData("portrait-light-skin_sRGB.png", 1)]
    [InlineData("portrait-light-skin_sRGB.png", 2)]
    [InlineData("portrait-light-skin_sRGB.png", 3)]
    [InlineData("short-brown-hair-light-skin-man_ibm-max-facerec-chris.jpg", 1)]
    [InlineData("short-brown-hair-light-skin-man_ibm-max-facerec-chris.jpg", 2)]
    [InlineData("short-brown-hair-light-skin-man_ibm-max-facerec-chris.jpg", 3)]
    [InlineData("very-short-cropped-hair-dark-skin-woman-facepaint_ibm-max-sr-face-paint.png", 2)]
    [InlineData("very-short-cropped-hair-dark-skin-woman-facepaint_ibm-max-sr-face-paint.png", 3)]
    [InlineData("group-3-men-receding-short-hair-light-skin_ibm-max-pose-apollo11-pilots.jpg", 2)]
    [InlineData("long-red-auburn-hair-light-skin-woman_ibm-max-sr-woman.png", 3)]
    public void A_turned_portrait_is_measured_on_the_persons_hair_and_face(string file, int quarters)
    {
        var row = Portraits.Single(r => (string)r[0] == file);
        var truth = new Confidence.Truth(Confidence.Box.Parse((string)row[1]).Turned(quarters), Confidence.Box.Parse((string)row[2]).Turned(quarters), []);
        using var image = Image.Load<Rgb24>(PhotoFiles.Real(file));
        image.Mutate(c => c.Rotate(quarters switch { 1 => RotateMode.Rotate90, 2 => RotateMode.Rotate180, _ => RotateMode.Rotate270 }));
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        var result = PhotoFiles.Analyse(png.ToArray(), null);
        output.WriteLine($"{file} turned {90 * quarters}: {result.Regions.Method}, confidence {result.Regions.Confidence}, hair {result.Hair.Lab}, skin {result.Skin.Lab}");

        Assert.Equal("people", result.Regions.Method);
        Assert.True(Confidence.RegionConfidenceSet.HairRight(OptionsValidator.ToPolygon(result.Regions.Hair), truth), "hair off the scalp");
        Assert.True(Confidence.RegionConfidenceSet.SkinRight(OptionsValidator.ToPolygon(result.Regions.Skin), truth), "skin off the face");
        Assert.True(result.Hair.Lab.L < result.Skin.Lab.L - 5, $"hair L* {result.Hair.Lab.L:F1}, skin L* {result.Skin.Lab.L:F1}");
    }

    /// <summary>
    /// A face whose top the frame cuts off (the calibration set's "hair cut off" crop: from 15 % down the face box) has no
    /// scalp hair left to find, and the hair region lands on the temples or the forehead's edge. The people score's
    /// in-frame term rates it well below the whole portrait (before that term: within 0.01 of it) and, but for the first
    /// portrait (0.54), under 0.5, so the answer says to draw the regions.
    /// </summary>
    [Theory]
    [InlineData("portrait-short-hair-dark-skin_sRGB.jpg", false)]
    [InlineData("short-black-hair-dark-skin-man-speaking_face-recognition-obama2.jpg", true)]
    [InlineData("portrait-light-skin_sRGB.png", true)]
    [InlineData("short-brown-hair-light-skin-man_ibm-max-facerec-chris.jpg", true)]
    [InlineData("long-red-auburn-hair-light-skin-woman_ibm-max-sr-woman.png", true)]
    public void A_face_whose_top_the_frame_cuts_off_is_rated_lower(string file, bool warns)
    {
        var row = Portraits.Single(r => (string)r[0] == file);
        var face = Confidence.Box.Parse((string)row[2]);
        var whole = PhotoFiles.Analyse(PhotoFiles.Real(file), null);
        using var image = Image.Load<Rgb24>(PhotoFiles.Real(file));
        int top = (int)Math.Round((face.Y + (0.15 * face.H)) * image.Height);
        image.Mutate(c => c.Crop(new Rectangle(0, top, image.Width, image.Height - top)));
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        var cut = PhotoFiles.Analyse(png.ToArray(), null);
        output.WriteLine($"{file}: whole {whole.Regions.Confidence}, top cut off {cut.Regions.Method} {cut.Regions.Confidence}");

        Assert.Equal("people", cut.Regions.Method);
        Assert.True(cut.Regions.Confidence < whole.Regions.Confidence - 0.3, $"{cut.Regions.Confidence} against {whole.Regions.Confidence}");
        Assert.Equal(warns, cut.Warnings.Any(w => w.Code == "regions.low_confidence"));
    }

    /// <summary>
    /// Two identical faces (the portrait beside its mirror image, as in a mirror): both are found, the answer says so, and
    /// the one measured has its hair on its own scalp and its skin on its own face (whichever of the two it is).
    /// </summary>
    [Fact]
    public void Of_two_identical_faces_one_is_measured_whole_and_the_answer_says_there_are_two()
    {
        const string file = "portrait-short-hair-dark-skin_sRGB.jpg";
        var row = Portraits.Single(r => (string)r[0] == file);
        var head = Confidence.Box.Parse((string)row[1]);
        var face = Confidence.Box.Parse((string)row[2]);
        using var original = Image.Load<Rgb24>(PhotoFiles.Real(file));
        using var mirrored = original.Clone(c => c.Flip(FlipMode.Horizontal));
        using var pair = new Image<Rgb24>(original.Width * 2, original.Height);
        pair.Mutate(c => c.DrawImage(original, new Point(0, 0), 1f).DrawImage(mirrored, new Point(original.Width, 0), 1f));
        using var png = new MemoryStream();
        pair.SaveAsPng(png);
        var result = PhotoFiles.Analyse(png.ToArray(), null);

        Assert.Equal("people", result.Regions.Method);
        Assert.Equal(2, result.Regions.Faces);
        Assert.Contains(result.Warnings, w => w.Code == "regions.several_people");
        static Confidence.Box Left(Confidence.Box b) => new(b.X / 2, b.Y, b.W / 2, b.H);
        static Confidence.Box Right(Confidence.Box b) => new(0.5 + ((1 - b.X - b.W) / 2), b.Y, b.W / 2, b.H);
        var hair = OptionsValidator.ToPolygon(result.Regions.Hair);
        var skin = OptionsValidator.ToPolygon(result.Regions.Skin);
        bool onLeft = Confidence.RegionConfidenceSet.HairRight(hair, new Confidence.Truth(Left(head), Left(face), []))
            && Confidence.RegionConfidenceSet.SkinRight(skin, new Confidence.Truth(Left(head), Left(face), []));
        bool onRight = Confidence.RegionConfidenceSet.HairRight(hair, new Confidence.Truth(Right(head), Right(face), []))
            && Confidence.RegionConfidenceSet.SkinRight(skin, new Confidence.Truth(Right(head), Right(face), []));
        Assert.True(onLeft ^ onRight, $"hair and skin on one person: left {onLeft}, right {onRight}");
    }

    private static double Ciede2000(LabValue a, LabValue b) => SmpShade.Colour.DeltaE.Ciede2000(a.ToLab(), b.ToLab());

    [Fact]
    public void Of_two_people_the_larger_more_central_face_is_measured_and_the_answer_says_so()
    {
        var result = PhotoFiles.Analyse(PhotoFiles.Real("two-portraits-dark-and-grey-hair_noprofile.jpg"), null);
        Assert.Equal(2, result.Regions.Faces);
        var warning = Assert.Single(result.Warnings, w => w.Code == "regions.several_people");
        Assert.Contains("2 faces", warning.Message, StringComparison.Ordinal);
        // The man on the left (dark hair, head box drawn by hand), not the grey-haired man on the right.
        var box = result.Regions.Face!.Rect!;
        Assert.True(Inside(Box("0.17,0.00,0.20,0.35"), (box[0] + (box[2] / 2), box[1] + (box[3] / 2))), string.Join(",", box));
    }

    /// <summary>
    /// Photos with no one in them (the chart photos, colour bars, a rocket, the synthetic scene): no detection survives the
    /// landmark model's check at any tile scale, so none is answered as a person; a guess from colours says it is more likely wrong.
    /// </summary>
    [Theory]
    [InlineData("Charts/openexr_carrots_xrite-passport_still-life_srgb.jpg")]
    [InlineData("Charts/plantcv_booth_colorchecker-passport_small_frontal_source1.png")]
    [InlineData("Charts/plantcv_calibrite-classic-mini_closeup_portrait.jpg")]
    [InlineData("Charts/plantcv_colorchecker-classic_closeup_rotated90.png")]
    [InlineData("Charts/plantcv_xrite-passport_upside-down_leaf-occluded.png")]
    [InlineData("Real/colour-bars_P3-D65.jpg")]
    [InlineData("Real/rocket_AdobeRGB1998.jpg")]
    [InlineData("Generated/scene.png")]
    public void A_photo_without_people_is_never_answered_as_a_person(string file)
    {
        var photo = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", file));
        try
        {
            var result = PhotoFiles.Analyse(photo, null);
            Assert.Equal("colours", result.Regions.Method);
            Assert.InRange(result.Regions.Confidence!.Value, 0, RegionConfidence.LowThreshold - 0.01);
            Assert.Contains(result.Warnings, w => w.Code == "regions.low_confidence");
            Assert.Equal(0, result.Regions.Faces);
        }
        catch (ProblemException problem)
        {
            Assert.Equal("regions.not_found", problem.Code);
        }
    }

    [Fact]
    public void A_photo_without_a_face_falls_back_to_colours_and_says_so()
    {
        var result = PhotoFiles.Analyse(PhotoFiles.Generated("scene.png"), null);
        Assert.Equal("colours", result.Regions.Method);
        Assert.Equal(0, result.Regions.Faces);
        Assert.Contains(result.Warnings, w => w.Code == "regions.no_face");
    }

    [Fact]
    public void Without_the_models_auto_regions_fall_back_to_colours_with_a_warning()
    {
        string empty = Directory.CreateTempSubdirectory("smpshade-no-models").FullName;
        try
        {
            using var models = new SmpShade.Api.Photos.People.PeopleModels(
                Microsoft.Extensions.Options.Options.Create(new PhotoOptions { ModelsDirectory = empty }),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<SmpShade.Api.Photos.People.PeopleModels>.Instance);
            Assert.False(models.Available);
            Assert.Contains("missing", models.Unavailable, StringComparison.Ordinal);
            using var analyzer = new PhotoAnalyzer(Microsoft.Extensions.Options.Options.Create(new PhotoOptions()), models);
            using var slot = analyzer.Reserve(CancellationToken.None);
            var result = slot.Analyze(PhotoFiles.Generated("scene.png"), AnalysisForm.ParseOptions(null), CancellationToken.None);
            Assert.Equal("colours", result.Regions.Method);
            Assert.Contains(result.Warnings, w => w.Code == "regions.model_unavailable");
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    public static TheoryData<string, int, int> CraftedImages => new()
    {
        { "tiny", 1, 1 },
        { "tiny", 3, 2 },
        { "single colour", 4000, 3000 },
        { "all skin", 640, 480 },
        { "thin strip", 6000, 2 },
    };

    /// <summary>Crafted images reach the models without crashing them: an answer or a 422 <c>regions.not_found</c>, never a 500.</summary>
    [Theory]
    [MemberData(nameof(CraftedImages))]
    public void Crafted_images_do_not_crash_the_models(string kind, int width, int height)
    {
        var colour = kind == "all skin" ? new Rgb24(205, 150, 125) : new Rgb24(90, 120, 160);
        using var image = new Image<Rgb24>(width, height, colour);
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        try
        {
            var result = PhotoFiles.Analyse(png.ToArray(), null);
            Assert.NotEqual("people", result.Regions.Method);
        }
        catch (ProblemException rejected)
        {
            Assert.Equal("regions.not_found", rejected.Code);
        }
    }

    private static double[] Box(string box) => [.. box.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];

    private static bool Inside(double[] box, (double X, double Y) p) =>
        p.X >= box[0] && p.X <= box[0] + box[2] && p.Y >= box[1] && p.Y <= box[1] + box[3];
}
