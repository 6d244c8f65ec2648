using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace SmpShade.Api.Photos.People;

/// <summary>The way up a found face was judged, and the detector's best scores near the middle of its crop both ways.</summary>
/// <param name="Face">The face as the detector sees it upright: the one found, or, when it was upside down, found again on the turned crop.</param>
/// <param name="Turned">The detector's keypoints had the face upside down.</param>
/// <param name="Up">The detector's best score the way judged up.</param>
/// <param name="Down">Its best score turned half round from there.</param>
public sealed record UprightFace(DetectedFace Face, bool Turned, double Up, double Down);

/// <summary>
/// Which way up a found face is. The detector's eye keypoints give the face's axis, and are right for a face turned a
/// quarter either way, but on an upside-down face they come back as if it were upright (issue 13: the hair was then
/// placed below the chin), and the landmark model sees a face either way up (face presence about 1 both ways). The
/// detector itself scores an upright face higher than an upside-down one (on the tests' eight portraits turned half
/// round: 0.89–0.94 upright, 0.52–0.77 upside down), so the face is shown to it both ways along the keypoints' axis, and
/// the way it scores higher is up. A face found upside down is found again on the crop turned upright, whose box and
/// keypoints, mapped back, are where the landmark model is then run: the first box of an upside-down face is off centre.
/// </summary>
public static class FaceUpright
{
    private const int Side = 128;

    /// <summary>The crop's side in face-box sides: the face fills half of it, as the short-range model's faces do.</summary>
    private const double CropFaces = 2.0;

    public static UprightFace Find(PeopleModels models, Mat image, DetectedFace face)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        double level = Math.Atan2(face.LeftEye.Y - face.RightEye.Y, face.LeftEye.X - face.RightEye.X) * 180 / Math.PI;
        var asFound = Detect(models, image, face, level);
        var turned = Detect(models, image, face, level + 180);
        return turned.Score > asFound.Score && turned.Face is { } again
            ? new UprightFace(again, true, turned.Score, asFound.Score)
            : new UprightFace(face, false, asFound.Score, turned.Score);
    }

    /// <summary>
    /// The detector on a crop around the face turned by <paramref name="angle"/> (degrees, OpenCV's sense): its best score over
    /// anchors in the middle half of the crop, and that anchor's face mapped back to the image (null when it scores under 0.5).
    /// </summary>
    public static (double Score, DetectedFace? Face) Detect(PeopleModels models, Mat image, DetectedFace face, double angle)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        var c = face.Centre;
        double side = Math.Max(face.Box.Width, face.Box.Height) * CropFaces;
        using var m = Cv2.GetRotationMatrix2D(new Point2f((float)c.X, (float)c.Y), angle, Side / side);
        m.Set(0, 2, m.At<double>(0, 2) + (Side / 2.0) - c.X);
        m.Set(1, 2, m.At<double>(1, 2) + (Side / 2.0) - c.Y);
        using var crop = new Mat();
        Cv2.WarpAffine(image, crop, m, new Size(Side, Side), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        using var blob = CvDnn.BlobFromImage(crop, 1 / 127.5, new Size(Side, Side), new Scalar(127.5, 127.5, 127.5), swapRB: true, crop: false);
        var (best, logit, regressors) = models.Run(PeopleModels.Detector, net =>
        {
            net.SetInput(blob);
            var names = net.GetUnconnectedOutLayersNames().Select(n => n!).ToArray();
            var outputs = names.Select(_ => new Mat()).ToArray();
            try
            {
                net.Forward(outputs, names);
                var logits = PeopleModels.Floats(outputs.Single(o => o.Total() == FaceDetector.Anchors.Length));
                int at = -1;
                for (int i = 0; i < logits.Length; i++)
                {
                    var a = FaceDetector.Anchors[i];
                    if (a.X is >= 0.25 and <= 0.75 && a.Y is >= 0.25 and <= 0.75 && (at < 0 || logits[i] > logits[at]))
                    {
                        at = i;
                    }
                }

                return (at, logits[at], PeopleModels.Floats(outputs.Single(o => o.Total() == FaceDetector.Anchors.Length * 16), at * 16, 16));
            }
            finally
            {
                foreach (var output in outputs)
                {
                    output.Dispose();
                }
            }
        });

        double score = 1 / (1 + Math.Exp(-Math.Clamp(logit, -100, 100)));
        if (score < 0.5)
        {
            return (score, null);
        }

        // Crop pixels back to the image: the inverse of the crop's similarity transform.
        using var inverse = new Mat();
        Cv2.InvertAffineTransform(m, inverse);
        double a00 = inverse.At<double>(0, 0), a01 = inverse.At<double>(0, 1), a02 = inverse.At<double>(0, 2);
        double a10 = inverse.At<double>(1, 0), a11 = inverse.At<double>(1, 1), a12 = inverse.At<double>(1, 2);
        var anchor = FaceDetector.Anchors[best];
        Point2d Key(int k)
        {
            double x = regressors[k] + (anchor.X * Side), y = regressors[k + 1] + (anchor.Y * Side);
            return new Point2d((a00 * x) + (a01 * y) + a02, (a10 * x) + (a11 * y) + a12);
        }

        // Keypoints 4–11 of the regressors: right eye, left eye, nose tip, mouth; the box (0–3) is kept square in size.
        var centre = Key(0);
        double size = Math.Max(regressors[2], regressors[3]) * side / Side;
        return (score, new DetectedFace(new Rect2d(centre.X - (size / 2), centre.Y - (size / 2), size, size), score, Key(4), Key(6), Key(8), Key(10)));
    }
}
