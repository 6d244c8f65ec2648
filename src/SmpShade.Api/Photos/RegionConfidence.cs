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

    // Fitted 2026-12-01 on 97 guesses (62 people, 51 right; 35 colours, 2 right) from six source photos; 44 guesses from
    // five other photos held out. The people score barely separates right from wrong (b 0.09), so a people guess reads
    // about 0.8 and a colours guess about 0.03–0.12: the confidence is mostly the method's measured hit rate.
    private const double PeopleA = 1.3602, PeopleB = 0.0921, ColoursA = -2.1100, ColoursB = 0.5032;

    /// <summary>The raw score of a guess from people: detector score × landmark face presence × min(1, scalp-hair share / 0.15).</summary>
    public static double PeopleScore(double detector, double presence, double hairShare) => detector * presence * Math.Min(1, hairShare / 0.15);

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
