using SmpShade.Colour.Skin;

namespace SmpShade.Api.Matching;

/// <summary>
/// The tier of a match against the skin-dependent thresholds of <see cref="SkinScales.Thresholds"/> (Leow et al. 2006:
/// 0.8 / 1.8 on light skin, 1.3 / 2.6 on dark, linear in ITA° between).
/// </summary>
public readonly record struct MatchThresholds(SkinThresholds Bounds)
{
    /// <summary>ΔE00 below which nobody sees the difference.</summary>
    public double Perceptibility => Bounds.Perceptibility;

    /// <summary>ΔE00 below which the difference is acceptable.</summary>
    public double Acceptability => Bounds.Acceptability;

    /// <summary>imperceptible, acceptable or visible.</summary>
    public string Tier(double deltaE00) =>
        deltaE00 <= Perceptibility ? MatchTiers.Imperceptible : deltaE00 <= Acceptability ? MatchTiers.Acceptable : MatchTiers.Visible;
}
