namespace SmpShade.Api.Photos;

/// <summary>
/// How likely guessed regions are right (docs/auto-regions.md, "What <c>confidence</c> means"): the estimated probability
/// that the hair region lies on the chosen person's scalp hair and the skin region on that person's face (with no face:
/// on the hair and the skin of the close-up). Platt scaling of each method's raw score,
/// p = 1 / (1 + exp(−(a + b · logit(raw)))), fitted by <c>data/derive/region-confidence.cs</c> on guesses judged right or
/// wrong on transformed real photos (its output, with the held-out figures: <c>data/derive/region-confidence.txt</c>).
/// </summary>
public static class RegionConfidence
{
    /// <summary>Below this the answer warns <c>regions.low_confidence</c>: the guess is more likely wrong than right.</summary>
    public const double LowThreshold = 0.5;

    /// <summary>Raw scores are clamped to this distance from 0 and 1 before the logit.</summary>
    private const double Clamp = 0.005;

    /// <summary>Platt (a, b) for <c>people</c>, data/derive/region-confidence.txt.</summary>
    private static readonly (double A, double B) People = (PeopleA, PeopleB);

    /// <summary>Platt (a, b) for <c>colours</c>, data/derive/region-confidence.txt.</summary>
    private static readonly (double A, double B) Colours = (ColoursA, ColoursB);

    // Refitted 2026-12-01 (issue 13: faces placed in their own up direction; the scalp zone's share in the frame in the
    // people score) on 98 guesses (64 people, 54 right; 34 colours, 2 right) from the same six source photos, the same
    // five photos held out (44 guesses): Brier 0.124 -> 0.060, ECE 0.070 -> 0.120 (docs/auto-regions.md says why).
    private const double PeopleA = 0.6875, PeopleB = 0.6899, ColoursA = -2.0861, ColoursB = 0.4934;

    /// <summary>
    /// The raw score of a guess from people: the detector's score on the face turned upright × landmark face presence ×
    /// min(1, scalp-hair share / 0.15) × min(1, share of the scalp zone inside the frame / 0.5) (a face whose top the
    /// frame cuts off has no scalp hair left to find: the region then lands on the forehead's edge or the temples).
    /// </summary>
    public static double PeopleScore(double detector, double presence, double hairShare, double zoneInFrame) =>
        detector * presence * Math.Min(1, hairShare / 0.15) * Math.Min(1, zoneInFrame / 0.5);

    /// <summary>The raw score of a guess from colours (<see cref="ColourGuess"/>).</summary>
    public static double ColoursScore(ColourGuess guess)
    {
        ArgumentNullException.ThrowIfNull(guess);
        return guess.SkinShare;
    }

    /// <summary>The calibrated probability for a method's raw score.</summary>
    public static double Calibrate(string method, double raw)
    {
        var (a, b) = method == "people" ? People : Colours;
        double r = Math.Clamp(raw, Clamp, 1 - Clamp);
        return 1 / (1 + Math.Exp(-(a + (b * Math.Log(r / (1 - r))))));
    }

    /// <summary>
    /// <c>regions.low_confidence</c> below <see cref="LowThreshold"/>, saying what to do. A guess from colours is judged
    /// by where it was measured: right on 4 of the 6 hairline close-ups of the calibration set (region-confidence-set.csv)
    /// and on almost nothing else, so its message says so rather than calling a close-up's guess wrong.
    /// </summary>
    public static PhotoWarning? Warning(string method, double confidence) => confidence >= LowThreshold ? null : new PhotoWarning("regions.low_confidence",
        method == "people"
            ? FormattableString.Invariant($"The guessed hair and skin regions are more likely wrong than right (estimated {confidence:P0} chance that both are on the person's hair and face). Draw the hair and skin regions on the photo.")
            : FormattableString.Invariant($"The hair and skin regions were guessed from colours alone (estimated {confidence:P0} chance that both are right over the photos this was measured on): such guesses were right on 4 of 6 close-ups of a hairline and on almost nothing else. Unless this is a close-up of the scalp, draw the hair and skin regions on the photo; on a close-up, check that the hair region is on hair and the skin region on bare skin."));
}
