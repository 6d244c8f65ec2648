using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace SmpShade.Api.Photos.People;

/// <summary>A face found by the detector, in pixels of the image it was found in.</summary>
/// <param name="Box">The face box.</param>
/// <param name="Score">Detector confidence, 0–1.</param>
/// <param name="RightEye">The person's right eye (usually on the image's left).</param>
/// <param name="LeftEye">The person's left eye.</param>
/// <param name="Nose">The nose tip.</param>
/// <param name="Mouth">The mouth's centre.</param>
public sealed record DetectedFace(Rect2d Box, double Score, Point2d RightEye, Point2d LeftEye, Point2d Nose, Point2d Mouth)
{
    public Point2d Centre => new(Box.X + (Box.Width / 2), Box.Y + (Box.Height / 2));
}

/// <summary>
/// MediaPipe's short-range face detector (BlazeFace, 128 × 128 input, 896 SSD anchors; Bazarevsky et al. 2019,
/// arXiv:1907.05047). Decoding follows the model's published graph (mediapipe/modules/face_detection/
/// face_detection_short_range.pbtxt): anchors from 4 layers with strides 8, 16, 16, 16, two anchors per layer and cell,
/// fixed anchor size; boxes and 6 keypoints scaled by 128; sigmoid scores over 0.5; then non-maximum suppression at
/// IoU 0.3. The image is letterboxed to a square so faces keep their shape.
/// </summary>
public static class FaceDetector
{
    private const int Side = 128;
    private const double MinScore = 0.5;
    private const double Overlap = 0.3;

    /// <summary>Anchor centres (normalised), in the model's output order.</summary>
    internal static readonly Point2d[] Anchors = BuildAnchors();

    /// <summary>
    /// Faces in <paramref name="image"/> (8-bit BGR), pass by pass from large faces to small ones, each pass's faces best
    /// score first: the whole frame; then 2 × 2 overlapping tiles, each seen at twice the scale (a group, a person
    /// farther away); then tiles of a third of the longer side overlapping by at least a third (people at play, a team photo),
    /// so a face a tenth of the frame high fills about a third of the detector's input, as the short-range model expects.
    /// The caller stops at the first pass with a face it confirms; a pass that finds nothing is skipped.
    /// </summary>
    public static IEnumerable<List<DetectedFace>> Passes(PeopleModels models, Mat image)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(image);
        yield return DetectIn(models, image, new Rect(0, 0, image.Width, image.Height));
        if (Math.Max(image.Width, image.Height) >= 2 * Side)
        {
            int tw = (int)(image.Width * 0.6), th = (int)(image.Height * 0.6);
            List<Rect> quarters = [new(0, 0, tw, th), new(image.Width - tw, 0, tw, th), new(0, image.Height - th, tw, th), new(image.Width - tw, image.Height - th, tw, th)];
            yield return Suppress(DetectInAll(models, image, quarters));
        }

