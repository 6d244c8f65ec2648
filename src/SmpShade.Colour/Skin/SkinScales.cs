namespace SmpShade.Colour.Skin;

/// <summary>Skin colour scales: ITA° and its category, the Monk Skin Tone scale, and skin-dependent match tolerances.</summary>
public static class SkinScales
{
    // Monk Skin Tone scale (E. Monk, 2019; released by Google as skintone.google, CC BY 4.0): sRGB swatches, tones 1–10.
    private static readonly string[] MonkHex =
        ["#f6ede4", "#f3e7db", "#f7ead0", "#eadaba", "#d7bd96", "#a07e56", "#825c43", "#604134", "#3a312a", "#292420"];

    /// <summary>The ten Monk Skin Tones, lightest first, with their CIELAB (D65) decoded as sRGB.</summary>
    public static IReadOnlyList<MonkSkinTone> MonkTones { get; } =
        [.. MonkHex.Select((hex, i) => new MonkSkinTone(i + 1, hex, RgbColourSpace.Srgb.ToLab(Rgb.FromHex(hex))))];

    // Leow et al. 2006 (Prosthet. Orthot. Int. 30(1):5–16), ΔE00 thresholds for light and dark skin.
    private const double LightPerceptibility = 0.8;
    private const double LightAcceptability = 1.8;
    private const double DarkPerceptibility = 1.3;
    private const double DarkAcceptability = 2.6;

    // ITA° at which the light-skin and dark-skin thresholds apply in full (the very-light and dark category bounds).
    private const double LightIta = 55;
    private const double DarkIta = -30;

    /// <summary>
    /// Individual typology angle ITA° = atan2(L* − 50, b*) · 180/π (Chardon et al. 1991), in degrees, −180..180.
    /// atan2 keeps it defined when b* is 0 or negative.
    /// </summary>
    public static double Ita(Lab lab) => Math.Atan2(lab.L - 50, lab.B) * 180 / Math.PI;

    /// <summary>The Del Bino category of an ITA° value (each category includes its upper bound).</summary>
    public static ItaCategory Category(double itaDegrees) => itaDegrees switch
    {
        > 55 => ItaCategory.VeryLight,
        > 41 => ItaCategory.Light,
        > 28 => ItaCategory.Intermediate,
        > 10 => ItaCategory.Tan,
        > -30 => ItaCategory.Brown,
        _ => ItaCategory.Dark,
    };

    /// <summary>The Del Bino category of a skin colour.</summary>
    public static ItaCategory Category(Lab skin) => Category(Ita(skin));

    /// <summary>The Monk Skin Tone nearest to <paramref name="skin"/> by CIEDE2000, and the distance to it.</summary>
    public static MonkMatch NearestMonk(Lab skin)
    {
        MonkSkinTone best = MonkTones[0];
        double bestDe = double.PositiveInfinity;
        foreach (MonkSkinTone tone in MonkTones)
        {
            double de = DeltaE.Ciede2000(skin, tone.Lab);
            if (de < bestDe)
            {
                best = tone;
                bestDe = de;
            }
        }

        return new MonkMatch(best.Tone, best.Hex, best.Lab, bestDe);
    }

    /// <summary>
    /// Perceptibility and acceptability ΔE00 for a match on <paramref name="skin"/>: 0.8 / 1.8 on light skin
    /// (ITA° ≥ 55) and 1.3 / 2.6 on dark skin (ITA° ≤ −30) after Leow et al. 2006, linear in ITA° between.
    /// </summary>
    public static SkinThresholds Thresholds(Lab skin)
    {
        double t = Math.Clamp((LightIta - Ita(skin)) / (LightIta - DarkIta), 0, 1);
        return new SkinThresholds(
            LightPerceptibility + t * (DarkPerceptibility - LightPerceptibility),
            LightAcceptability + t * (DarkAcceptability - LightAcceptability));
    }
}
