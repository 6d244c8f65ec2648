using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;

namespace SmpShade.Api.Tests.Photos.Confidence;

/// <summary>A normalised box [x, y, w, h] on the (transformed) photo.</summary>
public readonly record struct Box(double X, double Y, double W, double H)
{
    public static Box Parse(string text)
    {
        var v = text.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new Box(v[0], v[1], v[2], v[3]);
    }

    public bool Contains(double x, double y) => x >= X && x <= X + W && y >= Y && y <= Y + H;

    public Box Grown(double by) => new(X - by, Y - by, W + (2 * by), H + (2 * by));

    /// <summary>The part inside a crop [c], re-normalised to it; null when nothing is left.</summary>
    public Box? Into(Box c)
    {
        double x0 = Math.Max(X, c.X), y0 = Math.Max(Y, c.Y), x1 = Math.Min(X + W, c.X + c.W), y1 = Math.Min(Y + H, c.Y + c.H);
        return x1 - x0 <= 1e-9 || y1 - y0 <= 1e-9 ? null : new Box((x0 - c.X) / c.W, (y0 - c.Y) / c.H, (x1 - x0) / c.W, (y1 - y0) / c.H);
    }

    /// <summary>Turned clockwise by quarter turns (what ImageSharp's Rotate(90·k) does to the pixels).</summary>
    public Box Turned(int quarters) => (((quarters % 4) + 4) % 4) switch
    {
        1 => new Box(1 - Y - H, X, H, W),
        2 => new Box(1 - X - W, 1 - Y - H, W, H),
        3 => new Box(Y, 1 - X - W, H, W),
        _ => this,
    };

    public Box Mirrored() => new(1 - X - W, Y, W, H);
}

/// <summary>
/// What is true of a photo in the set: the chosen person's head box (hair and face) and face box (hairline to chin, ear to
/// ear), either null when that part is not in the frame, and boxes painted over (occluders).
/// </summary>
public sealed record Truth(Box? Head, Box? Face, IReadOnlyList<Box> Covered)
{
    public static readonly Truth Nobody = new(null, null, []);

    public Truth Map(Func<Box, Box?> map) => new(Head is { } h ? map(h) : null, Face is { } f ? map(f) : null,
        [.. Covered.Select(map).OfType<Box>()]);
}

/// <summary>One labelled photo: where it came from, what was done to it, its bytes and its truth.</summary>
/// <param name="Several">More than one person in the frame: only the chosen one is boxed.</param>
public sealed record LabelledPhoto(string Source, string Transform, byte[] Photo, Truth Truth, bool ModelsOff, bool HeldOut, bool Several = false);

/// <summary>A guess the service made on a labelled photo, judged.</summary>
/// <param name="HairInHead">Share of the hair region in the grown head box (0 when none is in the frame), for the record.</param>
/// <param name="HairInFace">Share of the hair region in the face box.</param>
/// <param name="OtherPerson">In a photo of several people, the service measured a face other than the boxed one: the set
/// cannot judge it (only the chosen person of the original is boxed), so it is left out of fits and figures and counted.</param>
public sealed record JudgedGuess(LabelledPhoto Case, string Method, double Score, double Confidence, bool HairRight, bool SkinRight,
    double HairInHead, double HairInFace, bool OtherPerson)
{
    public bool Right => HairRight && SkinRight;

    /// <summary>Whether the guess counts in fits and figures.</summary>
    public bool Judged => !OtherPerson;
}

/// <summary>
/// The labelled set the guessed regions' confidence is calibrated on (issue 13; data/derive/region-confidence.cs fits it,
/// RegionConfidenceTests checks the held-out figures). Every photo is a real photo of the tests (Images/Real, Images/Charts,
/// Images/Generated/scene.png) or a transformation of one whose truth carries over exactly: the portraits' hand-drawn
/// boxes (<see cref="PeopleRegionsTests.Portraits"/>) are cropped, turned, mirrored or kept with the pixels; a photo with no
/// person has no truth, so every guess on it is wrong.
/// Held out, declared before any fit: whole source photos (every transformation of them), never used to fit or choose.
/// </summary>
public static class RegionConfidenceSet
{
    /// <summary>Source photos held out of the fit, with every transformation of them.</summary>
    public static readonly IReadOnlySet<string> HeldOutSources = new HashSet<string>(StringComparer.Ordinal)
    {
        "short-black-hair-dark-skin-man-speaking_face-recognition-obama2.jpg",
        "long-red-auburn-hair-light-skin-woman_ibm-max-sr-woman.png",
        "group-3-men-receding-short-hair-light-skin_ibm-max-pose-apollo11-pilots.jpg",
        "Real/rocket_AdobeRGB1998.jpg",
        "Charts/plantcv_booth_colorchecker-passport_small_frontal_source1.png",
    };

