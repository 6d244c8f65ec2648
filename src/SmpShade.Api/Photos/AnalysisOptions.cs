using SmpShade.Colour;

using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;

namespace SmpShade.Api.Photos;

/// <summary>
/// The <c>options</c> part of an analysis request (issue 3): where hair, skin and the reference are, and what the
/// reference is. Coordinates are normalised (0..1) on the upright image. No regions at all means auto.
/// </summary>
public sealed record AnalysisOptions
{
    /// <summary>Hair, skin and reference regions; null or empty for auto.</summary>
    public RegionsSpec? Regions { get; init; }

    /// <summary>The reference in the photo; null means none.</summary>
    public ReferenceSpec? Reference { get; init; }

    /// <summary>The defaults: auto regions, no reference.</summary>
    public static AnalysisOptions Default { get; } = new();
}

/// <summary>Named regions of the photo.</summary>
public sealed record RegionsSpec
{
    public RegionSpec? Hair { get; init; }

    public RegionSpec? Skin { get; init; }

    /// <summary>The grey card (for <c>greyCard</c>).</summary>
    public RegionSpec? Reference { get; init; }
}

/// <summary>A region: either <c>rect</c> [x, y, w, h] or <c>polygon</c> [[x, y], …], normalised 0..1.</summary>
public sealed record RegionSpec
{
    public IReadOnlyList<double>? Rect { get; init; }

    public IReadOnlyList<IReadOnlyList<double>>? Polygon { get; init; }

    /// <summary>A rectangle region.</summary>
    public static RegionSpec FromRect(double x, double y, double w, double h) => new() { Rect = [x, y, w, h] };

    /// <summary>The region as an answer gives it: coordinates to <see cref="AnswerPrecision.CoordinateDecimals"/> decimals.</summary>
    public RegionSpec Rounded() => new()
    {
        Rect = Rect?.Select(AnswerPrecision.Coordinate).ToList(),
        Polygon = Polygon?.Select(p => (IReadOnlyList<double>)[.. p.Select(AnswerPrecision.Coordinate)]).ToList(),
    };
}

/// <summary>The reference in the photo: <c>none</c>, <c>greyCard</c> or <c>colorChecker24</c>.</summary>
public sealed record ReferenceSpec
{
    /// <summary>What the reference is (default <c>none</c>).</summary>
    [WireValues(typeof(ReferenceTypes))]
    public string? Type { get; init; }

    /// <summary>Grey card reflectance (default 0.18) when <see cref="Lab"/> is not given.</summary>
    public double? Reflectance { get; init; }

    /// <summary>The grey card's stated Lab (D65).</summary>
    public LabValue? Lab { get; init; }

    /// <summary>Chart: the four outer corners of the patch area, dark-skin corner first, clockwise.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Corners { get; init; }

    /// <summary>
    /// Grey card only: the <c>reference.camera</c> a chart answer returned for the same phone under the same light. With
    /// it the skin goes through a correction made for skin rather than the card's von Kries gains.
    /// </summary>
    public CameraCalibration? Camera { get; init; }
}

