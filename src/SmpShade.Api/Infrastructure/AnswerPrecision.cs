namespace SmpShade.Api.Infrastructure;

/// <summary>
/// How many decimals numbers carry in answers (docs/api.md, Conventions). Colour values to 0.001 (a thousandth of
/// the CIEDE2000 unit, a hundredth of a just-visible difference, far below what a photo can measure); ITA° to 0.01°;
/// normalised coordinates to 0.0001 (under half a pixel across a 12-MP photo's long side). Beyond these, digits are
/// float noise (a rectangle came back at 0.09999999999999999).
/// </summary>
public static class AnswerPrecision
{
    public const int ColourDecimals = 3;
    public const int ItaDecimals = 2;
    public const int CoordinateDecimals = 4;

    /// <summary>A CIELAB or LCh value, a ΔE00, a spread of them.</summary>
    public static double Colour(double value) => Math.Round(value, ColourDecimals);

    /// <inheritdoc cref="Colour(double)"/>
    public static double? Colour(double? value) => value is null ? null : Colour(value.Value);

    /// <summary>An individual typology angle (ITA°).</summary>
    public static double Ita(double value) => Math.Round(value, ItaDecimals);

    /// <summary>A normalised (0..1) photo coordinate.</summary>
    public static double Coordinate(double value) => Math.Round(value, CoordinateDecimals);
}