    /// <summary>Photos with more than one person: only whole-frame transformations (the chosen person stays the one boxed).</summary>
    private static readonly string[] Several = ["two-portraits", "group-3-"];

    /// <summary>Photos with no person in them.</summary>
    public static readonly string[] NoPerson =
    [
        "Charts/openexr_carrots_xrite-passport_still-life_srgb.jpg",
        "Charts/plantcv_booth_colorchecker-passport_small_frontal_source1.png",
        "Charts/plantcv_calibrite-classic-mini_closeup_portrait.jpg",
        "Charts/plantcv_colorchecker-classic_closeup_rotated90.png",
        "Charts/plantcv_xrite-passport_upside-down_leaf-occluded.png",
        "Real/colour-bars_P3-D65.jpg",
        "Real/rocket_AdobeRGB1998.jpg",
        "Generated/scene.png",
    ];

    /// <summary>Every labelled photo, in a fixed order.</summary>
    public static IEnumerable<LabelledPhoto> Photos()
    {
        foreach (var row in PeopleRegionsTests.Portraits)
        {
            string file = (string)row[0];
            var truth = new Truth(Box.Parse((string)row[1]), Box.Parse((string)row[2]), []);
            bool single = !Several.Any(s => file.StartsWith(s, StringComparison.Ordinal));
            bool held = HeldOutSources.Contains(file);
            byte[] original = PhotoFiles.Real(file);
            foreach (var (name, bytes, t, off) in Transforms(original, truth, single))
            {
                yield return new LabelledPhoto(file, name, bytes, t, off, held, !single);
            }
        }

        foreach (string file in NoPerson)
        {
            byte[] original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", file));
            bool held = HeldOutSources.Contains(file);
            yield return new LabelledPhoto(file, "original", original, Truth.Nobody, false, held);
            yield return new LabelledPhoto(file, "models off", original, Truth.Nobody, true, held);
            yield return new LabelledPhoto(file, "turned 90", Png(original, i => i.Rotate(RotateMode.Rotate90)), Truth.Nobody, false, held);
            yield return new LabelledPhoto(file, "mirrored", Png(original, i => i.Flip(FlipMode.Horizontal)), Truth.Nobody, false, held);
        }
    }

