using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

/// <summary>Shared inputs of the healed-tone tests: the default model and the Monk Skin Tone swatches.</summary>
public static class HealingFixture
{
    /// <summary>Monk Skin Tone scale MST 1–10 (Monk 2019, as published by Google; docs/colour-library.md), sRGB.</summary>
    public static readonly string[] MonkHex =
        ["f6ede4", "f3e7db", "f7ead0", "eadaba", "d7bd96", "a07e56", "825c43", "604134", "3a312a", "292420"];

    public static HealedToneModel Model { get; } = new(new HealedToneOptions());

    /// <summary>A carbon-black SMP ink as catalogues give it: neutral, L* ≈ 22, carbon's default scattering spectrum.</summary>
    public static InkOptics CarbonBlack { get; } = InkOptics.For(new Lab(22, 0.3, -0.5), null, "carbon");

    /// <summary>A warm dark-brown ink of unknown chemistry (the mixed default).</summary>
    public static InkOptics DarkBrown { get; } = InkOptics.For(new Lab(30, 8, 12), null, "mixed");

    /// <summary>The same dark brown as an iron oxide (strong scattering).</summary>
    public static InkOptics IronOxideBrown { get; } = InkOptics.For(new Lab(30, 8, 12), null, "iron-oxide");

    private static readonly Lazy<SkinFit[]> Fits = new(() => [.. MonkHex.Select(h => Model.FitSkin(MonkLab(h)))]);

    /// <summary>The fitted skin of MST <paramref name="tone"/> (1–10).</summary>
    public static SkinFit Monk(int tone) => Fits.Value[tone - 1];

    public static Lab MonkLab(string hex)
    {
        var rgb = Rgb.FromHex(hex);
        return RgbColourSpace.Srgb.ToLab(rgb.R, rgb.G, rgb.B);
    }

    public static TheoryData<int> Tones(int from, int to)
    {
        var data = new TheoryData<int>();
        for (int t = from; t <= to; t++)
        {
            data.Add(t);
        }

        return data;
    }
}
