using SmpShade.Colour;

namespace SmpShade.Api.Photos.Reference;

/// <summary>
/// Builds the colour correction for a photo from what reference it holds: nothing, a grey card or a
/// 24-patch ColorChecker (SCIENCE.md §2–4).
/// </summary>
public static class ReferenceCorrector
{
    /// <summary>Warning code when the photo holds no reference.</summary>
    public const string NoneCode = "reference.none";

    /// <summary>Warning code when the chart fit's leave-one-out mean ΔE00 exceeds <see cref="PoorFitThreshold"/>.</summary>
    public const string PoorFitCode = "reference.poor_fit";

    /// <summary>Leave-one-out mean ΔE00 above which a chart fit is reported as poor.</summary>
    public const double PoorFitThreshold = 3.0;

    private static readonly PhotoWarning NoneWarning = new(NoneCode,
        "No grey card or chart: colours are as the camera saw them, typically ΔE00 5–20 off under room light. "
        + "Retake with a grey card or ColorChecker in the frame.");

    /// <summary>No reference: the profile's own matrix maps linear RGB to XYZ (D65); warns <c>reference.none</c>.</summary>
    public static ReferenceResult None(RgbColourSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return new ReferenceResult("none", new ProfileCorrection(space), null, null, null, [NoneWarning]);
    }

    /// <summary>
    /// Grey card: von Kries gains in the Bradford cone space that take the card's measured colour to
    /// <paramref name="cardLab"/> (D65), applied to every colour.
    /// </summary>
    public static ReferenceResult GreyCard(RgbColourSpace space, LinearRgb cardMean, Lab cardLab)
    {
        ArgumentNullException.ThrowIfNull(space);
        throw new NotImplementedException("Grey-card correction lands in the next commit.");
    }

    /// <summary>
    /// ColorChecker 24: fits linear RGB → XYZ (D65) to the published patch values (3×3 matrix or
    /// degree-2 root-polynomial, whichever has the lower leave-one-out mean ΔE00).
    /// </summary>
    /// <param name="space">The photo's profile (used only to validate input here).</param>
    /// <param name="patchMeans">24 linear RGB means in chart order: dark skin first, row by row.</param>
    public static ReferenceResult ColorChecker(RgbColourSpace space, IReadOnlyList<LinearRgb> patchMeans)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(patchMeans);
        throw new NotImplementedException("Chart fitting lands in the next commit.");
    }

    private sealed class ProfileCorrection(RgbColourSpace space) : IColourCorrection
    {
        public Xyz ToXyz(LinearRgb rgb) => space.LinearToXyz(rgb);
    }
}
