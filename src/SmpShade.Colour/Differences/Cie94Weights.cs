namespace SmpShade.Colour;

/// <summary>The application weights of CIE94: the parametric factor k_L and the chroma and hue slopes K1, K2.</summary>
/// <param name="KL">Lightness parametric factor k_L (k_C = k_H = 1).</param>
/// <param name="K1">Chroma weighting slope: S_C = 1 + K1·C*₁.</param>
/// <param name="K2">Hue weighting slope: S_H = 1 + K2·C*₁.</param>
public readonly record struct Cie94Weights(double KL, double K1, double K2)
{
    /// <summary>Graphic arts (the CIE 116-1995 reference conditions): k_L = 1, K1 = 0.045, K2 = 0.015.</summary>
    public static readonly Cie94Weights GraphicArts = new(1, 0.045, 0.015);

    /// <summary>Textiles: k_L = 2, K1 = 0.048, K2 = 0.014 (the textile-industry factors, as tabulated by Lindbloom).</summary>
    public static readonly Cie94Weights Textiles = new(2, 0.048, 0.014);
}
