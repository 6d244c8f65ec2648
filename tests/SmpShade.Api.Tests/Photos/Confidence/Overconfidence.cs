namespace SmpShade.Api.Tests.Photos.Confidence;

/// <summary>
/// One group of guesses checked for overconfidence: its count, how many were right, their mean confidence, and the
/// one-sided Clopper–Pearson upper bound on the share right at the check's level.
/// </summary>
public sealed record OverconfidenceGroup(string Name, int Count, int Right, double MeanConfidence, double UpperBound)
{
    public double Observed => (double)Right / Count;

    /// <summary>The confidence claims more than the observed count allows: the mean lies above the upper bound.</summary>
    public bool Overconfident => MeanConfidence > UpperBound;

    public override string ToString() => FormattableString.Invariant(
        $"{Name}: {Count} guesses, {Right} right ({Observed:F3}), mean confidence {MeanConfidence:F3}, upper bound {UpperBound:F3}{(Overconfident ? ", OVERCONFIDENT" : "")}");
}

/// <summary>
/// Is a confidence overconfident? What a practitioner needs from "85 % likely right" is that such guesses are not right
/// less often than that; being right more often (underconfidence) only costs an unneeded look at the regions.
/// <para>
/// Derivation. If every guess in a group of n were right with the probability its confidence states, the number right K
/// would be a sum of independent Bernoulli(pᵢ). The check rejects that claim when K is improbably low: when the group's mean
/// confidence p̄ lies above the one-sided Clopper–Pearson upper bound U(K, n, α′) (Clopper and Pearson 1934, Biometrika
/// 26:404), the p with P(Binomial(n, p) ≤ K) = α′, which is the same as the exact binomial test P(Binomial(n, p̄) ≤ K) &lt; α′.
/// Testing against Binomial(n, p̄) rather than the sum of Bernoulli(pᵢ) errs on the side of passing: for K ≤ n·p̄ − 1 that
/// sum's lower tail is no heavier than the binomial's (Hoeffding 1956, Ann. Math. Statist. 27:713, Theorem 4). Guesses on
/// transformations of one source photo are not independent, which makes a real group vary more than the binomial, so the
/// check errs the other way there: it is stricter than the set strictly allows.
/// </para>
/// <para>
/// Groups: each reliability bin (<see cref="CalibrationFigures.Reliability"/>) of at least <see cref="MinBinCount"/>
/// guesses, and all guesses at or above the answer's warning threshold (the page says nothing when the guess is likely
/// right, so those must be right as often as claimed). Below five, a bin can be shown overconfident at α′ = 0.01 only with
/// every guess wrong and a mean above 1 − α′^(1/n) (0.68 for four): such bins lie in the threshold group when high. The
/// level α = 0.05 holds for the family: each of the m groups is checked at α′ = α / m (Bonferroni).
/// </para>
/// </summary>
public static class Overconfidence
{
    /// <summary>The family-wise one-sided level: 5 %.</summary>
    public const double Level = 0.05;

    /// <summary>The fewest guesses a bin needs to be checked on its own.</summary>
    public const int MinBinCount = 5;

    /// <summary>The groups checked, with their bounds at <see cref="Level"/> split over them.</summary>
    public static IReadOnlyList<OverconfidenceGroup> Check(IReadOnlyList<(double P, bool Right)> cases, double threshold)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var groups = Enumerable.Range(0, CalibrationFigures.Bins)
            .Select(b => (Name: FormattableString.Invariant($"bin [{(double)b / CalibrationFigures.Bins:F1}, {(double)(b + 1) / CalibrationFigures.Bins:F1})"),
                Cases: cases.Where(c => CalibrationFigures.InBin(c.P, b)).ToList()))
            .Where(g => g.Cases.Count >= MinBinCount)
            .Append((Name: FormattableString.Invariant($"at or above {threshold:F2}"), Cases: cases.Where(c => c.P >= threshold).ToList()))
            .Where(g => g.Cases.Count > 0).ToList();
        double each = Level / groups.Count;
        return [.. groups.Select(g => new OverconfidenceGroup(g.Name, g.Cases.Count, g.Cases.Count(c => c.Right), g.Cases.Average(c => c.P),
            ClopperPearsonUpper(g.Cases.Count(c => c.Right), g.Cases.Count, each)))];
    }

    /// <summary>P(Binomial(n, p) ≤ k).</summary>
    public static double BinomialAtMost(int k, int n, double p)
    {
        if (k >= n || p <= 0)
        {
            return 1;
        }

        if (p >= 1)
        {
            return 0;
        }

        double term = Math.Pow(1 - p, n), sum = term; // P(X = 0), then P(X = i + 1) = P(X = i) · (n − i)/(i + 1) · p/(1 − p)
        for (int i = 0; i < k; i++)
        {
            term *= (double)(n - i) / (i + 1) * p / (1 - p);
            sum += term;
        }

        return Math.Min(1, sum);
    }

    /// <summary>
    /// The one-sided Clopper–Pearson upper bound for k right of n at level α: the p where P(Binomial(n, p) ≤ k) = α
    /// (1 when k = n), by bisection (the tail falls as p rises).
    /// </summary>
    public static double ClopperPearsonUpper(int k, int n, double alpha)
    {
        if (k >= n)
        {
            return 1;
        }

        double lo = (double)k / n, hi = 1;
        for (int step = 0; step < 60; step++)
        {
            double mid = (lo + hi) / 2;
            (lo, hi) = BinomialAtMost(k, n, mid) > alpha ? (mid, hi) : (lo, mid);
        }

        return (lo + hi) / 2;
    }
}
