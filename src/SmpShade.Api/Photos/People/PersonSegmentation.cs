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
    /// over the face's width squared, and the share of that scalp zone (person or not) inside the photo's frame.
    /// </summary>
    public static (Point2d[]? Polygon, double Share, double InFrame) Hair(PeopleModels models, Mat image, FaceMesh mesh, FaceFrame frame)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(frame);
        // The crop is turned by the quarter turn nearest the face's own (v, down the face), so the model sees the person
        // upright whichever way the photo is turned; quarter turns move pixels without resampling them, and an upright
        // face's crop is the photo's own axes. (cu, cv): the crop's right and down in the photo.
        double side = CropFaces * frame.Width;
        double scale = Side / side;
        var (cu, cv) = QuarterAxes(frame.V);
        var o = frame.Origin;
        double left = side / 2, top = FaceFromTop * side;
        using var m = new Mat(2, 3, MatType.CV_64FC1);
        m.Set(0, 0, scale * cu.X);
        m.Set(0, 1, scale * cu.Y);
        m.Set(0, 2, scale * (left - (o.X * cu.X) - (o.Y * cu.Y)));
        m.Set(1, 0, scale * cv.X);
        m.Set(1, 1, scale * cv.Y);
        m.Set(1, 2, scale * (top - (o.X * cv.X) - (o.Y * cv.Y)));
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
            return (null, 0, 0);
        }

        Point2d ToImage(double x, double y)
        {
            double a = (x / scale) - left, b = (y / scale) - top;
            return new(o.X + (a * cu.X) + (b * cv.X), o.Y + (a * cu.Y) + (b * cv.Y));
        }

        Point ToCrop(Point2d p)
        {
            double dx = p.X - o.X, dy = p.Y - o.Y;
            return new Point((int)Math.Round((((dx * cu.X) + (dy * cu.Y)) + left) * scale), (int)Math.Round((((dx * cv.X) + (dy * cv.Y)) + top) * scale));
        }

        using var face = new Mat(Side, Side, MatType.CV_8UC1, Scalar.All(0));
        var outline = FaceMesh.Oval.Select(i => ToCrop(mesh[i])).ToArray();
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
            int count = 0, zone = 0, zoneInFrame = 0;
            for (int y = 0; y < Side; y++)
            {
                for (int x = 0; x < Side; x++)
                {
                    int i = (y * Side) + x;
                    if (faceMask[i] != 0)
                    {
                        continue;
                    }

                    var p = ToImage(x + 0.5, y + 0.5);
                    var (u, v) = frame.ToFace(p.X, p.Y);
                    if (Math.Abs(u) <= 0.75 && v <= -0.1 && v >= topOfFace - 0.9)
                    {
                        zone++;
                        zoneInFrame += p.X >= 0 && p.Y >= 0 && p.X < image.Width && p.Y < image.Height ? 1 : 0;
                        if (inside[i] != 0)
                        {
                            hairMask[i] = 255;
                            count++;
                        }
                    }
                }
            }

            double inFrame = zone == 0 ? 0 : (double)zoneInFrame / zone;
            if (count == 0)
            {
                return (null, 0, inFrame);
            }

            hair.SetArray(hairMask);
            Cv2.FindContours(hair, out Point[][] contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
            var largest = contours.MaxBy(c => Cv2.ContourArea(c));
            if (largest is null || largest.Length < 3)
            {
                return (null, 0, 0);
            }

            double area = Cv2.ContourArea(largest) / (scale * scale);
            var simple = Cv2.ApproxPolyDP(largest, 1.0, closed: true);
            if (simple.Length < 3)
            {
                return (null, 0, 0);
            }

            return ([.. simple.Select(p => ToImage(p.X, p.Y))], area / (frame.Width * frame.Width), inFrame);
        }
        finally
        {
            hair.Dispose();
        }
    }

    /// <summary>The crop's right and down: the photo's axes turned by the quarter turn nearest the face's down, <paramref name="down"/>.</summary>
    internal static (Point2d Right, Point2d Down) QuarterAxes(Point2d down)
    {
        var axis = Math.Abs(down.Y) >= Math.Abs(down.X) ? new Point2d(0, Math.Sign(down.Y)) : new Point2d(Math.Sign(down.X), 0);
        return (new Point2d(axis.Y, -axis.X), axis);
    }
}
