namespace SmpShade.Colour;

/// <summary>
/// An RGB channel's transfer function: encoded value (0..1) to linear light and back.
/// Covers the ICC parametric curve types 0–4 (ICC.1:2010 Table 65), which include
/// sRGB, pure gammas and Rec.2020, and sampled (table) curves.
/// </summary>
public abstract class TransferFunction
{
    /// <summary>Encoded value to linear light.</summary>
    public abstract double ToLinear(double encoded);

    /// <summary>Linear light to encoded value.</summary>
    public abstract double ToEncoded(double linear);

    /// <summary>IEC 61966-2-1 sRGB: linear below 0.04045, else ((V + 0.055)/1.055)^2.4.</summary>
    public static readonly TransferFunction Srgb = new ParametricCurve(2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045, 0, 0);

    /// <summary>A pure power law V^γ (Adobe RGB 1998 uses 563/256 ≈ 2.19921875).</summary>
    public static TransferFunction Gamma(double gamma) => new ParametricCurve(gamma, 1, 0, 0, 0, 0, 0);

    /// <summary>ProPhoto RGB (ROMM RGB, ISO 22028-2): γ 1.8 with a linear toe below 1/512 linear (16/512 encoded).</summary>
    public static readonly TransferFunction ProPhoto = new ParametricCurve(1.8, 1, 0, 1.0 / 16, 16.0 / 512, 0, 0);

    /// <summary>ITU-R BT.2020 (and BT.709) OETF inverse, α = 1.09929682680944, β = 0.018053968510807.</summary>
    public static readonly TransferFunction Rec2020 = new ParametricCurve(
        1 / 0.45, 1 / 1.09929682680944, 0.09929682680944 / 1.09929682680944, 1 / 4.5, 4.5 * 0.018053968510807, 0, 0);

    /// <summary>The identity (already linear).</summary>
    public static readonly TransferFunction Linear = new ParametricCurve(1, 1, 0, 0, 0, 0, 0);
}

/// <summary>
/// The ICC parametric curve of function type 4 (ICC.1:2010 Table 65), which contains types 0–3:
/// Y = (aX + b)^g + e for X ≥ d, Y = cX + f for X &lt; d.
/// </summary>
public sealed class ParametricCurve : TransferFunction
{
    /// <summary>Creates the curve from the ICC parameters g, a, b, c, d, e, f.</summary>
    public ParametricCurve(double g, double a, double b, double c, double d, double e, double f)
    {
        G = g; A = a; B = b; C = c; D = d; E = e; F = f;
        // The encoded breakpoint maps to this linear value; used to invert.
        LinearBreak = D > 0 ? C * D + F : double.NegativeInfinity;
    }

    /// <summary>
    /// The curve of an ICC <c>para</c> tag: function type 0–4 with its 1, 3, 4, 5 or 7 parameters in tag order
    /// (ICC.1:2010 Table 65). Types 1 and 2 are flat below X = −b/a (at 0 and at c); all map onto the type-4 form.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown function type or wrong number of parameters.</exception>
    public static ParametricCurve FromIcc(int functionType, IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int expected = functionType switch { 0 => 1, 1 => 3, 2 => 4, 3 => 5, 4 => 7, _ => -1 };
        if (expected < 0 || parameters.Count != expected)
        {
            throw new ArgumentException(
                $"ICC parametric curve type {functionType} with {parameters.Count} parameters is not defined.", nameof(parameters));
        }

        var p = parameters;
        return functionType switch
        {
            0 => new ParametricCurve(p[0], 1, 0, 0, 0, 0, 0),
            1 => new ParametricCurve(p[0], p[1], p[2], 0, -p[2] / p[1], 0, 0),
            2 => new ParametricCurve(p[0], p[1], p[2], 0, -p[2] / p[1], p[3], p[3]),
            3 => new ParametricCurve(p[0], p[1], p[2], p[3], p[4], 0, 0),
            _ => new ParametricCurve(p[0], p[1], p[2], p[3], p[4], p[5], p[6]),
        };
    }

    /// <summary>Exponent.</summary>
    public double G { get; }
    /// <summary>Scale inside the power.</summary>
    public double A { get; }
    /// <summary>Offset inside the power.</summary>
    public double B { get; }
    /// <summary>Slope of the linear toe.</summary>
    public double C { get; }
    /// <summary>Encoded breakpoint between toe and power segment.</summary>
    public double D { get; }
    /// <summary>Offset added to the power segment.</summary>
    public double E { get; }
    /// <summary>Offset added to the toe.</summary>
    public double F { get; }

    private double LinearBreak { get; }

    /// <inheritdoc />
    public override double ToLinear(double encoded)
    {
        if (encoded < D)
        {
            return C * encoded + F;
        }

        double t = A * encoded + B;
        return (t > 0 ? Math.Pow(t, G) : 0) + E;
    }

    /// <inheritdoc />
    public override double ToEncoded(double linear)
    {
        if (D > 0 && linear < LinearBreak)
        {
            return C != 0 ? (linear - F) / C : 0;
        }

        double t = linear - E;
        double p = t > 0 ? Math.Pow(t, 1 / G) : 0;
        return (p - B) / A;
    }
}

/// <summary>A sampled curve (ICC 'curv' with more than one entry), linearly interpolated, inverted by bisection.</summary>
public sealed class SampledCurve : TransferFunction
{
    private readonly double[] samples;

    /// <summary>Creates a curve from samples of linear output at equally spaced encoded inputs 0..1.</summary>
    public SampledCurve(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count < 2)
        {
            throw new ArgumentException("A sampled curve needs at least two samples.", nameof(samples));
        }

        this.samples = [.. samples];
    }

    /// <inheritdoc />
    public override double ToLinear(double encoded)
    {
        double x = Math.Clamp(encoded, 0, 1) * (samples.Length - 1);
        int i = Math.Min((int)x, samples.Length - 2);
        double t = x - i;
        return samples[i] + t * (samples[i + 1] - samples[i]);
    }

    /// <inheritdoc />
    public override double ToEncoded(double linear)
    {
        // Monotonic curves only (as ICC TRCs are); bisection is exact enough for display.
        double lo = 0, hi = 1;
        for (int k = 0; k < 40; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (ToLinear(mid) < linear)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