    private static IEnumerable<(string Name, byte[] Photo, Truth Truth, bool ModelsOff)> Transforms(byte[] original, Truth truth, bool single)
    {
        yield return ("original", original, truth, false);
        yield return ("models off", original, truth, true);
        yield return ("mirrored", Png(original, i => i.Flip(FlipMode.Horizontal)), truth.Map(b => b.Mirrored()), false);
        foreach (int q in new[] { 1, 2, 3 })
        {
            var mode = q switch { 1 => RotateMode.Rotate90, 2 => RotateMode.Rotate180, _ => RotateMode.Rotate270 };
            yield return ($"turned {90 * q}", Png(original, i => i.Rotate(mode)), truth.Map(b => b.Turned(q)), false);
        }

        foreach (int side in new[] { 240, 96 })
        {
            yield return ($"downscaled to {side} px", Png(original, i => i.Resize(new ResizeOptions { Size = new Size(side, side), Mode = ResizeMode.Max })), truth, false);
        }

        foreach (var (name, r, g, b) in new[] { ("warm cast", 1.25, 1.0, 0.7), ("cool cast", 0.7, 1.0, 1.3), ("green cast", 0.85, 1.2, 0.85) })
        {
            yield return (name, Png(original, i => Cast(i, r, g, b)), truth, false);
        }

        if (!single)
        {
            yield break;
        }

        var head = truth.Head!.Value;
        var face = truth.Face!.Value;
        // Crops: the hairline close-up (the usual SMP photo: hair and forehead, no whole face), hair only, the face with
        // most of the hair cut off, the body below the chin, and the side beside the head (background, maybe a shoulder).
        // The truth in a crop is the boxes' part inside it, except: the close-up's scalp hair is the head box above the face
        // box's top (the hairline: a cell on the forehead is skin, not hair), and once the crop cuts below the hairline no
        // scalp hair is left to find (what remains at the sides is not where a hair region belongs).
        var above = new Box(head.X, head.Y, head.W, Math.Max(0.01, face.Y - head.Y));
        var crops = new List<(string, Box, Truth)>
        {
            ("hairline close-up", Clip(new Box(face.X, head.Y, face.W, face.Y + (0.45 * face.H) - head.Y)), truth with { Head = above }),
            ("hair only", Clip(above), truth),
            ("hair cut off", Clip(new Box(0, face.Y + (0.15 * face.H), 1, 1 - face.Y - (0.15 * face.H))), truth with { Head = null }),
            ("below the chin", Clip(new Box(0, face.Y + face.H, 1, 1 - face.Y - face.H)), truth),
        };
        var beside = head.X > 1 - head.X - head.W ? new Box(0, 0, head.X, 1) : new Box(head.X + head.W, 0, 1 - head.X - head.W, 1);
        crops.Add(("beside the head", beside, truth));
        foreach (var (name, crop, kept) in crops.Where(c => c.Item2.W >= 0.08 && c.Item2.H >= 0.08))
        {
            yield return (name, Png(original, i => i.Crop(Pixels(crop, i.GetCurrentSize().Width, i.GetCurrentSize().Height))), kept.Map(b => b.Into(crop)), false);
        }

        // Occluders: a solid block over the whole face, over its lower half (a mask), and over the hair above the face.
        var blocks = new[]
        {
            ("block over the face", face),
            ("block over the lower face", new Box(face.X, face.Y + (face.H / 2), face.W, face.H / 2)),
            ("block over the hair", new Box(head.X, head.Y, head.W, Math.Max(0.02, face.Y - head.Y))),
        };
        foreach (var (name, block) in blocks)
        {
            yield return (name, Png(original, i => Fill(i, block)), truth with { Covered = [block] }, false);
        }
    }

    private static Box Clip(Box b)
    {
        double x0 = Math.Max(0, b.X), y0 = Math.Max(0, b.Y);
        return new Box(x0, y0, Math.Min(1, b.X + b.W) - x0, Math.Min(1, b.Y + b.H) - y0);
    }

    private static Rectangle Pixels(Box b, int width, int height)
    {
        int x = (int)Math.Round(b.X * width), y = (int)Math.Round(b.Y * height);
        return new Rectangle(x, y, Math.Max(1, Math.Min(width - x, (int)Math.Round(b.W * width))), Math.Max(1, Math.Min(height - y, (int)Math.Round(b.H * height))));
    }

