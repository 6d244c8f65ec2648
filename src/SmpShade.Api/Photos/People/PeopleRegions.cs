using System.Runtime.InteropServices;
using OpenCvSharp;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Colour;

namespace SmpShade.Api.Photos.People;

/// <summary>Where the hair and skin of the chosen person are, and how sure the service is.</summary>
/// <param name="Hair">Scalp hair: the person mask above and around the face, face skin left out (a polygon).</param>
/// <param name="Skin">Forehead (preferred) or an upper cheek, from the face landmarks.</param>
/// <param name="SkinPlace"><c>forehead</c> or <c>cheek</c>.</param>
/// <param name="Score">Raw score, 0–1: detector score on the upright face × landmark face-presence × how much hair the mask held × how much of the scalp is in the frame (<see cref="RegionConfidence.PeopleScore"/>).</param>
/// <param name="Faces">Faces found in the photo.</param>
/// <param name="Face">The chosen face's box, normalised [x, y, w, h] on the upright photo.</param>
public sealed record PeopleGuess(RegionSpec Hair, RegionSpec Skin, string SkinPlace, double Score, int Faces, RegionSpec Face);

/// <summary>
/// What the people models made of a photo: their guess (null when they found no face) and the small upright copy they
/// searched (8-bit, the photo's colour space), on which the colour guess is taken when there is no face
/// (docs/auto-regions.md "No face"). The copy belongs to the caller, who disposes it.
/// </summary>
public sealed record PeopleSearch(PeopleGuess? Guess, PhotoPixels Copy);

/// <summary>
/// Hair and skin regions from people (issue 13): on a downscaled copy, find faces (<see cref="FaceDetector"/>), take the
/// largest, most central one, place its 468 landmarks (<see cref="FaceLandmarks"/>) and segment the person around it
/// (<see cref="PersonSegmentation"/>), all in the face's own up direction (<see cref="FaceUpright"/>), so a photo turned a
/// quarter or half round gets the same regions on the person. Skin is a patch of forehead (closest to scalp skin, away from eyes, brows, lips
/// and beard) or, when the forehead does not look like the cheeks' skin (a fringe over it), of an upper cheek. Hair is
/// the person mask above and beside the face, outside the face outline.
/// </summary>
public static class PeopleRegions
{
    /// <summary>The scales libjpeg decodes at without a full inverse DCT, largest reduction first.</summary>
    private static readonly int[] Reductions = [8, 4, 2];

    /// <summary>Detections per pass given to the landmark model (best scores first), bounding the work on a crowd.</summary>
    private const int MaxFacesPerPass = 8;

