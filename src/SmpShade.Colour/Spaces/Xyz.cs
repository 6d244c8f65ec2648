namespace SmpShade.Colour;

/// <summary>CIE 1931 tristimulus values, scaled so that the white point's Y is 1.</summary>
/// <param name="X">X tristimulus.</param>
/// <param name="Y">Y tristimulus (luminance, white = 1).</param>
/// <param name="Z">Z tristimulus.</param>
public readonly record struct Xyz(double X, double Y, double Z)
{
    /// <summary>Component-wise sum.</summary>
    public static Xyz operator +(Xyz p, Xyz q) => new(p.X + q.X, p.Y + q.Y, p.Z + q.Z);

    /// <summary>Scales every component.</summary>
    public static Xyz operator *(Xyz p, double k) => new(p.X * k, p.Y * k, p.Z * k);

    /// <summary>Converts to CIELAB relative to <paramref name="white"/> (CIE 015:2018 eq. 8.1–8.3).</summary>
    public Lab ToLab(WhitePoint white) => Lab.FromXyz(this, white);

    /// <summary>Converts to CIELAB relative to D65, the service's reference white.</summary>
    public Lab ToLab() => Lab.FromXyz(this, WhitePoint.D65);

    /// <summary>Chromaticity x = X / (X + Y + Z).</summary>
    public double ChromaticityX => X / (X + Y + Z);

    /// <summary>Chromaticity y = Y / (X + Y + Z).</summary>
    public double ChromaticityY => Y / (X + Y + Z);

    /// <summary>Tristimulus values of chromaticity (x, y) with luminance <paramref name="luminance"/>.</summary>
    public static Xyz FromChromaticity(double x, double y, double luminance = 1.0) =>
        new(x * luminance / y, luminance, (1 - x - y) * luminance / y);

    /// <summary>True when every component is a finite number.</summary>
    public bool IsFinite => double.IsFinite(X) && double.IsFinite(Y) && double.IsFinite(Z);
}
