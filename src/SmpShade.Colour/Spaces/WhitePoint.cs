namespace SmpShade.Colour;

/// <summary>A reference white, as tristimulus values with Y = 1.</summary>
/// <param name="Name">Short name, e.g. "D65".</param>
/// <param name="Xyz">Tristimulus values of the white, Y = 1.</param>
public readonly record struct WhitePoint(string Name, Xyz Xyz)
{
    /// <summary>
    /// CIE D65 white for the 1931 2° observer as tabulated by ASTM E308 (X = 95.047, Y = 100, Z = 108.883; also
    /// the values of Lindbloom's tables), scaled to Y = 1: X = 0.95047, Z = 1.08883.
    /// This is the D65 used everywhere in SmpShade. Rounding the chromaticity to (0.3127, 0.3290), as
    /// IEC 61966-2-1 quotes it, would give (0.950456, 1, 1.089058) instead; the two differ by under 0.02 in Lab.
    /// </summary>
    public static readonly WhitePoint D65 = new("D65", new Xyz(0.95047, 1.0, 1.08883));

    /// <summary>
    /// ICC D50 (the profile connection space white, ICC.1:2010 §7.2.16): X = 0.9642, Y = 1, Z = 0.8249.
    /// </summary>
    public static readonly WhitePoint D50 = new("D50", new Xyz(0.9642, 1.0, 0.8249));

    /// <summary>CIE illuminant A (2856 K tungsten), chromaticity (0.44757, 0.40745), CIE 015:2018 Table 11.4.</summary>
    public static readonly WhitePoint A = new("A", Xyz.FromChromaticity(0.44757, 0.40745));

    /// <summary>CIE illuminant C, chromaticity (0.31006, 0.31616), CIE 015:2018 Table 11.4.</summary>
    public static readonly WhitePoint C = new("C", Xyz.FromChromaticity(0.31006, 0.31616));

    /// <summary>CIE illuminant E (equal energy), chromaticity (1/3, 1/3).</summary>
    public static readonly WhitePoint E = new("E", new Xyz(1.0, 1.0, 1.0));

    /// <summary>CIE F2 (cool white fluorescent), chromaticity (0.37208, 0.37529), CIE 015:2018 Table 11.5.</summary>
    public static readonly WhitePoint F2 = new("F2", Xyz.FromChromaticity(0.37208, 0.37529));

    /// <summary>CIE F11 (narrow-band tri-phosphor fluorescent), chromaticity (0.38052, 0.37713), CIE 015:2018 Table 11.5.</summary>
    public static readonly WhitePoint F11 = new("F11", Xyz.FromChromaticity(0.38052, 0.37713));

    /// <summary>Looks up a named white ("D65", "D50", "A", "C", "E", "F2", "F11"), case-insensitively.</summary>
    public static WhitePoint? FromName(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "D65" => D65,
        "D50" => D50,
        "A" => A,
        "C" => C,
        "E" => E,
        "F2" => F2,
        "F11" => F11,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