    /// <summary>People in the decoded photo (a format OpenCV does not decode early), and the copy searched.</summary>
    public static PeopleSearch Find(PhotoPixels pixels, PeopleModels models, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(models);
        var rgb = pixels.Thumbnail(maxSide, out int width, out int height);
        using var image = new Mat(height, width, MatType.CV_8UC3);
        using (var wrapped = Mat.FromPixelData(height, width, MatType.CV_8UC3, rgb))
        {
            Cv2.CvtColor(wrapped, image, ColorConversionCodes.RGB2BGR);
        }

        var copy = CopyOf(image, pixels.ColourSpace);
        try
        {
            return new PeopleSearch(Find(image, models, pixels.ColourSpace.Space), copy);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The same from a JPEG's bytes, for running beside the full decode: OpenCV decodes the photo at 1/2, 1/4 or 1/8 of
    /// its size (libjpeg's scaled inverse DCT; the stored pixels, then turned by the orientation ImageSharp read, so the copy
    /// is the photo the regions are measured on and the user sees), the largest reduction that still leaves
    /// the longer side at least <paramref name="maxSide"/>, then area-averages it to the size
    /// <see cref="PhotoPixels.Thumbnail"/> gives. Null when OpenCV cannot read the bytes or its upright size is not the
    /// photo's: the caller then finds people on the decoded photo.
    /// </summary>
    /// <param name="jpeg">The photo's bytes, already checked by <see cref="PhotoDecoder"/>.</param>
    /// <param name="photo">The photo's upright size and colour space, as the decoder read them.</param>
    /// <param name="models">The loaded models.</param>
    /// <param name="maxSide">The copy's longer side at most (<see cref="PhotoOptions.PeopleMaxSide"/>).</param>
    /// <param name="copied">
    /// Given the copy as soon as it is made, before the search (the caller takes the colour guess on it while the search runs);
    /// from then on the copy is the caller's to dispose, whatever the search does.
    /// </param>
    public static PeopleSearch? FindInJpeg(byte[] jpeg, PhotoHeader photo, PeopleModels models, int maxSide, Action<PhotoPixels> copied)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(copied);
        int longer = Math.Max(photo.Width, photo.Height);
        int reduction = Reductions.FirstOrDefault(f => (longer + f - 1) / f >= maxSide, 1);
        var mode = reduction switch
        {
            8 => ImreadModes.ReducedColor8,
            4 => ImreadModes.ReducedColor4,
            2 => ImreadModes.ReducedColor2,
            _ => ImreadModes.Color,
        };
        // OpenCV turns the pixels by its own reading of the EXIF orientation, which can differ from ImageSharp's (an
        // orientation written as a LONG rather than the SHORT TIFF 6.0 specifies: OpenCV applies it, ImageSharp and
        // browsers do not), and with a half turn or a mirror the sizes still agree: the copy would be turned against the
        // photo measured and shown. So OpenCV reads the pixels as stored and they are turned here as ImageSharp's are.
        using var stored = TryDecode(jpeg, mode | ImreadModes.IgnoreOrientation);
        using var turned = stored is null || photo.Orientation is < 2 or > 8 ? null : Upright(stored, photo.Orientation);
        var small = turned ?? stored;
        if (small is null || small.Empty() || small.Type() != MatType.CV_8UC3
            || small.Width != (photo.Width + reduction - 1) / reduction || small.Height != (photo.Height + reduction - 1) / reduction)
        {
            return null;
        }

        double scale = Math.Min(1.0, (double)maxSide / longer);
        int width = Math.Max(1, (int)Math.Round(photo.Width * scale)), height = Math.Max(1, (int)Math.Round(photo.Height * scale));
        using var resized = width == small.Width && height == small.Height ? null : new Mat();
        if (resized is not null)
        {
            Cv2.Resize(small, resized, new Size(width, height), 0, 0, InterpolationFlags.Area);
        }

        var image = resized ?? small;
        var copy = CopyOf(image, photo.ColourSpace);
        copied(copy);
        return new PeopleSearch(Find(image, models, photo.ColourSpace.Space), copy);
    }

    /// <summary>An 8-bit BGR image as upright photo pixels of <paramref name="colourSpace"/>.</summary>
    private static PhotoPixels.Eight CopyOf(Mat bgr, PhotoColourSpace colourSpace)
    {
        using var rgb = new Mat();
        Cv2.CvtColor(bgr, rgb, ColorConversionCodes.BGR2RGB);
        var copy = new SixLabors.ImageSharp.Image<Rgb24>(rgb.Width, rgb.Height);
        if (!rgb.IsContinuous() || !copy.DangerousTryGetSinglePixelMemory(out var memory))
        {
            copy.Dispose();
            throw new InvalidOperationException("The small copy is not one block of pixels.");
        }

        rgb.AsSpan<byte>().CopyTo(MemoryMarshal.AsBytes(memory.Span));
        return new PhotoPixels.Eight(copy, 1, colourSpace);
    }

    /// <summary>Stored pixels turned upright by an EXIF orientation (TIFF 6.0 tag 274: 2 mirrors, 3 half turn, 4 flips, 5 transposes, 6 turns clockwise, 7 transverses, 8 turns anticlockwise).</summary>
    internal static Mat Upright(Mat stored, int orientation)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var upright = new Mat();
        switch (orientation)
        {
            case 2: Cv2.Flip(stored, upright, FlipMode.Y); break;
            case 3: Cv2.Rotate(stored, upright, RotateFlags.Rotate180); break;
            case 4: Cv2.Flip(stored, upright, FlipMode.X); break;
            case 5: Cv2.Transpose(stored, upright); break;
            case 6: Cv2.Rotate(stored, upright, RotateFlags.Rotate90Clockwise); break;
            case 7: Cv2.Transpose(stored, upright); Cv2.Rotate(upright, upright, RotateFlags.Rotate180); break;
            case 8: Cv2.Rotate(stored, upright, RotateFlags.Rotate90Counterclockwise); break;
            default: stored.CopyTo(upright); break;
        }

        return upright;
    }

