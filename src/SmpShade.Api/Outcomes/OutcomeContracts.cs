using System.Text.Json.Serialization;
using SmpShade.Api.Matching;
using SmpShade.Api.Photos;

using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Outcomes;

/// <summary>
/// <c>POST /api/v1/outcomes</c>: a healed result. As JSON every field is given; as multipart the <c>outcome</c> part
/// leaves out <c>skinLab</c> and <c>healedLab</c>, which are measured from the <c>photo</c> part.
/// </summary>
/// <param name="Supplier">Supplier slug.</param>
/// <param name="Sku">The pigment's code in that supplier's catalogue.</param>
/// <param name="CatalogueVersion">The catalogue version the pigment came from (default: current).</param>
/// <param name="WaterParts">Parts of water per part of ink, 0–100.</param>
/// <param name="SkinLab">The client's skin beside the dots, D65 / 2°.</param>
/// <param name="MonthsSinceTreatment">Months between the (last) session and the measurement, 0–600.</param>
/// <param name="HealedLab">The healed dots, D65 / 2°.</param>
/// <param name="Notes">Free text, at most 2000 characters (no client names: outcomes are health data).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OutcomeRequest(
    string? Supplier, string? Sku, int? CatalogueVersion, double? WaterParts, LabInput? SkinLab, double? MonthsSinceTreatment,
    LabInput? HealedLab, string? Notes);

/// <summary>The physics prediction for an outcome, and how far the measured healed colour is from it.</summary>
/// <param name="Model">The physics model and parameter version (<c>name@parameters</c>).</param>
/// <param name="Lab">Predicted healed colour, physics only.</param>
/// <param name="DeltaE00">ΔE00 between the measured healed colour and <paramref name="Lab"/>.</param>
public sealed record OutcomePrediction(string Model, LabValue Lab, double DeltaE00);

/// <summary>A stored outcome.</summary>
public sealed record OutcomeResponse(
    long Id, DateTimeOffset RecordedAt, string RecordedBy, string Supplier, string Sku, int CatalogueVersion, double WaterParts,
    LabValue SkinLab, double MonthsSinceTreatment, LabValue HealedLab, string? Notes, string Source, [property: WireValues(typeof(OutcomeMeasurements))] string Measurement,
    OutcomePrediction Physics, AnalysisResult? Analysis = null)
{
    internal static OutcomeResponse From(Outcome o, AnalysisResult? analysis = null) => new(
        o.Id, o.RecordedAt, o.RecordedByKeyId, o.Supplier, o.Sku, o.CatalogueVersion, o.WaterParts,
        Value(o.SkinL, o.SkinA, o.SkinB), o.MonthsSinceTreatment, Value(o.HealedL, o.HealedA, o.HealedB), o.Notes, o.Source, o.Measurement,
        new OutcomePrediction(o.PhysicsModel, Value(o.PhysicsL, o.PhysicsA, o.PhysicsB), Math.Round(DeltaE00(o), 3)), analysis);

    private static double DeltaE00(Outcome o) =>
        Colour.DeltaE.Ciede2000(new Colour.Lab(o.HealedL, o.HealedA, o.HealedB), new Colour.Lab(o.PhysicsL, o.PhysicsA, o.PhysicsB));

    private static LabValue Value(double l, double a, double b) => new(Math.Round(l, 3), Math.Round(a, 3), Math.Round(b, 3));
}

/// <summary>A page of outcomes, newest first.</summary>
public sealed record OutcomePage(IReadOnlyList<OutcomeResponse> Items, int Total, int Page, int PageSize);

/// <summary>Cross-validated figures of a model version.</summary>
/// <param name="Folds">Folds.</param>
/// <param name="PhysicsOnlyDeltaE00">Mean held-out ΔE00 of physics alone.</param>
/// <param name="CorrectedDeltaE00">Mean held-out ΔE00 with the correction.</param>
/// <param name="Improvement">Physics-only − corrected.</param>
/// <param name="ImprovementStandardError">Standard error of the paired per-outcome improvement.</param>
public sealed record CrossValidationSummary(int Folds, double PhysicsOnlyDeltaE00, double CorrectedDeltaE00, double Improvement, double ImprovementStandardError);

