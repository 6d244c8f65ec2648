using SmpShade.Api.Infrastructure;
using SmpShade.Colour;
using SmpShade.Colour.Skin;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Photos.Reference;

/// <summary>
/// Builds the colour correction for a photo from the reference it holds: nothing, a grey card or a
/// 24-patch ColorChecker (docs/accuracy.md, "The reference methods").
/// </summary>
public static class ReferenceCorrector
{
    /// <summary>422: the reference in the photo cannot give a correction (a black card, chart patches that do not span colour).</summary>
    public static ProblemException Unusable(string code, string detail) =>
        ProblemException.Unprocessable(code, "The reference could not be used.", detail);

    /// <summary>Warning code when the photo holds no reference.</summary>
    public const string NoneCode = "reference.none";

    /// <summary>Warning code when the chart fit's leave-one-out mean ΔE00 exceeds <see cref="PoorFitThreshold"/>.</summary>
    public const string PoorFitCode = "reference.poor_fit";

    /// <summary>Leave-one-out mean ΔE00 above which a chart fit is reported as poor (<c>reference.poor_fit</c>, docs/accuracy.md "The reference methods").</summary>
    public const double PoorFitThreshold = 3.0;

    /// <summary>Warning code when some chart patches were clipped and left out of the fit.</summary>
    public const string ClippedCode = "reference.patches_clipped";

    /// <summary>Warning code when the chart search saw some patches hidden (a leaf, a finger over them) and left them out of the fit.</summary>
    public const string OccludedCode = "reference.patches_occluded";

    /// <summary>Fewest unclipped patches a chart fit accepts: twice the root-polynomial's 6 terms.</summary>
    public const int MinimumUsablePatches = 12;

    /// <summary>
    /// A patch with more than this share of its sampled pixels clipped (a channel ≥ 0.98 or all ≤ 0.02, encoded) is left out
    /// of the fit, tapped or found (issue 13). Averaging only the unclipped pixels is biased: the ceiling removes the
    /// brightest pixels, so the mean is darker than the patch. Measured on the 70 unclipped patches of the tests' five real
    /// chart photos (ClippedPatchRuleTests, ceilings placed at each patch's own quantiles), the bias is ΔE00 0.09 median,
    /// 0.21 at the 90th percentile when 10 % clip, against 0.36 and 0.84 at 50 % (the old limit). The white patch anchors the
    /// white-preserving fit, so its bias moves every colour: the Classic close-up's 45 %-clipped white put its
    /// leave-one-out mean at 9.7; left out, 6.8.
    /// </summary>
    public const double MaxClippedPatchShare = 0.10;

    /// <summary>Encoded channel values at or beyond which a patch mean counts as clipped (the pixels' thresholds, docs/api.md "Analysing a photo"; docs/accuracy.md "The reference methods").</summary>
    public const double ClipLow = 0.02, ClipHigh = 0.98;

    /// <summary>
    /// Notice when a grey card came with a chart's calibration: it holds only for the phone and light of that chart photo,
    /// which the card itself cannot confirm.
    /// </summary>
    public const string CalibrationUsedCode = "reference.calibration_used";

    private static readonly PhotoWarning CalibrationUsed = new(CalibrationUsedCode,
        "Skin was corrected with the camera calibration sent with the request. It is right only for the phone and the light of the chart photo it came from; "
        + "the card cannot show a change of light. If the room's light or the phone changed, take a new chart photo.");

    /// <summary>Reflectance of a standard photographic grey card (18 %, L* ≈ 49.5).</summary>
    public const double DefaultCardReflectance = 0.18;

    private static readonly PhotoWarning NoneWarning = new(NoneCode,
        "No grey card or chart: colours are as the camera saw them, typically ΔE00 5–20 off under room light. "
        + "Retake with a grey card or ColorChecker in the frame.");

    /// <summary>No reference: the profile's own matrix maps linear RGB to XYZ (D65); warns <c>reference.none</c>.</summary>
    public static ReferenceResult None(RgbColourSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return new ReferenceResult(ReferenceTypes.None, new MatrixCorrection(space.RgbToXyzD65), null, null, null, [NoneWarning]);
    }

    /// <summary>The D65 Lab of a neutral card of the given luminance reflectance (0.18 → L* 49.50, a* = b* = 0).</summary>
    public static Lab NeutralCardLab(double reflectance = DefaultCardReflectance)
    {
        if (!(reflectance > 0 && reflectance <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(reflectance), reflectance, "A card's reflectance lies in (0, 1].");
        }

        return (WhitePoint.D65.Xyz * reflectance).ToLab(WhitePoint.D65);
    }

