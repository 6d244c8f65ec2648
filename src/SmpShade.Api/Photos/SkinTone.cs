using SmpShade.Colour;

namespace SmpShade.Api.Photos;

/// <summary>
/// ITA° and the nearest Monk Skin Tone of a skin Lab (SCIENCE.md §5).
/// TODO(lead): replace with SmpShade.Colour.Skin.SkinScales once the colour helper's version is on main.
/// </summary>
public static class SkinTone
{
    /// <summary>Monk Skin Tone swatches 1–10 (Monk 2019, as published by Google's skintone.google).</summary>
    private static readonly string[] MonkHex =
        ["f6ede4", "f3e7db", "f7ead0", "eadaba", "d7bd96", "a07e56", "825c43", "604134", "3a312a", "292420"];

    private static readonly Lab[] MonkLab = [.. MonkHex.Select(h =>
    {
        var rgb = Rgb.FromHex(h);
        return RgbColourSpace.Srgb.ToLab(rgb.R, rgb.G, rgb.B);
    })];

    /// <summary>ITA° = atan2(L* − 50, b*) · 180/π (Chardon 1991; atan2 keeps b* near 0 finite).</summary>
    public static double Ita(Lab lab) => Math.Atan2(lab.L - 50, lab.B) * 180 / Math.PI;

    /// <summary>Del Bino (2013) categories: very light &gt; 55, light 41–55, intermediate 28–41, tan 10–28, brown −30–10, dark ≤ −30.</summary>
    public static string ItaCategory(double ita) => ita switch
    {
        > 55 => "veryLight",
        > 41 => "light",
        > 28 => "intermediate",
        > 10 => "tan",
        > -30 => "brown",
        _ => "dark",
    };

    /// <summary>The Monk tone nearest by ΔE00.</summary>
    public static MonkTone NearestMonk(Lab lab)
    {
        int best = 0;
        double bestDe = double.MaxValue;
        for (int i = 0; i < MonkLab.Length; i++)
        {
            double de = DeltaE.Ciede2000(lab, MonkLab[i]);
            if (de < bestDe)
            {
                (best, bestDe) = (i, de);
            }
        }

        return new MonkTone(best + 1, "#" + MonkHex[best], bestDe);
    }
}
