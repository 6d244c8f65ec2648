namespace SmpShade.Colour.Transport;

/// <summary>Unpolarised Fresnel reflection at smooth interfaces, and at a non-absorbing glass slide.</summary>
public static class Fresnel
{
    /// <summary>
    /// Reflectance of unpolarised light going from index <paramref name="from"/> into <paramref name="to"/> at cosine
    /// <paramref name="cosine"/> in the first medium: the mean of the s and p Fresnel reflectances (Born &amp; Wolf);
    /// 1 beyond the critical angle.
    /// </summary>
    public static double Reflectance(double from, double to, double cosine)
    {
        if (from == to)
        {
            return 0;
        }

        double sinT2 = from * from / (to * to) * (1 - (cosine * cosine));
        if (sinT2 >= 1)
        {
            return 1;
        }

        double cosT = Math.Sqrt(1 - sinT2);
        double rs = ((from * cosine) - (to * cosT)) / ((from * cosine) + (to * cosT));
        double rp = ((from * cosT) - (to * cosine)) / ((from * cosT) + (to * cosine));
        return ((rs * rs) + (rp * rp)) / 2;
    }

    /// <summary>
    /// Reflectance, seen from a slab of index <paramref name="slab"/> at cosine <paramref name="cosine"/>, of its
    /// boundary with air, through an optional non-absorbing glass slide of index <paramref name="glass"/> (null for
    /// none): the two interfaces with incoherent multiple reflection in the glass, (r₁ + r₂ − 2r₁r₂)/(1 − r₁r₂).
    /// </summary>
    public static double Boundary(double slab, double cosine, double? glass)
    {
        if (glass is not { } g)
        {
            return Reflectance(slab, 1, cosine);
        }

        double r1 = Reflectance(slab, g, cosine);
        double sinG2 = slab * slab / (g * g) * (1 - (cosine * cosine));
        if (r1 >= 1 || sinG2 >= 1)
        {
            return 1;
        }

        double r2 = Reflectance(g, 1, Math.Sqrt(1 - sinG2));
        if (r2 >= 1)
        {
            return 1;
        }

        return (r1 + r2 - (2 * r1 * r2)) / (1 - (r1 * r2));
    }
}
