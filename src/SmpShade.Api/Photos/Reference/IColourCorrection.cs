using SmpShade.Colour;

namespace SmpShade.Api.Photos.Reference;

/// <summary>
/// Maps a region's mean linear RGB (in the photo's own profile space) to XYZ relative to D65.
/// Two implementations: a 3×3 matrix (<see cref="MatrixCorrection"/>: none, the grey card's von Kries gains, the chart's
/// matrix fit) and the chart's root-polynomial fit (<see cref="RootPolynomialCorrection"/>).
/// </summary>
public interface IColourCorrection
{
    /// <summary>Corrected tristimulus values (D65, white Y = 1) of a mean linear RGB.</summary>
    Xyz ToXyz(LinearRgb rgb);
}

/// <summary>The outcome of fitting a reference in the photo.</summary>
/// <param name="Type"><c>none</c>, <c>greyCard</c> or <c>colorChecker24</c>.</param>
/// <param name="Correction">The fitted correction.</param>
/// <param name="Model">For a chart, <c>matrix3x3</c> or <c>rootPolynomial2</c>; otherwise null.</param>
/// <param name="LooMeanDeltaE00">Chart: leave-one-out mean ΔE00 over the 24 patches.</param>
/// <param name="LooMaxDeltaE00">Chart: leave-one-out max ΔE00.</param>
/// <param name="Warnings">E.g. <c>reference.none</c>, <c>reference.poor_fit</c>.</param>
/// <param name="SkinCorrection">For the skin region, when the reference allows one made for skin (a chart:
/// <see cref="SkinSpectralCorrection"/>); null means skin goes through <paramref name="Correction"/> like everything else.</param>
/// <param name="Camera">Chart: the camera's responses under the photo's light, in XYZ through the photo's profile
/// (<see cref="CameraResponses.Transform"/>), for the answer's <c>reference.camera</c>; otherwise null.</param>
public sealed record ReferenceResult(
    string Type,
    IColourCorrection Correction,
    string? Model,
    double? LooMeanDeltaE00,
    double? LooMaxDeltaE00,
    IReadOnlyList<PhotoWarning> Warnings,
    IColourCorrection? SkinCorrection = null,
    CameraResponses? Camera = null)
{
    /// <summary>Chart: the corners used (normalised, dark-skin corner first, clockwise).</summary>
    public IReadOnlyList<(double X, double Y)>? Corners { get; init; }

    /// <summary>Chart: <c>given</c> (sent by the client) or <c>detected</c> (found by <see cref="ChartFinder"/>).</summary>
    public string? CornersFound { get; init; }

    /// <summary>The correction the skin region goes through.</summary>
    public IColourCorrection ForSkin => SkinCorrection ?? Correction;

    /// <summary>How the answer names the skin's correction: <c>skinSpectra</c>, or null when it is <see cref="Correction"/>.</summary>
    public string? SkinModel => SkinCorrection is null ? null : SkinSpectralCorrection.Name;
}
