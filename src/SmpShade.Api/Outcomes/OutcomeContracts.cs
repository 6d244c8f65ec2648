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
    LabValue SkinLab, double MonthsSinceTreatment, LabValue HealedLab, string? Notes, string Source, string Measurement,
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
public sealed record ModelVersionResponse(
    int Version, string Name, DateTimeOffset TrainedAt, string TrainedBy, int Outcomes, CrossValidationSummary CrossValidation,
    bool Active, string Reason, string PhysicsModel, System.Text.Json.JsonElement Features)
{
    internal static ModelVersionResponse From(HealedToneModelVersion v) => new(
        v.Version, LearnedHealedToneCorrection.NameFor(v.Version), v.TrainedAt, v.TrainedBy, v.OutcomeCount,
        new CrossValidationSummary(Folds(v.Features), Math.Round(v.CvPhysicsDeltaE00, 4), Math.Round(v.CvCorrectedDeltaE00, 4),
            Math.Round(v.CvPhysicsDeltaE00 - v.CvCorrectedDeltaE00, 4), Math.Round(v.CvImprovementStandardError, 4)),
        v.Active, v.Reason, v.PhysicsModel, System.Text.Json.JsonDocument.Parse(v.Features).RootElement.Clone());

    private static int Folds(string features)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(features);
        return doc.RootElement.TryGetProperty("folds", out var f) ? f.GetInt32() : 0;
    }
}

/// <summary>Every version, newest first, and the name of the correction in force (<c>physics-only</c> when none).</summary>
public sealed record ModelVersionList(IReadOnlyList<ModelVersionResponse> Items, string Active);
