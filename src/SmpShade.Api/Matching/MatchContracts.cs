using System.Text.Json.Serialization;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;
using SmpShade.Api.Photos.Reference;

namespace SmpShade.Api.Matching;

/// <summary>A Lab in a request, <c>{"l", "a", "b"}</c> (D65 / 2°); components nullable so a missing one is an error, not 0.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LabInput(double? L, double? A, double? B);

/// <summary><c>POST /api/v1/matches</c> as JSON: already measured colours plus options.</summary>
/// <param name="SkinLab">The client's skin (the scar tissue in <c>scar</c> mode).</param>
/// <param name="HairLab">The hair colour to match (modes <c>hair</c> and <c>scar</c>).</param>
/// <param name="TargetLab">The colour to match in <c>custom</c> mode.</param>
/// <param name="Mode"><c>hair</c> (default), <c>custom</c> or <c>scar</c>.</param>
/// <param name="Top">How many candidates, 1–100 (default 10).</param>
/// <param name="Supplier">Only this supplier's catalogue (default: every supplier's current version).</param>
/// <param name="CatalogueVersion">A given version of <paramref name="Supplier"/>'s catalogue (default: current).</param>
/// <param name="Years">Predict the look after this many years of fading, 0–50 (default 0).</param>
/// <param name="StartLighter">Penalise candidates darker than the target (default true).</param>
/// <param name="Blends">Also suggest two-pigment blends (default false).</param>
/// <param name="SkinReference">How skinLab was measured, as the analysis answer's <c>reference.type</c>: <c>none</c> (no grey
/// card or chart in the photo: the camera's own colours), <c>greyCard</c> or <c>colorChecker24</c>. With <c>none</c> a
/// skin the model cannot fit is reported as <c>skin.uncalibrated_colour</c> (the cause and the remedy) rather than
/// <c>skin.poor_fit</c>. Optional; a photo match sets it from the photo.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MatchRequest(
    LabInput? SkinLab, LabInput? HairLab = null, LabInput? TargetLab = null, [property: WireValues(typeof(MatchModes))] string? Mode = null, int? Top = null,
    string? Supplier = null, int? CatalogueVersion = null, double? Years = null, bool? StartLighter = null, bool? Blends = null,
    [property: WireValues(typeof(ReferenceTypes))] string? SkinReference = null);

/// <summary>A predicted colour: Lab and an sRGB hex for display (clipped when out of gamut).</summary>
public sealed record HealedColour(LabValue Lab, string Hex, bool InGamut);

/// <summary>The pigment of a candidate.</summary>
public sealed record PigmentSummary(string Supplier, int Version, string Sku, string Name, [property: WireValues(typeof(PigmentBases))] string Base, LabValue Lab);

/// <summary>
/// One ranked pigment at one dilution. <c>healed</c> is the healed ink predicted as an infinite plane of ink;
/// <c>healedDot</c> a healed dot of model.assumptions dotDiameterMillimetres up close, lighter than the plane because
/// light entering the skin around it spreads under it (model.dotCorrection; <c>deltaE00Dot</c> its ΔE00 to the
/// target); <c>fromDistance</c> the treated area from conversational distance: those dots and the skin between them
/// mixed by area in XYZ (dotsPerSquareCentimetre). Ranking uses <c>healed</c> (docs/science.md §7 says why).
/// </summary>
public sealed record MatchCandidate(
    PigmentSummary Pigment, double WaterParts, HealedColour Healed, HealedColour HealedDot, double DeltaE00Dot, HealedColour FromDistance, double DeltaE00, [property: JsonPropertyName("dL")] double DL, [property: JsonPropertyName("dC")] double DC,
    [property: JsonPropertyName("dH")] double DH,
    double Score, [property: WireValues(typeof(MatchTiers))] string Tier, string Explanation);

/// <summary>A share of a blend.</summary>
public sealed record BlendPart(PigmentSummary Pigment, double Parts);

/// <summary>A two-pigment blend at one dilution (<c>healed</c>, <c>healedDot</c> and <c>fromDistance</c> as for a candidate).</summary>
public sealed record MatchBlend(
    IReadOnlyList<BlendPart> Pigments, double WaterParts, HealedColour Healed, HealedColour HealedDot, double DeltaE00Dot, HealedColour FromDistance, double DeltaE00, [property: JsonPropertyName("dL")] double DL, [property: JsonPropertyName("dC")] double DC,
    [property: JsonPropertyName("dH")] double DH,
    double Score, [property: WireValues(typeof(MatchTiers))] string Tier, string Explanation);

/// <summary>How the client's skin was modelled.</summary>
public sealed record SkinFitSummary(LabValue Measured, LabValue Model, double Melanin, double Blood, double DeltaE00, double Ita);

/// <summary>
/// The model that made the predictions: name, parameter version, every assumption, the learned correction used, and the
/// lateral dot correction behind <c>healedDot</c>.
/// </summary>
public sealed record ModelSummary(
    string Name, string ParametersVersion, string Illuminant, string Observer, IReadOnlyDictionary<string, double> Assumptions, string Correction,
    DotCorrectionSummary DotCorrection);

/// <summary>The lateral dot correction (docs/science.md §7): name, the fitted values' version and the values.</summary>
public sealed record DotCorrectionSummary(string Name, string ParametersVersion, IReadOnlyDictionary<string, double> Parameters);

/// <summary>The ΔE00 bounds the tiers use on this skin.</summary>
public sealed record ThresholdSummary(double Perceptibility, double Acceptability);

/// <summary>The answer.</summary>
public sealed record MatchResponse(
    [property: WireValues(typeof(MatchModes))] string Mode, LabValue Target, IReadOnlyList<MatchCandidate> Candidates, IReadOnlyList<MatchBlend> Blends,
    IReadOnlyList<CatalogueRef> Catalogue, ModelSummary Model, SkinFitSummary SkinFit, ThresholdSummary Thresholds,
    int CandidatesEvaluated, IReadOnlyList<PhotoWarning> Warnings)
{
    /// <summary>The photo analysis the colours came from (multipart requests only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnalysisResult? Analysis { get; init; }
}
