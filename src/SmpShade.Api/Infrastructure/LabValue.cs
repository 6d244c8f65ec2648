using SmpShade.Colour;

namespace SmpShade.Api.Infrastructure;

/// <summary>A Lab in an answer, <c>{"l", "a", "b"}</c>, D65 / 2° (API.md: every Lab on the wire has this shape).</summary>
public sealed record LabValue(double L, double A, double B)
{
    /// <summary>The wire form of a colour-library Lab, to <see cref="AnswerPrecision.ColourDecimals"/> decimals.</summary>
    public static LabValue From(Lab lab) => Rounded(lab.L, lab.A, lab.B);

    /// <summary>An answer's Lab (or a spread of one) to <see cref="AnswerPrecision.ColourDecimals"/> decimals.</summary>
    public static LabValue Rounded(double l, double a, double b) =>
        new(AnswerPrecision.Colour(l), AnswerPrecision.Colour(a), AnswerPrecision.Colour(b));

    /// <summary>Back to the colour library's value.</summary>
    public Lab ToLab() => new(L, A, B);
}

/// <summary>An LCh in an answer, <c>{"l", "c", "h"}</c> (h in degrees), D65 / 2°: the same colour as its <see cref="LabValue"/>.</summary>
public sealed record LChValue(double L, double C, double H);
