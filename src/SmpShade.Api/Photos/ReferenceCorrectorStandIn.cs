using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;

namespace SmpShade.Api.Photos;

/// <summary>
/// TEMPORARY stand-in until Photos/Reference (ReferenceCorrector, ChartGeometry) is on main: delete this file then
/// and call the real ones from <see cref="ReferenceStage"/>.
/// </summary>
internal static class ReferenceCorrectorStandIn
{
    public static ReferenceResult None(RgbColourSpace space) =>
        new("none", new ProfileCorrection(space), null, null, null,
            [new PhotoWarning("reference.none", "No grey card or chart: colours are as the camera saw them, typically ΔE00 5–20 off under room light.")]);

    public static ReferenceResult GreyCard(RgbColourSpace space, LinearRgb cardMean, Lab cardLab) => throw NotYet();

    public static ReferenceResult ColorChecker(RgbColourSpace space, IReadOnlyList<LinearRgb> patchMeans) => throw NotYet();

    public static IReadOnlyList<(double X, double Y)[]> PatchSamplingQuads(IReadOnlyList<(double X, double Y)> corners) => throw NotYet();

    private static PhotoRejectedException NotYet() =>
        new(StatusCodes.Status501NotImplemented, "reference.not_available", "This reference type is not available yet.");

    private sealed class ProfileCorrection(RgbColourSpace space) : IColourCorrection
    {
        public Xyz ToXyz(LinearRgb rgb) => space.LinearToXyz(rgb);
    }
}
