namespace SmpShade.Colour;

/// <summary>
/// An additive RGB colour space: primaries, a white, and a transfer function per channel.
/// The RGB→XYZ matrix is derived from the primaries and white (SMPTE RP 177-1993 §3.3).
/// </summary>
public sealed class RgbColourSpace
{
    private readonly Matrix3 toXyzD65;
    private readonly Matrix3 fromXyzD65;

    // Linear values of the 256 8-bit codes per channel: decoding an 8-bit pixel is then three loads, not three Math.Pow.
    private readonly double[] lutRed;
    private readonly double[] lutGreen;
    private readonly double[] lutBlue;

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
        lutRed = EightBitTable(red);
        lutGreen = EightBitTable(green);
        lutBlue = EightBitTable(blue);
    }

    /// <summary>
    /// Builds a space from an ICC matrix/TRC profile: the <c>rXYZ</c>, <c>gXYZ</c>, <c>bXYZ</c> colorant tags
    /// (PCS XYZ, which ICC.1:2010 states relative to the D50 PCS white, chromatically adapted) become the matrix columns, the white is
    /// <see cref="WhitePoint.D50"/>, and the <c>rTRC</c>, <c>gTRC</c>, <c>bTRC</c> curves the transfer functions.
    /// </summary>
    public static RgbColourSpace FromIccColorants(string name, Xyz redColorant, Xyz greenColorant, Xyz blueColorant,
        TransferFunction red, TransferFunction green, TransferFunction blue) =>
        new(name, Matrix3.FromColumns(redColorant, greenColorant, blueColorant), WhitePoint.D50, red, green, blue);

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

    /// <summary>8-bit encoded RGB → linear RGB through a 256-entry table per channel (exactly <c>ToLinear(code / 255.0)</c>).</summary>
    public LinearRgb ToLinear8(byte r, byte g, byte b) => new(lutRed[r], lutGreen[g], lutBlue[b]);

    /// <summary>8-bit encoded RGB → CIELAB relative to D65, through the 8-bit tables.</summary>
    public Lab ToLab8(byte r, byte g, byte b) => LinearToXyz(ToLinear8(r, g, b)).ToLab(WhitePoint.D65);

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

    /// <summary>Encoded RGB (0..1) → CIELAB relative to D65.</summary>
    public Lab ToLab(Rgb rgb) => ToLab(rgb.R, rgb.G, rgb.B);

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

    private static double[] EightBitTable(TransferFunction f)
    {
        var table = new double[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = f.ToLinear(i / 255.0);
        }

        return table;
    }

    // Odd extension keeps out-of-gamut negatives meaningful for the gamut flag.
    private static double EncodeSigned(TransferFunction f, double v) => v < 0 ? -f.ToEncoded(-v) : f.ToEncoded(v);
}