        int fine = (Math.Max(image.Width, image.Height) + 2) / 3;
        if (fine >= Side)
        {
            var tiles = new List<Rect>();
            foreach (int y in Starts(image.Height, fine))
            {
                foreach (int x in Starts(image.Width, fine))
                {
                    tiles.Add(new Rect(x, y, Math.Min(fine, image.Width - x), Math.Min(fine, image.Height - y)));
                }
            }

            yield return Suppress(DetectInAll(models, image, tiles));
        }
    }

    /// <summary>
    /// Tile origins along one side: the fewest tiles, spread evenly from edge to edge, that overlap by at least a third of a
    /// tile, so every face up to a third of a tile across lies whole inside one of them. A third of the longer side gives
    /// 4 × 3 tiles on a 4:3 or 16:9 photo.
    /// </summary>
    internal static IEnumerable<int> Starts(int length, int tile)
    {
        int span = Math.Max(0, length - tile);
        int gaps = (int)Math.Ceiling(span / (tile * 2.0 / 3));
        for (int i = 0; i <= gaps; i++)
        {
            yield return gaps == 0 ? 0 : (int)Math.Round((double)span * i / gaps);
        }
    }

    /// <summary>The faces in each of <paramref name="tiles"/>, one tile after the other.</summary>
    private static List<DetectedFace> DetectInAll(PeopleModels models, Mat image, List<Rect> tiles)
    {
        // Spreading the tiles over two threads was measured no faster (issue 13, docs/auto-regions.md "Speed"): the passes
        // run beside the photo's full decode, which already has the other core.
        var faces = new List<DetectedFace>();
        foreach (var tile in tiles)
        {
            faces.AddRange(DetectIn(models, image, tile));
        }

        return faces;
    }

    private static List<DetectedFace> DetectIn(PeopleModels models, Mat image, Rect area)
    {
        using var part = new Mat(image, area);
        int side = Math.Max(area.Width, area.Height);
        double scale = (double)Side / side;
        int w = Math.Max(1, (int)Math.Round(area.Width * scale)), h = Math.Max(1, (int)Math.Round(area.Height * scale));
        using var square = new Mat(Side, Side, MatType.CV_8UC3, Scalar.All(0));
        int padX = (Side - w) / 2, padY = (Side - h) / 2;
        using (var resized = new Mat())
        {
            Cv2.Resize(part, resized, new Size(w, h), 0, 0, InterpolationFlags.Area);
            using var window = new Mat(square, new Rect(padX, padY, w, h));
            resized.CopyTo(window);
        }

        // Input range [-1, 1], RGB.
        using var blob = CvDnn.BlobFromImage(square, 1 / 127.5, new Size(Side, Side), new Scalar(127.5, 127.5, 127.5), swapRB: true, crop: false);
        // Only the anchors scoring over the threshold have their 16 regressor values read: copying all 57,344 of every
        // tile's output would allocate 230 kB (a large-object allocation) per tile.
        var candidates = models.Run(PeopleModels.Detector, net =>
        {
            net.SetInput(blob);
            var names = net.GetUnconnectedOutLayersNames().Select(n => n!).ToArray();
            var outputs = names.Select(_ => new Mat()).ToArray();
            try
            {
                net.Forward(outputs, names);
                var classes = outputs.Single(o => o.Total() == Anchors.Length);
                var regressors = outputs.Single(o => o.Total() == Anchors.Length * 16);
                var scores = PeopleModels.Floats(classes);
                var above = new List<(int Anchor, double Score, float[] Box)>();
                for (int i = 0; i < Anchors.Length; i++)
                {
                    double score = 1 / (1 + Math.Exp(-Math.Clamp(scores[i], -100f, 100f)));
                    if (score >= MinScore)
                    {
                        above.Add((i, score, PeopleModels.Floats(regressors, i * 16, 16)));
                    }
                }

                return above;
            }
            finally
            {
                foreach (var output in outputs)
                {
                    output.Dispose();
                }
            }
        });

        var found = new List<DetectedFace>();
        foreach (var (i, score, boxes) in candidates)
        {
            var a = Anchors[i];
            Point2d ToImage(double nx, double ny) => new((((nx * Side) - padX) / scale) + area.X, (((ny * Side) - padY) / scale) + area.Y);
            double cx = (boxes[0] / Side) + a.X, cy = (boxes[1] / Side) + a.Y;
            double bw = boxes[2] / Side, bh = boxes[3] / Side;
            var topLeft = ToImage(cx - (bw / 2), cy - (bh / 2));
            var box = new Rect2d(topLeft.X, topLeft.Y, bw * Side / scale, bh * Side / scale);
            var rightEye = ToImage((boxes[4] / Side) + a.X, (boxes[5] / Side) + a.Y);
            var leftEye = ToImage((boxes[6] / Side) + a.X, (boxes[7] / Side) + a.Y);
            var nose = ToImage((boxes[8] / Side) + a.X, (boxes[9] / Side) + a.Y);
            var mouth = ToImage((boxes[10] / Side) + a.X, (boxes[11] / Side) + a.Y);
            if (box.Width > 1 && box.Height > 1)
            {
                found.Add(new DetectedFace(box, score, rightEye, leftEye, nose, mouth));
            }
        }

        return Suppress(found);
    }

    /// <summary>Keeps the best-scoring box of each group overlapping by IoU above 0.3.</summary>
    private static List<DetectedFace> Suppress(List<DetectedFace> faces)
    {
        var kept = new List<DetectedFace>();
        foreach (var face in faces.OrderByDescending(f => f.Score))
        {
            if (kept.All(k => IoU(k.Box, face.Box) <= Overlap))
            {
                kept.Add(face);
            }
        }

        return kept;
    }

    private static double IoU(Rect2d a, Rect2d b)
    {
        double x0 = Math.Max(a.X, b.X), y0 = Math.Max(a.Y, b.Y);
        double x1 = Math.Min(a.X + a.Width, b.X + b.Width), y1 = Math.Min(a.Y + a.Height, b.Y + b.Height);
        double inter = Math.Max(0, x1 - x0) * Math.Max(0, y1 - y0);
        double union = (a.Width * a.Height) + (b.Width * b.Height) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /// <summary>SsdAnchorsCalculator with the graph's options: layers with equal strides share one grid (2 anchors each).</summary>
    private static Point2d[] BuildAnchors()
    {
        var anchors = new List<Point2d>();
        foreach (var (stride, perCell) in new[] { (8, 2), (16, 6) })
        {
            int cells = Side / stride;
            for (int y = 0; y < cells; y++)
            {
                for (int x = 0; x < cells; x++)
                {
                    for (int k = 0; k < perCell; k++)
                    {
                        anchors.Add(new Point2d((x + 0.5) / cells, (y + 0.5) / cells));
                    }
                }
            }
        }

        return [.. anchors];
    }
}
