namespace SmpShade.Colour;

/// <summary>Linear-light RGB values (0..1 within gamut) of some <see cref="RgbColourSpace"/>.</summary>
/// <param name="R">Linear red.</param>
/// <param name="G">Linear green.</param>
/// <param name="B">Linear blue.</param>
public readonly record struct LinearRgb(double R, double G, double B);

/// <summary>Encoded (gamma-corrected) RGB values, 0..1 within gamut.</summary>
/// <param name="R">Encoded red.</param>
/// <param name="G">Encoded green.</param>
/// <param name="B">Encoded blue.</param>
public readonly record struct Rgb(double R, double G, double B)
{
    /// <summary>"#rrggbb", each channel clipped to 0..1 and rounded to 8 bits.</summary>
    public string ToHex() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{To8(R):x2}{To8(G):x2}{To8(B):x2}");

    /// <summary>Parses "#rrggbb" or "rrggbb".</summary>
    public static Rgb FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        string h = hex.TrimStart('#');
        if (h.Length != 6)
        {
            throw new FormatException($"'{hex}' is not a #rrggbb colour.");
        }

        int v = int.Parse(h, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        return new Rgb(((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0);
    }

    private static int To8(double v) => (int)Math.Round(Math.Clamp(v, 0, 1) * 255);
}

/// <summary>An encoded colour with a flag saying whether it had to be clipped into the gamut.</summary>
/// <param name="Rgb">The encoded colour, clipped to 0..1.</param>
/// <param name="InGamut">False when any channel fell outside 0..1 before clipping.</param>
public readonly record struct GamutMappedRgb(Rgb Rgb, bool InGamut);
