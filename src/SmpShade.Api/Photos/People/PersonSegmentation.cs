using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace SmpShade.Api.Photos.People;

/// <summary>
/// MediaPipe's selfie segmentation (general model, 256 × 256 input in [0, 1], one person-probability channel) run on a
/// head-and-shoulders crop around the chosen face, the framing the model was trained on; then the scalp hair is read
/// off its mask.
/// </summary>
public static class PersonSegmentation
{
    private const int Side = 256;

    /// <summary>Crop side in face widths, and where the face centre sits from the crop's top (share of the side).</summary>
    private const double CropFaces = 3.2;
    private const double FaceFromTop = 0.42;

    /// <summary>
    /// Scalp hair: person (probability over 0.5, shrunk by 0.03 face widths), outside the face outline grown by 0.06 face widths, within 0.75 face
    /// widths either side of the face's centre line, above the eyes (0.1 face widths over the cheekbone line, so ears
    /// and sideburns stay out) and at most 0.9 face widths above the
    /// top of the face outline (mesh point 10). The largest connected part becomes the polygon. Also returns its area
    /// over the face's width squared.
    /// </summary>
    public static (Point2d[]? Polygon, double Share) Hair(PeopleModels models, Mat image, FaceMesh mesh, FaceFrame frame)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(frame);
        double side = CropFaces * frame.Width;
        double scale = Side / side;
        double left = frame.Origin.X - (side / 2), top = frame.Origin.Y - (FaceFromTop * side);
        using var m = new Mat(2, 3, MatType.CV_64FC1);
        m.Set(0, 0, scale);
        m.Set(0, 1, 0.0);
        m.Set(0, 2, -left * scale);
        m.Set(1, 0, 0.0);
        m.Set(1, 1, scale);
        m.Set(1, 2, -top * scale);
        using var crop = new Mat();
        Cv2.WarpAffine(image, crop, m, new Size(Side, Side), InterpolationFlags.Area, BorderTypes.Constant, Scalar.All(0));
        using var blob = CvDnn.BlobFromImage(crop, 1 / 255.0, new Size(Side, Side), new Scalar(0, 0, 0), swapRB: true, crop: false);
        var probability = models.Run(PeopleModels.Segmentation, net =>
        {
            net.SetInput(blob);
            using var output = net.Forward();
            return PeopleModels.Floats(output);
        });
        if (probability.Length != Side * Side)
        {
            return (null, 0);
        }

        Point2d ToImage(double x, double y) => new((x / scale) + left, (y / scale) + top);
        using var face = new Mat(Side, Side, MatType.CV_8UC1, Scalar.All(0));
        var outline = FaceMesh.Oval.Select(i => new Point((int)Math.Round((mesh[i].X - left) * scale), (int)Math.Round((mesh[i].Y - top) * scale))).ToArray();
        Cv2.FillPoly(face, [outline], Scalar.All(255));
        int grow = Math.Max(1, (int)Math.Round(0.06 * frame.Width * scale));
        using (var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size((2 * grow) + 1, (2 * grow) + 1)))
        {
            Cv2.Dilate(face, face, kernel);
        }

        // The mask's edge is soft (background shows through fine hair): keep 0.03 face widths inside it.
        using var person = new Mat(Side, Side, MatType.CV_8UC1);
        person.SetArray(probability.Select(p => p > 0.5f ? (byte)255 : (byte)0).ToArray());
        int shrink = Math.Max(1, (int)Math.Round(0.03 * frame.Width * scale));
        using (var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size((2 * shrink) + 1, (2 * shrink) + 1)))
        {
            Cv2.Erode(person, person, kernel);
        }

        person.GetArray(out byte[] inside);
        double topOfFace = frame.ToFace(mesh[10].X, mesh[10].Y).V;
        var hair = new Mat(Side, Side, MatType.CV_8UC1, Scalar.All(0));
        try
        {
            face.GetArray(out byte[] faceMask);
            var hairMask = new byte[Side * Side];
            int count = 0;
            for (int y = 0; y < Side; y++)
            {
                for (int x = 0; x < Side; x++)
                {
                    int i = (y * Side) + x;
                    if (inside[i] == 0 || faceMask[i] != 0)
                    {
                        continue;
                    }

                    var p = ToImage(x + 0.5, y + 0.5);
                    var (u, v) = frame.ToFace(p.X, p.Y);
                    if (Math.Abs(u) <= 0.75 && v <= -0.1 && v >= topOfFace - 0.9)
                    {
                        hairMask[i] = 255;
                        count++;
                    }
                }
            }

            if (count == 0)
            {
                return (null, 0);
            }

            hair.SetArray(hairMask);
            Cv2.FindContours(hair, out Point[][] contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
            var largest = contours.MaxBy(c => Cv2.ContourArea(c));
            if (largest is null || largest.Length < 3)
            {
                return (null, 0);
            }

            double area = Cv2.ContourArea(largest) / (scale * scale);
            var simple = Cv2.ApproxPolyDP(largest, 1.0, closed: true);
            if (simple.Length < 3)
            {
                return (null, 0);
            }

            return ([.. simple.Select(p => ToImage(p.X, p.Y))], area / (frame.Width * frame.Width));
        }
        finally
        {
            hair.Dispose();
        }
    }
}
