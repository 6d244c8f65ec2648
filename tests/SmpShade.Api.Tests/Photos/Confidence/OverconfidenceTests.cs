namespace SmpShade.Api.Tests.Photos.Confidence;

/// <summary>
/// The overconfidence check itself (<see cref="Overconfidence"/>): its binomial tail and Clopper–Pearson bound against
/// closed forms and a published value, and what it says on sets whose calibration is known by construction.
/// </summary>
public sealed class OverconfidenceTests
{
    /// <summary>Closed forms: with none right, P(X ≤ 0) = (1 − p)ⁿ = α gives U = 1 − α^(1/n); with all but one right,
    /// P(X ≤ n − 1) = 1 − pⁿ = α gives U = (1 − α)^(1/n).</summary>
    [Theory]
    [InlineData(1, 0.05)]
    [InlineData(5, 0.05)]
    [InlineData(19, 0.0167)]
    [InlineData(44, 0.01)]
    public void The_upper_bound_matches_its_closed_forms(int n, double alpha)
    {
        Assert.Equal(1 - Math.Pow(alpha, 1.0 / n), Overconfidence.ClopperPearsonUpper(0, n, alpha), 1e-9);
        Assert.Equal(Math.Pow(1 - alpha, 1.0 / n), Overconfidence.ClopperPearsonUpper(n - 1, n, alpha), 1e-9);
        Assert.Equal(1, Overconfidence.ClopperPearsonUpper(n, n, alpha));
    }

    /// <summary>5 right of 10: the 95 % two-sided Clopper–Pearson interval's upper end, 0.812914 (R 4.x,
    /// <c>binom.test(5, 10)$conf.int</c>), is the one-sided bound at 2.5 %.</summary>
    [Fact]
    public void The_upper_bound_matches_a_published_interval()
    {
        Assert.Equal(0.812914, Overconfidence.ClopperPearsonUpper(5, 10, 0.025), 6);
    }

    /// <summary>With p = 1/2 every sequence of ten is equally likely: P(X ≤ 4) = (1 + 10 + 45 + 120 + 210) / 1024.</summary>
    [Fact]
    public void The_binomial_tail_counts_sequences()
    {
        Assert.Equal(386.0 / 1024, Overconfidence.BinomialAtMost(4, 10, 0.5), 12);
        Assert.Equal(1, Overconfidence.BinomialAtMost(10, 10, 0.3));
        Assert.Equal(Math.Pow(0.7, 10), Overconfidence.BinomialAtMost(0, 10, 0.3), 12);
    }

    /// <summary>44 guesses, 25 right (the held-out set's share), all rated 0.8: the bin and the unwarned group both claim
    /// 0.8 against an observed 0.57 (upper bound 0.73 at 5 % / 2).</summary>
    [Fact]
    public void A_set_right_less_often_than_it_claims_is_overconfident()
    {
        var cases = Enumerable.Range(0, 44).Select(i => (0.8, i < 25)).ToList();
        var checks = Overconfidence.Check(cases, 0.5);
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.True(c.Overconfident, c.ToString()));
    }

    /// <summary>Right exactly as often as claimed (18 of 20 at 0.9, 2 of 20 at 0.1), or more often (all of 20 at 0.7):
    /// not overconfident. Five guesses rated 0.3, all wrong, is what chance gives one time in six (0.7⁵): not evidence.</summary>
    [Fact]
    public void A_set_right_as_often_as_it_claims_or_more_is_not()
    {
        var calibrated = Enumerable.Range(0, 20).Select(i => (0.9, i < 18)).Concat(Enumerable.Range(0, 20).Select(i => (0.1, i < 2))).ToList();
        var under = Enumerable.Range(0, 20).Select(_ => (0.7, true)).Concat(Enumerable.Range(0, 5).Select(_ => (0.3, false))).ToList();
        Assert.All(Overconfidence.Check(calibrated, 0.5), c => Assert.False(c.Overconfident, c.ToString()));
        Assert.All(Overconfidence.Check(under, 0.5), c => Assert.False(c.Overconfident, c.ToString()));
        Assert.Equal(3, Overconfidence.Check(under, 0.5).Count); // bins [0.2, 0.4), [0.6, 0.8) and the unwarned group
    }

    /// <summary>A bin of fewer than five guesses is not checked on its own; high ones are in the unwarned group.</summary>
    [Fact]
    public void A_thin_bin_is_checked_only_within_the_unwarned_group()
    {
        var cases = Enumerable.Range(0, 4).Select(_ => (0.95, false)).ToList();
        var check = Assert.Single(Overconfidence.Check(cases, 0.5));
        Assert.StartsWith("at or above", check.Name, StringComparison.Ordinal);
        Assert.True(check.Overconfident); // 4 wrong at 0.95: chance 0.05⁴
    }
}
