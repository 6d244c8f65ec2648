namespace SmpShade.Colour;

/// <summary>Colour-difference formulas. All take Lab relative to the same white.</summary>
public static class DeltaE
{
    /// <summary>CIEDE2000 ΔE00 with kL = kC = kH = 1 (Sharma, Wu &amp; Dalal 2005).</summary>
    public static double Ciede2000(Lab reference, Lab sample) => Differences.Ciede2000.Compute(reference, sample).DeltaE;

    /// <summary>CIEDE2000 with its lightness, chroma and hue parts ΔL′, ΔC′, ΔH′ (each already divided by its weight).</summary>
    public static Ciede2000Result Ciede2000Parts(Lab reference, Lab sample) => Differences.Ciede2000.Compute(reference, sample);

    /// <summary>
    /// CIE 1994 ΔE*94 (CIE 116-1995) with the graphic-arts weights unless <paramref name="weights"/> says otherwise
    /// (<see cref="Cie94Weights.Textiles"/>). Not symmetric: the chroma weighting uses <paramref name="reference"/>.
    /// </summary>
    public static double Cie94(Lab reference, Lab sample, Cie94Weights? weights = null) =>
        Differences.Cie94.Compute(reference, sample, weights ?? Cie94Weights.GraphicArts);

    /// <summary>CIE 1976 ΔE*ab: Euclidean distance in Lab.</summary>
    public static double Cie76(Lab reference, Lab sample)
    {
        double dl = reference.L - sample.L, da = reference.A - sample.A, db = reference.B - sample.B;
        return Math.Sqrt(dl * dl + da * da + db * db);
    }
}

/// <summary>A CIEDE2000 difference and its parts.</summary>
/// <param name="DeltaE">ΔE00.</param>
/// <param name="DeltaL">ΔL′ / (kL·SL): signed, sample minus reference (positive: sample lighter).</param>
/// <param name="DeltaC">ΔC′ / (kC·SC): signed (positive: sample more chromatic).</param>
/// <param name="DeltaH">ΔH′ / (kH·SH): signed hue difference.</param>
public readonly record struct Ciede2000Result(double DeltaE, double DeltaL, double DeltaC, double DeltaH);