    /// <summary>
    /// Grey card: von Kries gains in the Bradford cone space that take the card's colour as the profile sees it to
    /// <paramref name="cardLab"/> (D65), applied to every colour. Fixes white balance and exposure together.
    /// </summary>
    /// <param name="space">The photo's profile: linear RGB → XYZ (D65) before correction.</param>
    /// <param name="cardMean">Mean linear RGB of the card region.</param>
    /// <param name="cardLab">The card's colour under D65; see <see cref="NeutralCardLab"/> for the default card.</param>
    /// <param name="calibration">Optional: the camera's responses in XYZ from an earlier chart photo with the same phone
    /// under the same light (<see cref="ReferenceResult.Camera"/>). The card then sets each channel's gain, and skin
    /// goes through <see cref="SkinSpectralCorrection"/>; hair keeps the von Kries gains.</param>
    /// <exception cref="ProblemException">422 <c>reference.card_unusable</c> when the card is black or not finite;
    /// <c>reference.camera_unusable</c> when the calibration does not see the card.</exception>
    public static ReferenceResult GreyCard(RgbColourSpace space, LinearRgb cardMean, Lab cardLab, CameraResponses? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        Xyz seen = space.LinearToXyz(cardMean);
        Xyz target = cardLab.ToXyz(WhitePoint.D65);
        Xyz seenCone = ChromaticAdaptation.BradfordCone.Apply(seen);
        Xyz targetCone = ChromaticAdaptation.BradfordCone.Apply(target);
        if (!seen.IsFinite || !target.IsFinite || !(seenCone.X > 0 && seenCone.Y > 0 && seenCone.Z > 0)
            || !(targetCone.X > 0 && targetCone.Y > 0 && targetCone.Z > 0))
        {
            throw Unusable("reference.card_unusable",
                "The grey card region is black or has no usable colour: check the region and the exposure.");
        }

        // Bradford cone response of the card → the target's, as one matrix: M⁻¹ · diag(target/seen) · M · profile.
        Matrix3 matrix = ChromaticAdaptation.BradfordMatrix(seen, target) * space.RgbToXyzD65;
        MatrixCorrection? skin = calibration is null ? null : CalibratedSkin(space, cardMean, target.Y, calibration);
        return new ReferenceResult(ReferenceTypes.GreyCard, new MatrixCorrection(matrix), null, null, null, skin is null ? [] : [CalibrationUsed], skin);
    }

    /// <summary>
    /// Skin with a grey card and an earlier chart's calibration: the calibration, brought into this photo's profile,
    /// predicts the card; the ratio of the card as measured to that prediction is each channel's gain (exposure and this
    /// photo's white balance, which a phone sets anew for every frame). The gained responses then see the skin spectra
    /// as this photo would, and <see cref="SkinSpectralCorrection"/> fits the skin's 3×3 from them. The card is taken
    /// as spectrally flat at its luminance reflectance.
    /// </summary>
    private static MatrixCorrection CalibratedSkin(RgbColourSpace space, LinearRgb cardMean, double cardReflectance, CameraResponses calibration)
    {
        CameraResponses inPhoto = calibration.Transform(space.RgbToXyzD65.Invert());
        LinearRgb predicted = inPhoto.Response([.. Enumerable.Repeat(cardReflectance, VisibleGrid.Count)]);
        double gr = cardMean.R / predicted.R, gg = cardMean.G / predicted.G, gb = cardMean.B / predicted.B;
        MatrixCorrection? skin = double.IsFinite(gr) && double.IsFinite(gg) && double.IsFinite(gb) && gr > 0 && gg > 0 && gb > 0
            ? SkinSpectralCorrection.Fit(inPhoto.Transform(Matrix3.Diagonal(gr, gg, gb)), SkinSpectraSet.Default)
            : null;
        return skin ?? throw Unusable("reference.camera_unusable",
            "The camera calibration does not see the grey card as this photo does (a channel would need a negative or no gain): send back reference.camera from a chart photo taken with this phone under this light, unchanged.");
    }

