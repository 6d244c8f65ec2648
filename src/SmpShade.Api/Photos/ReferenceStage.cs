using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;

namespace SmpShade.Api.Photos;

/// <summary>
/// Samples the reference the options name (grey-card region, chart patches) and asks the reference corrector
/// (Photos/Reference, docs/accuracy.md "The reference methods") for the correction every measured colour goes through.
/// </summary>
public static class ReferenceStage
{
    /// <summary>The correction for the photo; a reference that cannot be fitted is a 422 problem with the corrector's code.</summary>
    public static ReferenceResult Build(PhotoPixels pixels, AnalysisOptions options, PhotoOptions limits)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        var space = pixels.ColourSpace.Space;
        var reference = options.Reference;
        switch (reference?.Type ?? ReferenceTypes.None)
        {
            case ReferenceTypes.GreyCard:
                var card = pixels.Sample(OptionsValidator.ToPolygon(options.Regions!.Reference!), limits.MaxSamplesPerRegion);
                if (card.Linear.Length == 0)
                {
                    throw ProblemException.Unprocessable("reference.region_empty", "The grey card region has no usable pixels.",
                        "The region is smaller than a pixel or entirely clipped.");
                }

                // Default card: an 18 % reflectance neutral, L* ≈ 49.5 (docs/accuracy.md "The reference methods", Grey card).
                var cardLab = reference!.Lab?.ToLab() ?? ReferenceCorrector.NeutralCardLab(reference.Reflectance ?? ReferenceCorrector.DefaultCardReflectance);
                return ReferenceCorrector.GreyCard(space, Mean(card.Linear), cardLab, reference.Camera?.ToResponses());
            case ReferenceTypes.ColorChecker24:
                // No corners: the service finds the chart, and says which patches it saw hidden (left out of the fit).
                var found = reference!.Corners is null ? ChartFinder.Find(pixels) : null;
                IReadOnlyList<(double X, double Y)> given = reference.Corners?.Select(p => (p[0], p[1])).ToList() ?? found!.Corners;
                var corners = given.Select(p => (p.X * pixels.Width, p.Y * pixels.Height)).ToList();
                var means = new List<LinearRgb>(24);
                foreach (var quad in ChartGeometry.PatchSamplingQuads(corners))
                {
                    var patch = pixels.Sample(quad.Select(q => (q.X / pixels.Width, q.Y / pixels.Height)).ToList(), limits.MaxSamplesPerRegion);
                    if (patch.Read == 0)
                    {
                        throw ProblemException.Unprocessable("reference.patch_unusable", "A chart patch has no usable pixels.",
                            $"Patch {means.Count + 1} is smaller than a pixel: check the corners, or take the photo closer to the chart.");
                    }

                    // A patch clipped in any channel in more than a tenth of its pixels (the rest would be biased dark:
                    // ReferenceCorrector.MaxClippedPatchShare) is passed as NaN, so the fit leaves it out and lists it in
                    // reference.patches_clipped; the fit then keeps the brightest unclipped neutral white. Too few left:
                    // reference.chart_clipped.
                    means.Add(patch.Linear.Length == 0 || patch.ClippedFraction > ReferenceCorrector.MaxClippedPatchShare
                        ? new LinearRgb(double.NaN, double.NaN, double.NaN)
                        : Mean(patch.Linear));
                }

                return ReferenceCorrector.ColorChecker(space, means, found?.Occluded) with
                {
                    Corners = given,
                    CornersFound = reference.Corners is null ? Photos.CornersFound.Detected : Photos.CornersFound.Given,
                };
            default:
                return ReferenceCorrector.None(space);
        }
    }

    /// <summary>
    /// A surface colour cannot be lighter than white or outside the Lab range. A fitted reference that turns the
    /// measured hair or skin into such a colour was not where the request said (corners on the wrong spot, a "card"
    /// that is not neutral): answering with it would send an impossible target into matching, so it is refused.
    /// </summary>
    public static void EnsurePlausible(ReferenceResult reference, params (string Name, Lab Lab)[] measured)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(measured);
        // Headroom of 2 L* for noise and specular highlights on a correctly fitted white.
        const double MaxL = 102, MaxAbsAb = 128;
        foreach (var (name, lab) in measured)
        {
            if (lab.IsFinite && lab.L is >= 0 and <= MaxL && Math.Abs(lab.A) <= MaxAbsAb && Math.Abs(lab.B) <= MaxAbsAb)
            {
                continue;
            }

            string where = reference.Type == ReferenceTypes.None
                ? "The photo's own colours"
                : $"The {reference.Type} correction";
            throw ProblemException.Unprocessable("reference.implausible",
                "The reference correction gives an impossible colour.",
                FormattableString.Invariant(
                    $"{where} put the {name} at L* {lab.L:F1}, a* {lab.A:F1}, b* {lab.B:F1}, which no surface can have. Check that the card region or the chart's four corners are on the card or chart, dark-skin patch first, clockwise."));
        }
    }

    /// <summary>Mean of linear RGB values (linear light, so a plain mean is the physical average).</summary>
    public static LinearRgb Mean(IReadOnlyList<LinearRgb> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double r = 0, g = 0, b = 0;
        foreach (var v in values)
        {
            r += v.R;
            g += v.G;
            b += v.B;
        }

        int n = Math.Max(1, values.Count);
        return new LinearRgb(r / n, g / n, b / n);
    }
}
