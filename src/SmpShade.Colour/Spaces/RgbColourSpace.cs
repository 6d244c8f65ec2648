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

/// <summary>
/// An additive RGB colour space: primaries, a white, and a transfer function per channel.
/// The RGB→XYZ matrix is derived from the primaries and white (SMPTE RP 177-1993 §3.3).
/// </summary>
public sealed class RgbColourSpace
{
    private readonly Matrix3 toXyzD65;
    private readonly Matrix3 fromXyzD65;

    /// <summary>Builds a space from primary chromaticities, its white and one transfer function for all channels.</summary>
    public RgbColourSpace(string name, (double X, double Y) red, (double X, double Y) green, (double X, double Y) blue,
        WhitePoint white, TransferFunction transfer)
        : this(name, MatrixFromPrimaries(red, green, blue, white), white, transfer, transfer, transfer)
    {
    }

    /// <summary>
    /// Builds a space from its RGB→XYZ matrix (relative to <paramref name="white"/>, white Y = 1) and
    /// per-channel transfer functions. This is the form an ICC matrix/TRC profile gives
    /// (colorant tags as columns, white D50).
    /// </summary>
    public RgbColourSpace(string name, Matrix3 rgbToXyz, WhitePoint white,
        TransferFunction red, TransferFunction green, TransferFunction blue)
    {
        Name = name;
        White = white;
        RgbToXyz = rgbToXyz;
        Red = red;
        Green = green;
        Blue = blue;
        toXyzD65 = ChromaticAdaptation.BradfordMatrix(white, WhitePoint.D65) * rgbToXyz;
        fromXyzD65 = toXyzD65.Invert();
    }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>The space's own white.</summary>
    public WhitePoint White { get; }

    /// <summary>Linear RGB → XYZ relative to <see cref="White"/>.</summary>
    public Matrix3 RgbToXyz { get; }

    /// <summary>Linear RGB → XYZ relative to D65 (Bradford-adapted where the space's white differs).</summary>
    public Matrix3 RgbToXyzD65 => toXyzD65;

    /// <summary>Red transfer function.</summary>
    public TransferFunction Red { get; }
    /// <summary>Green transfer function.</summary>
    public TransferFunction Green { get; }
    /// <summary>Blue transfer function.</summary>
    public TransferFunction Blue { get; }

    /// <summary>sRGB, IEC 61966-2-1:1999: Rec.709 primaries, D65, the piecewise sRGB curve.</summary>
    public static readonly RgbColourSpace Srgb = new("sRGB", (0.64, 0.33), (0.30, 0.60), (0.15, 0.06), WhitePoint.D65, TransferFunction.Srgb);

    /// <summary>Display P3 (Apple): DCI-P3 primaries, D65 white, the sRGB curve.</summary>
    public static readonly RgbColourSpace DisplayP3 = new("Display P3", (0.680, 0.320), (0.265, 0.690), (0.150, 0.060), WhitePoint.D65, TransferFunction.Srgb);

    /// <summary>Adobe RGB (1998), Adobe's specification (2005): D65 white, γ = 563/256.</summary>
    public static readonly RgbColourSpace AdobeRgb1998 = new("Adobe RGB (1998)", (0.64, 0.33), (0.21, 0.71), (0.15, 0.06), WhitePoint.D65, TransferFunction.Gamma(563.0 / 256));

    /// <summary>ProPhoto RGB (ROMM RGB, ISO 22028-2:2013): D50 white, γ 1.8 with a linear toe.</summary>
    public static readonly RgbColourSpace ProPhotoRgb = new("ProPhoto RGB", (0.7347, 0.2653), (0.1596, 0.8404), (0.0366, 0.0001), WhitePoint.D50, TransferFunction.ProPhoto);

    /// <summary>ITU-R BT.2020: D65 white, the BT.2020 transfer curve.</summary>
    public static readonly RgbColourSpace Rec2020 = new("Rec. 2020", (0.708, 0.292), (0.170, 0.797), (0.131, 0.046), WhitePoint.D65, TransferFunction.Rec2020);

    /// <summary>Encoded RGB (0..1) → linear RGB.</summary>
    public LinearRgb ToLinear(double r, double g, double b) => new(Red.ToLinear(r), Green.ToLinear(g), Blue.ToLinear(b));

    /// <summary>Linear RGB → XYZ relative to D65.</summary>
    public Xyz LinearToXyz(LinearRgb rgb)
    {
        var (x, y, z) = toXyzD65.Apply(rgb.R, rgb.G, rgb.B);
        return new Xyz(x, y, z);
    }

    /// <summary>Encoded RGB (0..1) → XYZ relative to D65.</summary>
    public Xyz ToXyz(double r, double g, double b) => LinearToXyz(ToLinear(r, g, b));

    /// <summary>Encoded RGB values in 0..1 → CIELAB relative to D65 (adapting from the space's white where it differs).</summary>
    public Lab ToLab(double r, double g, double b) => ToXyz(r, g, b).ToLab(WhitePoint.D65);

    /// <summary>XYZ relative to D65 → linear RGB (may fall outside 0..1).</summary>
    public LinearRgb XyzToLinear(Xyz xyz)
    {
        var (r, g, b) = fromXyzD65.Apply(xyz.X, xyz.Y, xyz.Z);
        return new LinearRgb(r, g, b);
    }

    /// <summary>Lab (D65) → encoded RGB, unclipped (values outside 0..1 are out of gamut).</summary>
    public Rgb FromLabUnclipped(Lab lab)
    {
        LinearRgb lin = XyzToLinear(lab.ToXyz(WhitePoint.D65));
        return new Rgb(EncodeSigned(Red, lin.R), EncodeSigned(Green, lin.G), EncodeSigned(Blue, lin.B));
    }

    /// <summary>Lab (D65) → encoded RGB clipped into 0..1, with a flag saying whether clipping was needed.</summary>
    public GamutMappedRgb FromLab(Lab lab)
    {
        const double Tolerance = 1e-6;
        Rgb raw = FromLabUnclipped(lab);
        bool inGamut = raw.R >= -Tolerance && raw.R <= 1 + Tolerance && raw.G >= -Tolerance && raw.G <= 1 + Tolerance
            && raw.B >= -Tolerance && raw.B <= 1 + Tolerance;
        return new GamutMappedRgb(new Rgb(Math.Clamp(raw.R, 0, 1), Math.Clamp(raw.G, 0, 1), Math.Clamp(raw.B, 0, 1)), inGamut);
    }

    /// <summary>The RGB→XYZ matrix of primaries (x, y) and a white (SMPTE RP 177-1993 §3.3).</summary>
    public static Matrix3 MatrixFromPrimaries((double X, double Y) red, (double X, double Y) green, (double X, double Y) blue, WhitePoint white)
    {
        Matrix3 p = Matrix3.FromColumns(
            Xyz.FromChromaticity(red.X, red.Y), Xyz.FromChromaticity(green.X, green.Y), Xyz.FromChromaticity(blue.X, blue.Y));
        Xyz s = p.Invert().Apply(white.Xyz);
        return p * Matrix3.Diagonal(s.X, s.Y, s.Z);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    // Odd extension keeps out-of-gamut negatives meaningful for the gamut flag.
    private static double EncodeSigned(TransferFunction f, double v) => v < 0 ? -f.ToEncoded(-v) : f.ToEncoded(v);
}
