namespace SmpShade.Api.Outcomes;

/// <summary>
/// One recorded healed result (docs/api.md, "Learning from healed results"): which pigment at which dilution went into which skin, and the colour
/// the healed dots had after some months. Clinic data only: synthetic outcomes live in tests and never in a shipped
/// database.
/// </summary>
public sealed class Outcome
{
    public long Id { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Id of the API key that recorded it.</summary>
    public required string RecordedByKeyId { get; set; }

    /// <summary>Supplier slug.</summary>
    public required string Supplier { get; set; }

    public required string Sku { get; set; }

    /// <summary>The catalogue version the pigment was taken from (the current one when the request named none).</summary>
    public int CatalogueVersion { get; set; }

    /// <summary>Parts of water per part of ink; c = 1/(1 + water parts).</summary>
    public double WaterParts { get; set; }

    /// <summary>The client's skin beside the dots, CIELAB D65 / 2°.</summary>
    public double SkinL { get; set; }

    public double SkinA { get; set; }

    public double SkinB { get; set; }

    public double MonthsSinceTreatment { get; set; }

    /// <summary>The healed dots, CIELAB D65 / 2°.</summary>
    public double HealedL { get; set; }

    public double HealedA { get; set; }

    public double HealedB { get; set; }

    /// <summary>The neat ink's Lab on the model's spectral grid (a feature of the correction, as matching passes it).</summary>
    public double InkL { get; set; }

    public double InkA { get; set; }

    public double InkB { get; set; }

    /// <summary>The physics-only prediction when the outcome was recorded.</summary>
    public double PhysicsL { get; set; }

    public double PhysicsA { get; set; }

    public double PhysicsB { get; set; }

    /// <summary>The physics model and parameter version that made <see cref="PhysicsL"/>… (<c>name@parameters</c>).</summary>
    public required string PhysicsModel { get; set; }

    public string? Notes { get; set; }

    /// <summary>Always <c>clinic</c> for anything recorded through the API.</summary>
    public required string Source { get; set; }

    /// <summary><c>entered</c> (Lab values sent) or <c>photo</c> (measured from a follow-up photo that was not kept).</summary>
    public required string Measurement { get; set; }
}

/// <summary>
/// One training of the healed-tone correction: its cross-validated error against physics-only, whether it beats
/// physics-only, and the three serialized ML.NET residual models (L*, a*, b*). Training never puts a version in force:
/// an admin promotes it (<see cref="HealedToneModelPromotion"/>).
/// </summary>
public sealed class HealedToneModelVersion
{
    public int Id { get; set; }

    /// <summary>1, 2, … (unique).</summary>
    public int Version { get; set; }

    public DateTimeOffset TrainedAt { get; set; }

    /// <summary>The admin key id that asked, or <c>auto</c> for the background trainer.</summary>
    public required string TrainedBy { get; set; }

    public int OutcomeCount { get; set; }

    /// <summary>The highest outcome id included: outcomes above it are "new" for the automatic trainer.</summary>
    public long LastOutcomeId { get; set; }

    /// <summary>Mean ΔE00 of the physics prediction on the held-out folds.</summary>
    public double CvPhysicsDeltaE00 { get; set; }

    /// <summary>Mean ΔE00 of the corrected prediction on the same held-out folds.</summary>
    public double CvCorrectedDeltaE00 { get; set; }

    /// <summary>Standard error of the paired per-outcome improvement (physics − corrected).</summary>
    public double CvImprovementStandardError { get; set; }

    /// <summary>
    /// Corrected beat physics-only by the margin on held-out outcomes: only such a version may be promoted. (Before
    /// promotion existed this column was <c>Active</c>; the Promotions migration renamed it.)
    /// </summary>
    public bool BeatsPhysics { get; set; }

    /// <summary>How many different API keys recorded the outcomes it learnt from (1: a single source).</summary>
    public int SourceKeyCount { get; set; }

    /// <summary>Why it beats, or does not beat, physics-only.</summary>
    public required string Reason { get; set; }

    /// <summary>The automatic promotion rule's verdict with its reasons (<see cref="AutoPromotionRule"/>); null when the rule was off.</summary>
    public string? RuleVerdict { get; set; }

    /// <summary>The rule's leave-one-key-out improvement over physics-only, ΔE00; null when not computed.</summary>
    public double? KeyOutImprovement { get; set; }

    /// <summary>The physics (<c>name@parameters</c>) the residuals were learnt against; another physics cannot use it.</summary>
    public required string PhysicsModel { get; set; }

    /// <summary>Features, trainer and settings, as JSON.</summary>
    public required string Features { get; set; }

    public required byte[] ModelL { get; set; }

    public required byte[] ModelA { get; set; }

    public required byte[] ModelB { get; set; }
}

/// <summary>
/// One admin decision about which correction is in force: a version, or physics-only (<see cref="Version"/> null).
/// Append-only; the newest row (highest <see cref="Id"/>) is in force, read by every replica on every match, so a
/// promotion or rollback takes effect everywhere at once and the history says who did what when.
/// </summary>
public sealed class HealedToneModelPromotion
{
    public long Id { get; set; }

    /// <summary>The version put in force; null puts physics-only in force.</summary>
    public int? Version { get; set; }

    /// <summary>The version in force before (null: physics-only).</summary>
    public int? PreviousVersion { get; set; }

    public DateTimeOffset PromotedAt { get; set; }

    /// <summary>
    /// Id of the admin key that decided (never the secret); <c>rule</c> for the automatic promotion rule
    /// (<see cref="AutoPromotionRule"/>); <c>upgrade</c> for a version in force before promotion existed.
    /// </summary>
    public required string PromotedByKeyId { get; set; }

    /// <summary><c>promote</c> (a newer version than before) or <c>rollback</c> (an earlier version, or physics-only).</summary>
    public required string Action { get; set; }
}
