using System.ComponentModel.DataAnnotations;

namespace SmpShade.Api.Outcomes;

/// <summary>
/// How the healed-tone correction is trained and when it may be used (<c>HealedToneLearning:</c>). The defaults are
/// choices for small clinic data sets (tens to a few thousand outcomes), explained beside each.
/// </summary>
public sealed class HealedToneLearningOptions
{
    public const string Section = "HealedToneLearning";

    /// <summary>
    /// Fewest outcomes to train on (30, docs/api.md "Learning from healed results"); with 5 folds that leaves 24 rows to fit and 6 to test
    /// per fold, and below that the paired standard error of the improvement is too wide to ever pass the margin.
    /// </summary>
    [Range(10, 1_000_000)]
    public int MinimumOutcomes { get; set; } = 30;

    /// <summary>Train in the background once this many outcomes arrived since the last training (30, docs/api.md "Learning from healed results"); 0 turns it off.</summary>
    [Range(0, 1_000_000)]
    public int AutoTrainAfter { get; set; } = 30;

    /// <summary>
    /// Most outcomes one API key may record in any hour (429 <c>outcome.rate_limited</c> with Retry-After); 0: no limit.
    /// 200 is far above what a clinic measures by hand (a follow-up visit gives one or a few), and lets clinic software
    /// upload a backlog within a working day, while one leaked or misbehaving key cannot flood the training data.
    /// Counted from the database, so it holds across replicas.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxOutcomesPerKeyPerHour { get; set; } = 200;

    /// <summary>Cross-validation folds (5, docs/api.md "Learning from healed results").</summary>
    [Range(2, 20)]
    public int Folds { get; set; } = 5;

    /// <summary>Seed for the fold assignment and the trees: the same outcomes give the same model and figures.</summary>
    public int Seed { get; set; } = 5;

    /// <summary>
    /// The smallest mean held-out improvement (physics − corrected, ΔE00) worth switching to the correction: one tenth
    /// of the light-skin perceptibility threshold 0.8 (Leow 2006, docs/colour-library.md). Below it the answers would not
    /// visibly change, and the correction would add a learnt part to explain for nothing.
    /// </summary>
    [Range(0, 10)]
    public double MinimumImprovement { get; set; } = 0.1;

    /// <summary>
    /// The mean improvement must also exceed this many standard errors of the paired per-outcome differences: 2 is a
    /// one-sided test at about 2.3 % (normal approximation), so a correction that only got lucky on the folds of a
    /// small data set stays inactive.
    /// </summary>
    [Range(0, 10)]
    public double ImprovementStandardErrors { get; set; } = 2;

    /// <summary>
    /// Put a trained version in force without an admin when it passes <see cref="AutoPromotionRule"/>. Off by default:
    /// only an admin promotes. A rule promotion is recorded like an admin's, by <c>rule</c>, and an admin can roll it back.
    /// </summary>
    public bool AutoPromote { get; set; }

    /// <summary>
    /// Fewest outcomes the rule accepts (300): ten times what training needs, so the leave-one-key-out figures rest on
    /// tens of outcomes per key.
    /// </summary>
    [Range(10, 1_000_000)]
    public int AutoPromoteMinimumOutcomes { get; set; } = 300;

    /// <summary>Fewest distinct API keys among those outcomes (5): several clinics, not one clinic's keys.</summary>
    [Range(2, 1000)]
    public int AutoPromoteMinimumKeys { get; set; } = 5;

    /// <summary>
    /// Largest share of the outcomes one key may have sent (0.3): no single source supplies a third, so a flood from
    /// one key (issue 15's 1,200 junk outcomes) can never qualify, however well it fits itself.
    /// </summary>
    [Range(0.01, 1)]
    public double AutoPromoteMaximumKeyShare { get; set; } = 0.3;

    /// <summary>Boosted trees per channel (FastTree). Few data: a short ensemble with a small learning rate.</summary>
    [Range(1, 2000)]
    public int NumberOfTrees { get; set; } = 100;

    /// <summary>Leaves per tree: 8 allows three-way interactions (skin × ink × dilution) without memorising.</summary>
    [Range(2, 256)]
    public int NumberOfLeaves { get; set; } = 8;

    /// <summary>Outcomes a leaf must hold; 5 keeps a leaf from fitting one noisy measurement.</summary>
    [Range(1, 1000)]
    public int MinimumExampleCountPerLeaf { get; set; } = 5;

    /// <summary>Boosting learning rate (shrinkage of each tree's step).</summary>
    [Range(0.001, 1)]
    public double LearningRate { get; set; } = 0.1;
}
