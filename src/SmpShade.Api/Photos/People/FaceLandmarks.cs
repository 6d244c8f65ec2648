using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace SmpShade.Api.Photos.People;

/// <summary>The 468 face-mesh points of one face, in pixels of the image, and the model's face-presence score.</summary>
public sealed record FaceMesh(Point2d[] Points, double Presence)
{
    /// <summary>The mesh's outline (MediaPipe's FACEMESH_FACE_OVAL, in order round the face).</summary>
    public static readonly int[] Oval =
        [10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136,
         172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109];

    public Point2d this[int index] => Points[index];
}

/// <summary>
/// MediaPipe's face landmark model (192 × 192 input, 468 points; Kartynnik et al. 2019, arXiv:1907.06724). As in
/// MediaPipe's face-mesh graph, the crop is the detector's box turned so the eyes are level, squared on its longer side
/// and enlarged 1.5 ×; input range [0, 1]; the points come back in crop pixels and are mapped back to the image.
/// </summary>
public static class FaceLandmarks
{
    private const int Side = 192;
    private const int PointCount = 468;

    public static FaceMesh Locate(PeopleModels models, Mat image, DetectedFace face)
    {
        ArgumentNullException.ThrowIfNull(face);
        return Locate(models, image, face, Math.Atan2(face.LeftEye.Y - face.RightEye.Y, face.LeftEye.X - face.RightEye.X) * 180 / Math.PI);
    }

    public static FaceMesh Locate(PeopleModels models, Mat image, DetectedFace face, double angle)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        var c = face.Centre;
        double side = Math.Max(face.Box.Width, face.Box.Height) * 1.5;
        // Rotating by +angle about the face centre levels the eyes (OpenCV: positive is anticlockwise on screen).
        using var m = Cv2.GetRotationMatrix2D(new Point2f((float)c.X, (float)c.Y), angle, Side / side);
        m.Set(0, 2, m.At<double>(0, 2) + (Side / 2.0) - c.X);
        m.Set(1, 2, m.At<double>(1, 2) + (Side / 2.0) - c.Y);
        using var crop = new Mat();
        Cv2.WarpAffine(image, crop, m, new Size(Side, Side), InterpolationFlags.Linear, BorderTypes.Replicate);
        using var blob = CvDnn.BlobFromImage(crop, 1 / 255.0, new Size(Side, Side), new Scalar(0, 0, 0), swapRB: true, crop: false);
        var (points, presence) = models.Run(PeopleModels.Landmarks, net =>
        {
            net.SetInput(blob);
            var names = net.GetUnconnectedOutLayersNames().Select(n => n!).ToArray();
            var outputs = names.Select(_ => new Mat()).ToArray();
            try
            {
                net.Forward(outputs, names);
                return (PeopleModels.Floats(outputs.Single(o => o.Total() == PointCount * 3)), PeopleModels.Floats(outputs.Single(o => o.Total() == 1))[0]);
            }
            finally
            {
                foreach (var output in outputs)
                {
                    output.Dispose();
                }
            }
        });

        using var inverse = new Mat();
        Cv2.InvertAffineTransform(m, inverse);
        double a00 = inverse.At<double>(0, 0), a01 = inverse.At<double>(0, 1), a02 = inverse.At<double>(0, 2);
        double a10 = inverse.At<double>(1, 0), a11 = inverse.At<double>(1, 1), a12 = inverse.At<double>(1, 2);
        var mapped = new Point2d[PointCount];
        for (int i = 0; i < PointCount; i++)
        {
            double x = points[i * 3], y = points[(i * 3) + 1];
            mapped[i] = new Point2d((a00 * x) + (a01 * y) + a02, (a10 * x) + (a11 * y) + a12);
        }

        return new FaceMesh(mapped, 1 / (1 + Math.Exp(-presence)));
    }
}