    private static Mat? TryDecode(byte[] jpeg, ImreadModes mode)
    {
        try
        {
            return Cv2.ImDecode(jpeg, mode);
        }
        catch (Exception error) when (error is OpenCVException or OpenCvSharpException)
        {
            return null;
        }
    }

    /// <summary>People in a small upright copy of the photo (8-bit BGR, encoded values of <paramref name="space"/>).</summary>
    private static PeopleGuess? Find(Mat image, PeopleModels models, RgbColourSpace space)
    {
        int width = image.Width, height = image.Height;
        var bgr = new byte[width * height * 3];
        using (var continuous = image.IsContinuous() ? null : image.Clone())
        {
            System.Runtime.InteropServices.Marshal.Copy((continuous ?? image).Data, bgr, 0, bgr.Length);
        }

        // A detection counts once the landmark model sees a face in it (presence ≥ 0.3): a shirt or a shadow the detector
        // takes for a face at one scale must not stop the search for the real, smaller faces at the next.
        var faces = new List<(DetectedFace Face, FaceMesh Mesh)>();
        foreach (var pass in FaceDetector.Passes(models, image))
        {
            faces.AddRange(pass.Take(MaxFacesPerPass).Select(f => (f, FaceLandmarks.Locate(models, image, f))).Where(f => f.Item2.Presence >= 0.3));
            if (faces.Count > 0)
            {
                break;
            }
        }

        if (faces.Count == 0)
        {
            return null;
        }

        var (face, mesh) = Choose(faces, width, height);
        // The detector's keypoints take an upside-down face for an upright one: the face is shown to the detector both
        // ways along their axis, and the landmarks are placed again the way it prefers when that is the other way.
        var upright = FaceUpright.Find(models, image, face);
        if (upright.Turned)
        {
            mesh = FaceLandmarks.Locate(models, image, upright.Face);
        }

        var frame = new FaceFrame(mesh);
        var (skin, place) = ChooseSkin(frame, mesh, bgr, width, height, space);
        var (hair, hairShare, inFrame) = PersonSegmentation.Hair(models, image, mesh, frame);
        if (hair is null)
        {
            return null;
        }

        return new PeopleGuess(
            Normalise(hair, width, height),
            Normalise(skin, width, height),
            place,
            RegionConfidence.PeopleScore(upright.Up, mesh.Presence, hairShare, inFrame),
            faces.Count,
            RegionSpec.FromRect(Math.Clamp(upright.Face.Box.X / width, 0, 1), Math.Clamp(upright.Face.Box.Y / height, 0, 1),
                Math.Round(upright.Face.Box.Width / width, 4), Math.Round(upright.Face.Box.Height / height, 4)));
    }

    /// <summary>The largest, most central face: area × exp(−2 d²), d the centre's distance from the photo's centre in half-diagonals.</summary>
    private static (DetectedFace Face, FaceMesh Mesh) Choose(List<(DetectedFace Face, FaceMesh Mesh)> faces, int width, int height)
    {
        double halfDiagonal = Math.Sqrt((width * width) + (height * height)) / 2;
        return faces.MaxBy(found =>
        {
            var f = found.Face;
            double dx = f.Centre.X - (width / 2.0), dy = f.Centre.Y - (height / 2.0);
            double d2 = ((dx * dx) + (dy * dy)) / (halfDiagonal * halfDiagonal);
            return f.Box.Width * f.Box.Height * Math.Exp(-2 * d2);
        })!;
    }

