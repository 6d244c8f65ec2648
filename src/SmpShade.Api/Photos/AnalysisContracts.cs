using System.Text.Json.Serialization;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;

namespace SmpShade.Api.Photos;

/// <summary>The answer of <c>POST /api/v1/analyses</c> (issue 3; clinic software depends on these names).</summary>
public sealed record AnalysisResult(
    MeasuredColour Hair,
    SkinColour Skin,
    ReferenceInfo Reference,
    RegionsUsed Regions,
    string Illuminant,
    string Observer,
    ProfileInfo Profile,
    IReadOnlyList<PhotoWarning> Warnings);

/// <summary>A measured colour: Lab and LCh (D65, 2°), a display hex (sRGB, clipped when out of gamut), spread.</summary>
/// <param name="Lab">Mean colour, CIELAB D65 2°, averaged in linear light.</param>
/// <param name="Lch">The same as lightness, chroma, hue angle (degrees).</param>
/// <param name="Hex">sRGB swatch for display only.</param>
/// <param name="InGamut">False when the hex was clipped to the sRGB gamut.</param>
/// <param name="Pixels">Pixels the mean was taken over.</param>
/// <param name="Sd">Per-channel standard deviation of the pixels' Lab.</param>
/// <param name="StandardError">Standard error of the mean, per channel (sd / √pixels).</param>
public record MeasuredColour(LabValue Lab, LChValue Lch, string Hex, bool InGamut, int Pixels, LabValue Sd, LabValue StandardError);

/// <summary>Skin adds ITA° (Del Bino category) and the nearest Monk Skin Tone.</summary>
public sealed record SkinColour(LabValue Lab, LChValue Lch, string Hex, bool InGamut, int Pixels, LabValue Sd, LabValue StandardError,
    double Ita, [property: WireValues(typeof(ItaCategories))] string ItaCategory, MonkTone Monk)
    : MeasuredColour(Lab, Lch, Hex, InGamut, Pixels, Sd, StandardError);

/// <summary>The nearest Monk Skin Tone (1–10), its swatch and the ΔE00 to it.</summary>
public sealed record MonkTone(int Number, string Hex, double DeltaE00);

/// <summary>The reference used: type, and for a chart the fitted model and its leave-one-out ΔE00.</summary>
/// <param name="Type"><c>none</c>, <c>greyCard</c> or <c>colorChecker24</c>.</param>
/// <param name="Model">Chart: <c>matrix3x3</c> or <c>rootPolynomial2</c>, the fit the hair (and the chart's own patches) go through.</param>
/// <param name="LooMeanDeltaE00">Chart: leave-one-out mean ΔE00 of that fit over the patches.</param>
/// <param name="LooMaxDeltaE00">Chart: leave-one-out max ΔE00.</param>
/// <param name="SkinModel">Chart: <c>skinSpectra</c> when the skin went through its own correction, learned from skin
/// spectra seen by the camera's responses (README, Measurement accuracy): estimated from the chart, or for a grey card
/// from the <c>reference.camera</c> the request sent back. Null when skin used <c>model</c> (or the card's gains).</param>
/// <param name="Camera">Chart: the camera's responses under this light, to send back with later grey-card photos from
/// the same phone under the same light (<see cref="CameraCalibration"/>).</param>
/// <param name="Corners">Chart: the four corners used, normalised [x, y], dark-skin corner first, clockwise.</param>
/// <param name="CornersFound">Chart: <c>given</c> (from the request) or <c>detected</c> (found by the service).</param>
public sealed record ReferenceInfo([property: WireValues(typeof(ReferenceTypes))] string Type, string? Model, double? LooMeanDeltaE00, double? LooMaxDeltaE00, string? SkinModel = null,
    CameraCalibration? Camera = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IReadOnlyList<double>>? Corners = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] [property: WireValues(typeof(CornersFound))] string? CornersFound = null);

/// <summary>The regions measured (normalised, upright); <c>guessed</c> when the service chose them (auto).</summary>
/// <param name="Hair">The hair region measured.</param>
/// <param name="Skin">The skin region measured.</param>
/// <param name="Reference">The reference region sent, if any.</param>
/// <param name="Guessed">True when the service chose hair and skin.</param>
/// <param name="Method">Auto only: <c>people</c> (from a face and the person around it) or <c>colours</c> (no face found, or
/// the models unavailable: colour clustering).</param>
/// <param name="Confidence">Auto: the estimated probability (0–1) that the hair region is on the person's scalp hair and the
/// skin region on their face (with no face: on the close-up's hair and skin), calibrated on transformed real photos
/// (<see cref="RegionConfidence"/>); below 0.5 the answer warns <c>regions.low_confidence</c>.</param>
/// <param name="Faces">Auto: faces found in the photo (0 for colours).</param>
/// <param name="Face">Auto from people: the measured person's face box.</param>
/// <param name="SkinPlace">Auto from people: <c>forehead</c> or <c>cheek</c> (when hair covers the forehead).</param>
public sealed record RegionsUsed(RegionSpec Hair, RegionSpec Skin, RegionSpec? Reference, bool Guessed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Method = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Confidence = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Faces = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RegionSpec? Face = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SkinPlace = null)
{
    /// <summary>Auto: the method's raw score the confidence was calibrated from (not answered; for the calibration script and its test).</summary>
    [JsonIgnore]
    public double? Score { get; init; }
}

/// <summary>The colour profile the photo was read with.</summary>
public sealed record ProfileInfo(string Name, bool Assumed);