    /// <summary>The photo upright (its EXIF orientation applied, as the boxes were drawn), changed, as a PNG.</summary>
    private static byte[] Png(byte[] original, Action<IImageProcessingContext> change)
    {
        using var image = Image.Load<Rgb24>(original);
        image.Mutate(c => change(c.AutoOrient()));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    private static void Cast(IImageProcessingContext context, double r, double g, double b) => context.ProcessPixelRowsAsVector4(row =>
    {
        foreach (ref var p in row)
        {
            p = new System.Numerics.Vector4((float)Math.Min(1, p.X * r), (float)Math.Min(1, p.Y * g), (float)Math.Min(1, p.Z * b), p.W);
        }
    });

    /// <summary>Paints a mid-grey block (an occluder) over a box.</summary>
    private static void Fill(IImageProcessingContext context, Box block)
    {
        var size = context.GetCurrentSize();
        var area = Pixels(Clip(block), size.Width, size.Height);
        context.ProcessPixelRowsAsVector4((row, point) =>
        {
            if (point.Y < area.Top || point.Y >= area.Bottom)
            {
                return;
            }

            for (int x = area.Left; x < area.Right; x++)
            {
                row[x] = new System.Numerics.Vector4(0.45f, 0.45f, 0.45f, 1);
            }
        });
    }

    /// <summary>
    /// Analyses a labelled photo as a request with no regions would be (with the models, or without them) and judges the
    /// guess; null when the service refused the photo (a 422 such as <c>regions.not_found</c>: no answer, no confidence).
    /// </summary>
    public static JudgedGuess? Judge(LabelledPhoto photo, PhotoAnalyzer withModels, PhotoAnalyzer withoutModels)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(withModels);
        ArgumentNullException.ThrowIfNull(withoutModels);
        AnalysisResult result;
        try
        {
            using var slot = (photo.ModelsOff ? withoutModels : withModels).Reserve(CancellationToken.None);
            result = slot.Analyze(photo.Photo, AnalysisForm.ParseOptions(null), CancellationToken.None);
        }
        catch (ProblemException refused) when (refused.Status == 422)
        {
            return null;
        }

        var regions = result.Regions;
        var hair = OptionsValidator.ToPolygon(regions.Hair);
        var skin = OptionsValidator.ToPolygon(regions.Skin);
        var truth = photo.Truth;
        bool other = photo.Several && regions.Face?.Rect is [var fx, var fy, var fw, var fh]
            && !(truth.Face is { } boxed && boxed.Grown(Margin).Contains(fx + (fw / 2), fy + (fh / 2)));
        return new JudgedGuess(photo, regions.Method!, regions.Score!.Value, regions.Confidence!.Value, HairRight(hair, truth), SkinRight(skin, truth),
            truth.Head is { } head ? Share(hair, head.Grown(Margin)) : 0, truth.Face is { } face ? Share(hair, face) : 0, other);
    }

    /// <summary>Margin for boxes drawn by hand and carried through resampling: 2 % of the frame.</summary>
    private const double Margin = 0.02;

    /// <summary>
    /// The rule: the hair region is right when at least 90 % of its area lies in the head box (grown by the margin), its
    /// centre is not in the middle of the face (the face box's middle half each way: eyes, nose, mouth), and at most a
    /// quarter of it is under an occluder. (The boxes were drawn loosely, hairline to chin, so a hair region around the
    /// face overlaps the face box's edges; PeopleRegionsTests uses the same head-box rule.)
    /// </summary>
    public static bool HairRight(IReadOnlyList<(double X, double Y)> region, Truth truth)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(truth);
        var centre = (X: region.Average(p => p.X), Y: region.Average(p => p.Y));
        return truth.Head is { } head
            && Share(region, head.Grown(Margin)) >= 0.9
            && (truth.Face is not { } face || !new Box(face.X + (face.W / 4), face.Y + (face.H / 4), face.W / 2, face.H / 2).Contains(centre.X, centre.Y))
            && truth.Covered.All(c => Share(region, c) <= 0.25);
    }

    /// <summary>
    /// The skin region is right when its centre lies in the face box, at least three quarters of its area in the face box
    /// grown by the margin, and at most a quarter under an occluder.
    /// </summary>
    public static bool SkinRight(IReadOnlyList<(double X, double Y)> region, Truth truth)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(truth);
        var centre = (X: region.Average(p => p.X), Y: region.Average(p => p.Y));
        return truth.Face is { } face
            && face.Contains(centre.X, centre.Y)
            && Share(region, face.Grown(Margin)) >= 0.75
            && truth.Covered.All(c => Share(region, c) <= 0.25);
    }

    /// <summary>Share of a polygon's area inside a box, by a 48 × 48 grid of points over the polygon's bounds.</summary>
    public static double Share(IReadOnlyList<(double X, double Y)> region, Box box)
    {
        double x0 = region.Min(p => p.X), x1 = region.Max(p => p.X), y0 = region.Min(p => p.Y), y1 = region.Max(p => p.Y);
        const int N = 48;
        int inside = 0, inBox = 0;
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double x = x0 + ((i + 0.5) * (x1 - x0) / N), y = y0 + ((j + 0.5) * (y1 - y0) / N);
                if (Geometry.Contains(region, x, y))
                {
                    inside++;
                    inBox += box.Contains(x, y) ? 1 : 0;
                }
            }
        }

        return inside == 0 ? 0 : (double)inBox / inside;
    }
}