/// <summary>One trained version of the healed-tone correction.</summary>
/// <param name="Version">1, 2, …</param>
/// <param name="Name">The name matches give it when it is in force (<c>healed-tone-vN</c>).</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="TrainedBy">The admin key id that asked, or <c>auto</c> for the background trainer.</param>
/// <param name="Outcomes">Outcomes it learnt from.</param>
/// <param name="SourceKeys">How many different API keys recorded those outcomes (1: a single source).</param>
/// <param name="CrossValidation">Held-out figures against physics-only.</param>
/// <param name="Active">In force now (an admin promoted it and has not rolled it back).</param>
/// <param name="BeatsPhysics">Its held-out ΔE00 beat physics-only by the margin: only such a version can be promoted.</param>
/// <param name="Candidate">Could be promoted now: beats physics-only, learnt against the current physics, not in force.</param>
/// <param name="Reason">Why it beats, or does not beat, physics-only, with the figures.</param>
/// <param name="PhysicsModel">The physics (<c>name@parameters</c>) it corrects.</param>
/// <param name="Features">Features, trainer and settings.</param>
/// <param name="AutoPromotion">
/// The automatic promotion rule's verdict when it was trained, every condition with ✓ or ✗; null when the rule was off.
/// </param>
/// <param name="KeyOutImprovement">The rule's leave-one-key-out improvement over physics-only (ΔE00); null when not computed.</param>
public sealed record ModelVersionResponse(
    int Version, string Name, DateTimeOffset TrainedAt, string TrainedBy, int Outcomes, int SourceKeys, CrossValidationSummary CrossValidation,
    bool Active, bool BeatsPhysics, bool Candidate, string Reason, string PhysicsModel, System.Text.Json.JsonElement Features,
    string? AutoPromotion = null, double? KeyOutImprovement = null)
{
    internal static ModelVersionResponse From(HealedToneModelVersion v, bool active, bool candidate) => new(
        v.Version, LearnedHealedToneCorrection.NameFor(v.Version), v.TrainedAt, v.TrainedBy, v.OutcomeCount, v.SourceKeyCount,
        new CrossValidationSummary(Folds(v.Features), Math.Round(v.CvPhysicsDeltaE00, 4), Math.Round(v.CvCorrectedDeltaE00, 4),
            Math.Round(v.CvPhysicsDeltaE00 - v.CvCorrectedDeltaE00, 4), Math.Round(v.CvImprovementStandardError, 4)),
        active, v.BeatsPhysics, candidate, v.Reason, v.PhysicsModel, System.Text.Json.JsonDocument.Parse(v.Features).RootElement.Clone(),
        v.RuleVerdict, v.KeyOutImprovement is { } k ? Math.Round(k, 4) : null);

    private static int Folds(string features)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(features);
        return doc.RootElement.TryGetProperty("folds", out var f) ? f.GetInt32() : 0;
    }
}

/// <summary>One admin decision about the correction in force.</summary>
/// <param name="Version">The version put in force; null: physics-only.</param>
/// <param name="Name">Its name, or <c>physics-only</c>.</param>
/// <param name="PreviousVersion">The version in force before; null: physics-only.</param>
/// <param name="Action"><c>promote</c> (to a newer version) or <c>rollback</c> (to an earlier version or physics-only).</param>
/// <param name="PromotedAt">When.</param>
/// <param name="PromotedBy">
/// The admin key id (never the secret); <c>rule</c> for the automatic promotion rule; <c>upgrade</c> for the version in
/// force before promotion existed.
/// </param>
public sealed record PromotionResponse(int? Version, string Name, int? PreviousVersion, [property: WireValues(typeof(PromotionActions))] string Action, DateTimeOffset PromotedAt, string PromotedBy)
{
    internal static PromotionResponse From(HealedToneModelPromotion p) => new(
        p.Version, p.Version is { } v ? LearnedHealedToneCorrection.NameFor(v) : Matching.IHealedToneCorrectionSource.PhysicsOnly,
        p.PreviousVersion, p.Action, p.PromotedAt, p.PromotedByKeyId);
}

/// <summary>The healed-tone correction's state: what matches use, who decided it and when, what could be promoted.</summary>
/// <param name="Active">The correction matches use: <c>healed-tone-vN</c>, or <c>physics-only</c>.</param>
/// <param name="ActiveVersion">The promoted version, or null for physics-only.</param>
/// <param name="Promotion">The decision in force (who, when); null when no admin has decided yet (physics-only).</param>
/// <param name="Warning">Set when the promoted version cannot be used (learnt against other physics): matches use physics only.</param>
/// <param name="Candidates">Versions that could be promoted now, newest first.</param>
/// <param name="Items">Every trained version, newest first.</param>
/// <param name="Promotions">The most recent decisions (up to 20), newest first.</param>
/// <param name="AutoPromotion">The automatic promotion rule's settings (off unless <c>HealedToneLearning:AutoPromote</c>).</param>
public sealed record ModelState(
    string Active, int? ActiveVersion, PromotionResponse? Promotion, string? Warning, IReadOnlyList<int> Candidates,
    IReadOnlyList<ModelVersionResponse> Items, IReadOnlyList<PromotionResponse> Promotions, AutoPromotionSettings AutoPromotion);

/// <summary>
/// The automatic promotion rule (docs/api.md, "Learning from healed results"): when enabled, a version trained on at
/// least <paramref name="MinimumOutcomes"/> outcomes from at least <paramref name="MinimumKeys"/> keys, none over
/// <paramref name="MaximumKeyShare"/> of them, that beats physics-only on cross-validation and by at least
/// <paramref name="MinimumImprovement"/> ΔE00 trained without each key in turn (and the version in force on outcomes it
/// never saw) goes into force without an admin. Each version's <c>autoPromotion</c> says why it did or did not.
/// </summary>
/// <param name="Enabled">False (the default): only an admin promotes.</param>
/// <param name="MinimumOutcomes">Fewest outcomes.</param>
/// <param name="MinimumKeys">Fewest distinct source keys.</param>
/// <param name="MaximumKeyShare">Largest share of the outcomes one key may have sent (0–1).</param>
/// <param name="MinimumImprovement">Least leave-one-key-out improvement over physics-only, ΔE00.</param>
public sealed record AutoPromotionSettings(bool Enabled, int MinimumOutcomes, int MinimumKeys, double MaximumKeyShare, double MinimumImprovement)
{
    internal static AutoPromotionSettings From(HealedToneLearningOptions o) =>
        new(o.AutoPromote, o.AutoPromoteMinimumOutcomes, o.AutoPromoteMinimumKeys, o.AutoPromoteMaximumKeyShare, o.MinimumImprovement);
}
