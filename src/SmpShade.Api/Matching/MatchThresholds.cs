using SmpShade.Colour;

namespace SmpShade.Api.Matching;

/// <summary>Perceptibility and acceptability ΔE00 for a match on a given skin.</summary>
public readonly record struct MatchThresholds(double Perceptibility, double Acceptability)
{
    /// <summary>
    /// 0.8 / 1.8 on light skin (ITA° ≥ 55) and 1.3 / 2.6 on dark skin (ITA° ≤ −30), Leow et al. 2006 (facial
    /// prostheses), linear in ITA° = atan2(L* − 50, b*)·180/π between (SCIENCE.md §5).
    /// </summary>
    /// <remarks>Kept here until SmpShade.Colour.Skin.SkinScales.Thresholds (colour branch) is on main; same formula.</remarks>
    public static MatchThresholds For(Lab skin)
    {
        double ita = Math.Atan2(skin.L - 50, skin.B) * 180 / Math.PI;
        double t = Math.Clamp((55 - ita) / (55 - -30), 0, 1);
        return new MatchThresholds(0.8 + t * (1.3 - 0.8), 1.8 + t * (2.6 - 1.8));
    }

    /// <summary>imperceptible, acceptable or visible.</summary>
    public string Tier(double deltaE00) =>
        deltaE00 <= Perceptibility ? "imperceptible" : deltaE00 <= Acceptability ? "acceptable" : "visible";
}
