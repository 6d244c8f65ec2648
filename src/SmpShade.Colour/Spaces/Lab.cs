namespace SmpShade.Colour;

/// <summary>
/// CIELAB (CIE 1976 L*a*b*). In SmpShade every Lab is relative to D65 and the CIE 1931 2° observer
/// unless a method says otherwise.
/// </summary>
/// <param name="L">Lightness L*, 0 (black) to 100 (white).</param>
/// <param name="A">Red–green opponent coordinate a*.</param>
/// <param name="B">Yellow–blue opponent coordinate b*.</param>
public readonly record struct Lab(double L, double A, double B)
{
    // CIE 015:2018 §8.2.1: the cube-root segment joins a linear one at (6/29)^3.
    private const double Epsilon = 216.0 / 24389.0; // (6/29)^3
    private const double Kappa = 24389.0 / 27.0;    // (29/3)^3

    /// <summary>Converts tristimulus values to Lab relative to <paramref name="white"/>.</summary>
    public static Lab FromXyz(Xyz xyz, WhitePoint white)
    {
        double fx = F(xyz.X / white.Xyz.X);
        double fy = F(xyz.Y / white.Xyz.Y);
        double fz = F(xyz.Z / white.Xyz.Z);
        return new Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /// <summary>Converts back to tristimulus values relative to <paramref name="white"/>.</summary>
    public Xyz ToXyz(WhitePoint white)
    {
        double fy = (L + 16) / 116;
        double fx = fy + A / 500;
        double fz = fy - B / 200;
        return new Xyz(FInverse(fx) * white.Xyz.X, FInverse(fy) * white.Xyz.Y, FInverse(fz) * white.Xyz.Z);
    }

    /// <summary>Converts back to tristimulus values relative to D65.</summary>
    public Xyz ToXyz() => ToXyz(WhitePoint.D65);

    /// <summary>Chroma C*ab = √(a*² + b*²).</summary>
    public double Chroma => Math.Sqrt(A * A + B * B);

    /// <summary>Hue angle h_ab in degrees, 0 ≤ h &lt; 360 (atan2, so b* = 0 is well defined).</summary>
    public double HueDegrees
    {
        get
        {
            double h = Math.Atan2(B, A) * 180 / Math.PI;
            return h < 0 ? h + 360 : h;
        }
    }

    /// <summary>The cylindrical form of this colour.</summary>
    public LCh ToLCh() => new(L, Chroma, HueDegrees);

    /// <summary>True when every component is a finite number.</summary>
    public bool IsFinite => double.IsFinite(L) && double.IsFinite(A) && double.IsFinite(B);

    /// <summary>
    /// Adapts a Lab measured relative to <paramref name="from"/> so that it is relative to
    /// <paramref name="to"/>, with the Bradford transform (e.g. a D50 spectrophotometer value to D65).
    /// </summary>
    public Lab Adapt(WhitePoint from, WhitePoint to) =>
        ChromaticAdaptation.Bradford(ToXyz(from), from, to).ToLab(to);

    private static double F(double t) => t > Epsilon ? Math.Cbrt(t) : (Kappa * t + 16) / 116;

    private static double FInverse(double f)
    {
        double f3 = f * f * f;
        return f3 > Epsilon ? f3 : (116 * f - 16) / Kappa;
    }
}

/// <summary>CIE LCh(ab): lightness, chroma and hue angle of a <see cref="Lab"/> colour.</summary>
/// <param name="L">Lightness L*.</param>
/// <param name="C">Chroma C*ab.</param>
/// <param name="H">Hue angle h_ab in degrees, 0 ≤ h &lt; 360.</param>
public readonly record struct LCh(double L, double C, double H)
{
    /// <summary>Back to rectangular Lab.</summary>
    public Lab ToLab()
    {
        double rad = H * Math.PI / 180;
        return new Lab(L, C * Math.Cos(rad), C * Math.Sin(rad));
    }
}
