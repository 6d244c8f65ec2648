using SmpShade.Colour;
using SmpShade.Colour.Numerics;
using SmpShade.Colour.Skin;

namespace SmpShade.Api.Photos.Reference;

/// <summary>
/// The correction for the skin region when the photo holds a chart. A chart fit maps colour under the photo's light to
/// colour in daylight well for the chart's 24 paints, but skin's spectrum is not in their span: under tungsten light
/// the chart's 3×3 measures skin ≈ 4–6 ΔE00 off even when it fits the chart itself within 1 (README, Measurement
/// accuracy). So for skin the service asks what skin spectra would look like to this camera under this light (the
/// camera's responses estimated from the chart, <see cref="CameraResponses"/>; the skin spectra from
/// <see cref="SkinSpectraSet"/>) and fits the 3×3 that takes those responses to the same spectra's colour under D65.
/// Least squares on relative error (each spectrum weighted by 1/Y), so dark skins count as much as light ones.
/// </summary>
public static class SkinSpectralCorrection
{
    /// <summary>How the answer names this correction (<c>reference.skinModel</c>).</summary>
    public const string Name = "skinSpectra";

    /// <summary>The 3×3 for skin; null when the fit is degenerate.</summary>
    public static MatrixCorrection? Fit(CameraResponses camera, SkinSpectraSet skins)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(skins);
        int n = skins.Reflectances.Count;
        var x = new double[n, 3];
        var y = new double[n, 3];
        for (int k = 0; k < n; k++)
        {
            LinearRgb rgb = camera.Response(skins.Reflectances[k]);
            Xyz xyz = skins.XyzD65[k];
            double w = 1 / xyz.Y;
            (x[k, 0], x[k, 1], x[k, 2]) = (w * rgb.R, w * rgb.G, w * rgb.B);
            (y[k, 0], y[k, 1], y[k, 2]) = (w * xyz.X, w * xyz.Y, w * xyz.Z);
        }

        if (LinearSolver.LeastSquares(x, y) is not { } c)
        {
            return null;
        }

        var correction = MatrixCorrection.FromCoefficients(c);
        double determinant = correction.Matrix.Determinant;
        return double.IsFinite(determinant) && determinant != 0 ? correction : null;
    }
}
