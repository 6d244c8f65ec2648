namespace SmpShade.Colour.Differences;

/// <summary>The CIE 1994 colour difference ΔE*94.</summary>
/// <remarks>
/// CIE 116-1995, "Industrial colour-difference evaluation". ΔE*94 = √[(ΔL*/k_L S_L)² + (ΔC*ab/k_C S_C)² + (ΔH*ab/k_H S_H)²]
/// with S_L = 1, S_C = 1 + K1·C*, S_H = 1 + K2·C*. C* is the chroma of the reference (standard) colour, so the
/// formula is not symmetric: the first argument is the reference.
/// </remarks>
internal static class Cie94
{
    public static double Compute(Lab reference, Lab sample, Cie94Weights weights)
    {
        double c1 = reference.Chroma;
        double c2 = sample.Chroma;
        double dL = reference.L - sample.L;
        double dC = c1 - c2;
        double da = reference.A - sample.A;
        double db = reference.B - sample.B;

        // ΔH*ab² = Δa*² + Δb*² − ΔC*ab²; rounding can make it slightly negative for pure chroma differences.
        double dH2 = Math.Max(0, da * da + db * db - dC * dC);
        double sc = 1 + weights.K1 * c1;
        double sh = 1 + weights.K2 * c1;

        double fl = dL / weights.KL;
        double fc = dC / sc;
        return Math.Sqrt(fl * fl + fc * fc + dH2 / (sh * sh));
    }
}
