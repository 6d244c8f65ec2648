namespace SmpShade.Api.Tests.Photos.Confidence;

/// <summary>One bin of a reliability table: predictions in [From, To), their mean, the observed share right, the count.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanPredicted, double Observed);

/// <summary>
/// How well probabilities match outcomes: the Brier score (mean squared difference between the predicted probability and
/// the outcome, 0 or 1; Brier 1950, Monthly Weather Review 78:1) and the expected calibration error (the count-weighted
/// mean |mean predicted − observed| over equal-width bins; Naeini, Cooper and Hauskrecht 2015, AAAI), with its table.
/// </summary>
public static class CalibrationFigures
{
    /// <summary>Bins of the reliability table and the ECE: five of 0.2.</summary>
    public const int Bins = 5;

    public static double Brier(IReadOnlyList<(double P, bool Right)> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Average(c => (c.P - (c.Right ? 1 : 0)) * (c.P - (c.Right ? 1 : 0)));
    }

    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<(double P, bool Right)> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var bins = new List<ReliabilityBin>();
        for (int b = 0; b < Bins; b++)
        {
            double from = (double)b / Bins, to = (double)(b + 1) / Bins;
            var inBin = cases.Where(c => InBin(c.P, b)).ToList();
            bins.Add(new ReliabilityBin(from, to, inBin.Count, inBin.Count == 0 ? double.NaN : inBin.Average(c => c.P),
                inBin.Count == 0 ? double.NaN : inBin.Average(c => c.Right ? 1.0 : 0.0)));
        }

        return bins;
    }

    /// <summary>Whether a prediction falls in bin <paramref name="bin"/>: [b/5, (b+1)/5), the last closed at 1.</summary>
    public static bool InBin(double p, int bin) => p >= (double)bin / Bins && (p < (double)(bin + 1) / Bins || (bin == Bins - 1 && p <= 1));

    public static double ExpectedCalibrationError(IReadOnlyList<(double P, bool Right)> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return Reliability(cases).Where(b => b.Count > 0).Sum(b => b.Count * Math.Abs(b.MeanPredicted - b.Observed)) / cases.Count;
    }
}
