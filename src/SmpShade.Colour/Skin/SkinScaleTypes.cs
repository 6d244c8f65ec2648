namespace SmpShade.Colour.Skin;

/// <summary>
/// Skin colour categories by individual typology angle (Del Bino et al. 2006, after Chardon et al. 1991).
/// Each category includes its upper bound: very light ITA° &gt; 55, light 41 &lt; ITA° ≤ 55, intermediate
/// 28 &lt; ITA° ≤ 41, tan 10 &lt; ITA° ≤ 28, brown −30 &lt; ITA° ≤ 10, dark ITA° ≤ −30.
/// </summary>
public enum ItaCategory
{
    /// <summary>ITA° &gt; 55.</summary>
    VeryLight,

    /// <summary>41 &lt; ITA° ≤ 55.</summary>
    Light,

    /// <summary>28 &lt; ITA° ≤ 41.</summary>
    Intermediate,

    /// <summary>10 &lt; ITA° ≤ 28.</summary>
    Tan,

    /// <summary>−30 &lt; ITA° ≤ 10.</summary>
    Brown,

    /// <summary>ITA° ≤ −30.</summary>
    Dark,
}

/// <summary>One tone of the Monk Skin Tone scale.</summary>
/// <param name="Tone">Tone number, 1 (lightest) to 10 (darkest).</param>
/// <param name="Hex">The published sRGB swatch, "#rrggbb".</param>
/// <param name="Lab">The swatch in CIELAB (D65), decoded as sRGB.</param>
public readonly record struct MonkSkinTone(int Tone, string Hex, Lab Lab);

/// <summary>The Monk Skin Tone nearest to a measured skin colour.</summary>
/// <param name="Tone">Tone number, 1 to 10.</param>
/// <param name="Hex">The tone's sRGB swatch, "#rrggbb".</param>
/// <param name="Lab">The tone's CIELAB (D65).</param>
/// <param name="DeltaE00">CIEDE2000 from the measured colour to the tone.</param>
public readonly record struct MonkMatch(int Tone, string Hex, Lab Lab, double DeltaE00);

/// <summary>Skin-dependent ΔE00 thresholds for judging a colour match.</summary>
/// <param name="Perceptibility">ΔE00 below which half of observers see no difference.</param>
/// <param name="Acceptability">ΔE00 below which half of observers accept the match.</param>
public readonly record struct SkinThresholds(double Perceptibility, double Acceptability);