    /// <summary>
    /// ColorChecker 24: fits linear RGB → XYZ (D65) to the published patch values with a 3×3 matrix and the
    /// degree-2 root-polynomial, each white-point preserving and ridge-regularised toward the chart's own white balance
    /// (<see cref="ChartFitOptions"/>), and keeps the model and ridge strength with the lowest leave-one-out mean ΔE00
    /// (the matrix, then the weaker ridge, on a tie). Patches with a black or saturated channel are left out (<c>reference.patches_clipped</c>).
    /// Skin gets its own correction (<see cref="ReferenceResult.SkinCorrection"/>, <see cref="SkinSpectralCorrection"/>).
    /// Warns <c>reference.poor_fit</c> above <see cref="PoorFitThreshold"/>.
    /// </summary>
    /// <param name="space">The photo's profile (the fit replaces its matrix; its curves have already linearised the means).</param>
    /// <param name="patchMeans">24 linear RGB means in chart order: dark skin first, row by row. A patch without usable
    /// pixels may be passed as NaN: it is left out like a clipped one.</param>
    /// <param name="occluded">Patches (chart order) the chart search saw hidden: left out and listed in <c>reference.patches_occluded</c>.</param>
    /// <exception cref="ProblemException">422 <c>reference.chart_degenerate</c> when the patches cannot be fitted,
    /// <c>reference.chart_clipped</c> when fewer than 12 patches are unclipped (<c>reference.chart_occluded</c> when some of the missing ones were hidden).</exception>
    public static ReferenceResult ColorChecker(RgbColourSpace space, IReadOnlyList<LinearRgb> patchMeans, IReadOnlyCollection<int>? occluded = null)
    {
        occluded ??= [];
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(patchMeans);
        if (patchMeans.Count != ColorCheckerReference.Patches.Count)
        {
            throw new ArgumentException($"A ColorChecker has {ColorCheckerReference.Patches.Count} patches, not {patchMeans.Count}.", nameof(patchMeans));
        }

        // A patch with a channel crushed to black or saturated has lost its colour (the cyan patch often falls outside
        // sRGB and clips to R = 0): it would pull the fit, so it is left out, with the same thresholds as pixels (§3).
        // So is a patch with no finite mean (a caller whose patch had no usable pixels may pass NaN).
        var usable = Enumerable.Range(0, patchMeans.Count).Where(i => !occluded.Contains(i) && !IsClipped(space, patchMeans[i])).ToList();
        if (usable.Count < MinimumUsablePatches)
        {
            throw occluded.Count > 0
                ? Unusable("reference.chart_occluded", FormattableString.Invariant(
                    $"Only {usable.Count} of the 24 chart patches are visible and neither black nor saturated ({occluded.Count} are hidden); at least {MinimumUsablePatches} are needed. Move what covers the chart."))
                : Unusable("reference.chart_clipped", FormattableString.Invariant(
                    $"Only {usable.Count} of the 24 chart patches are neither black nor saturated in some channel; at least {MinimumUsablePatches} are needed. Check the exposure and the corners."));
        }

        LinearRgb[] rgb = [.. usable.Select(i => patchMeans[i])];
        Xyz[] targets = [.. usable.Select(i => ColorCheckerReference.XyzD65[i])];

        // Every fit maps the chart's white exactly; the ridge toward the chart's own white balance is chosen with the
        // model by leave-one-out, the simpler candidate (matrix, then smaller λ) winning ties.
        string[] models = [ChartFit.Matrix, ChartFit.RootPolynomial];
        ChartFit best = models
            .SelectMany(model => ChartFit.RidgeGrid.Select(lambda => ChartFit.Fit(model, rgb, targets, new ChartFitOptions(space, lambda))))
            .Aggregate((kept, fit) => fit.LooMean < kept.LooMean - 1e-9 ? fit : kept);
        var warnings = new List<PhotoWarning>();
        if (occluded.Count > 0)
        {
            warnings.Add(new PhotoWarning(OccludedCode,
                $"Chart patches left out of the fit because something covers them (their middle is not one colour, or no patch edge was seen and the colour is far off): {Names(occluded.Order())}. Keep the chart uncovered for a better fit."));
        }

        if (usable.Count + occluded.Count < patchMeans.Count)
        {
            string names = Names(Enumerable.Range(0, patchMeans.Count).Except(usable).Except(occluded));
            warnings.Add(new PhotoWarning(ClippedCode,
                $"Chart patches left out of the fit because a channel is black or saturated in more than a tenth of their pixels, or no pixel was usable: {names}. Usually harmless; if many, expose the chart better."));
        }

        if (best.LooMean > PoorFitThreshold)
        {
            warnings.Add(new PhotoWarning(PoorFitCode, FormattableString.Invariant(
                $"The chart fits poorly (leave-one-out mean ΔE00 {best.LooMean:0.0}, max {best.LooMax:0.0}): the corners may be misplaced or the light mixed. Check the corners (dark-skin patch first, clockwise) and light the chart evenly.")));
        }

        // Skin is not a paint: its own correction, from the camera's responses the chart reveals (SkinSpectralCorrection).
        CameraResponses? camera = CameraResponses.Estimate([.. usable.Select(i => ColorCheckerSpectra.Reflectances[i])], rgb);
        MatrixCorrection? skin = camera is null ? null : SkinSpectralCorrection.Fit(camera, SkinSpectraSet.Default);
        return new ReferenceResult(ReferenceTypes.ColorChecker24, best.Correction, best.Model, best.LooMean, best.LooMax, warnings, skin,
            camera?.Transform(space.RgbToXyzD65));
    }

    private static string Names(IEnumerable<int> patches) => string.Join(", ", patches.Select(i => ColorCheckerReference.Patches[i].Name));

    private static bool IsClipped(RgbColourSpace space, LinearRgb rgb) =>
        !double.IsFinite(rgb.R) || !double.IsFinite(rgb.G) || !double.IsFinite(rgb.B)
        || Clipped(space.Red, rgb.R) || Clipped(space.Green, rgb.G) || Clipped(space.Blue, rgb.B);

    private static bool Clipped(TransferFunction curve, double linear)
    {
        double encoded = linear <= 0 ? 0 : curve.ToEncoded(linear);
        return encoded <= ClipLow || encoded >= ClipHigh;
    }
}