    /// <summary>
    /// Forehead: 0.40 face widths wide, from 25 % to 65 % of the way from between the brows (mesh point 9) to the top of
    /// the face (point 10), so it keeps clear of brows and of a low hairline or fringe. Cheeks: 0.22 × 0.16 face widths
    /// centred on points 50 and 280 (below the eyes, above the beard line). The forehead is used unless it is much darker than the cheeks (hair over it).
    /// </summary>
    private static (Point2d[] Polygon, string Place) ChooseSkin(FaceFrame frame, FaceMesh mesh, byte[] bgr, int width, int height, RgbColourSpace space)
    {
        double foreheadHeight = Distance(mesh[9], mesh[10]);
        var middle = new Point2d(mesh[9].X + (0.45 * (mesh[10].X - mesh[9].X)), mesh[9].Y + (0.45 * (mesh[10].Y - mesh[9].Y)));
        var forehead = frame.Rectangle(middle, 0.20 * frame.Width, 0.20 * foreheadHeight);
        var cheeks = new[] { frame.Rectangle(mesh[50], 0.11 * frame.Width, 0.08 * frame.Width), frame.Rectangle(mesh[280], 0.11 * frame.Width, 0.08 * frame.Width) };
        var foreheadLab = MedianLab(forehead, bgr, width, height, space);
        var cheekLabs = cheeks.Select(c => MedianLab(c, bgr, width, height, space)).ToArray();
        int brighter = cheekLabs[0].L >= cheekLabs[1].L ? 0 : 1;
        bool covered = foreheadLab.L < cheekLabs[brighter].L - 12 && DeltaE.Ciede2000(foreheadLab, cheekLabs[brighter]) > 10;
        return covered ? (cheeks[brighter], "cheek") : (forehead, "forehead");
    }

    private static Lab MedianLab(Point2d[] polygon, byte[] bgr, int width, int height, RgbColourSpace space)
    {
        var inside = new List<Lab>();
        var poly = polygon.Select(p => (p.X, p.Y)).ToList();
        int x0 = Math.Max(0, (int)polygon.Min(p => p.X)), x1 = Math.Min(width - 1, (int)polygon.Max(p => p.X));
        int y0 = Math.Max(0, (int)polygon.Min(p => p.Y)), y1 = Math.Min(height - 1, (int)polygon.Max(p => p.Y));
        for (int y = y0; y <= y1; y++)
        {
            for (int x = x0; x <= x1; x++)
            {
                if (Geometry.Contains(poly, x + 0.5, y + 0.5))
                {
                    int i = ((y * width) + x) * 3;
                    inside.Add(space.ToLab8(bgr[i + 2], bgr[i + 1], bgr[i]));
                }
            }
        }

        if (inside.Count == 0)
        {
            return new Lab(0, 0, 0);
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        return new Lab(Median(inside.Select(l => l.L)), Median(inside.Select(l => l.A)), Median(inside.Select(l => l.B)));
    }

    private static double Distance(Point2d a, Point2d b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static RegionSpec Normalise(Point2d[] polygon, int width, int height) => new()
    {
        Polygon = [.. polygon.Select(p => (IReadOnlyList<double>)[Math.Round(Math.Clamp(p.X / width, 0, 1), 5), Math.Round(Math.Clamp(p.Y / height, 0, 1), 5)])],
    };
}

/// <summary>
/// The face's own axes: u along the face (mesh point 234 → 454, the two sides at the cheekbones), v perpendicular to it
/// pointing down the face; the origin midway between 234 and 454; lengths in face widths.
/// </summary>
public sealed class FaceFrame
{
    public FaceFrame(FaceMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var a = mesh[234];
        var b = mesh[454];
        Origin = new Point2d((a.X + b.X) / 2, (a.Y + b.Y) / 2);
        Width = Math.Max(1e-6, Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y))));
        U = new Point2d((b.X - a.X) / Width, (b.Y - a.Y) / Width);
        V = new Point2d(-U.Y, U.X);
    }

    public Point2d Origin { get; }

    public double Width { get; }

    public Point2d U { get; }

    public Point2d V { get; }

    /// <summary>A point's (u, v) in face widths.</summary>
    public (double U, double V) ToFace(double x, double y)
    {
        double dx = x - Origin.X, dy = y - Origin.Y;
        return (((dx * U.X) + (dy * U.Y)) / Width, ((dx * V.X) + (dy * V.Y)) / Width);
    }

    /// <summary>A rectangle aligned with the face, centred on <paramref name="centre"/>, half-sizes in pixels.</summary>
    public Point2d[] Rectangle(Point2d centre, double halfU, double halfV)
    {
        Point2d At(double su, double sv) => new(centre.X + (su * halfU * U.X) + (sv * halfV * V.X), centre.Y + (su * halfU * U.Y) + (sv * halfV * V.Y));
        return [At(-1, -1), At(1, -1), At(1, 1), At(-1, 1)];
    }
}
