namespace SmpShade.Colour.Spectra;

/// <summary>
/// Two-flux Kubelka–Munk theory for one wavelength: a layer's reflectance and transmittance from its absorption
/// K and scattering S (any length⁻¹ unit, the same as the thickness's inverse), stacking, and Saunderson's surface
/// correction.
/// </summary>
/// <remarks>
/// Kubelka &amp; Munk (1931); hyperbolic solution of Kubelka (1948, J. Opt. Soc. Am. 38:448):
/// a = (S + K)/S, b = √(a² − 1), R∞ = a − b,
/// R = [1 − Rg(a − b·coth bSX)] / [a − Rg + b·coth bSX], T = b / [a·sinh bSX + b·cosh bSX].
/// The code evaluates the same expressions in a form that stays finite for bSX → ∞ (e^(−bSX) instead of sinh/cosh),
/// for K = 0 (b → 0: R = SX/(1 + SX)) and for S = 0 (pure absorber: R = 0, T = e^(−KX)).
/// </remarks>
public static class KubelkaMunk
{
    /// <summary>Reflectance of an infinitely thick layer, R∞ = a − b (evaluated as 1/(a + b), which is equal and exact for large K/S).</summary>
    public static double ReflectanceInfinite(double k, double s)
    {
        if (s <= 0)
        {
            return 0;
        }

        double ks = k / s;
        double a = 1 + ks;
        double b = Math.Sqrt(ks * (ks + 2)); // √(a² − 1) without cancellation
        return 1 / (a + b);
    }

    /// <summary>(K/S) of an opaque layer from its reflectance: (1 − R∞)² / (2 R∞) (the Kubelka–Munk function).</summary>
    public static double KOverS(double reflectanceInfinite) =>
        (1 - reflectanceInfinite) * (1 - reflectanceInfinite) / (2 * reflectanceInfinite);

    /// <summary>A layer of thickness <paramref name="thickness"/> on its own (no background): R and T, the same from either side.</summary>
    public static KubelkaMunkLayer Layer(double k, double s, double thickness)
    {
        if (s <= 0)
        {
            // No scattering: nothing comes back, light is attenuated by Beer–Lambert over the diffuse path K·X.
            return KubelkaMunkLayer.Symmetric(0, Math.Exp(-k * thickness));
        }

        double ks = k / s;
        double a = 1 + ks;
        double b = Math.Sqrt(ks * (ks + 2));
        double sx = s * thickness;
        if (b == 0)
        {
            // K = 0: the limit b → 0 of the hyperbolic solution.
            return KubelkaMunkLayer.Symmetric(sx / (1 + sx), 1 / (1 + sx));
        }

        // Multiply numerator and denominator of R = sinh(y)/(a sinh y + b cosh y), T = b/(…) by 2e^(−y):
        // every term stays ≤ 1 however large y = bSX is.
        double y = b * sx;
        double e = Math.Exp(-y);
        // For y > ½, e² < 0.37 and 1 − e² has no cancellation: reuse e instead of a second exp (the ranking hot path).
        double oneMinusE2 = y > 0.5 ? 1 - e * e : OneMinusExpNegative(2 * y);
        double denominator = a * oneMinusE2 + b * (1 + e * e);
        return KubelkaMunkLayer.Symmetric(oneMinusE2 / denominator, 2 * b * e / denominator);
    }

    /// <summary>Reflectance of a layer in optical contact with a background of reflectance <paramref name="background"/>.</summary>
    public static double Reflectance(double k, double s, double thickness, double background) =>
        Layer(k, s, thickness).Over(background);

    /// <summary>
    /// Saunderson's correction (J. Opt. Soc. Am. 32:727, 1942): the reflectance seen from outside a body of internal
    /// reflectance R with a refractive-index step at its surface:
    /// R_obs = K1 + (1 − K1)(1 − K2)·R / (1 − K2·R).
    /// </summary>
    /// <param name="bodyReflectance">Kubelka–Munk reflectance just under the surface.</param>
    /// <param name="k1">Fraction of the incident light reflected at the surface (specular, ≈ 0.04 for n ≈ 1.5).</param>
    /// <param name="k2">Fraction of the internal diffuse light reflected back in at the surface.</param>
    /// <param name="includeSpecular">
    /// False for a specular-excluded geometry (SCE spectrophotometers; photos with the shine discarded): the K1 term
    /// itself is left out, the (1 − K1) loss stays.
    /// </param>
    public static double Saunderson(double bodyReflectance, double k1, double k2, bool includeSpecular = true) =>
        (includeSpecular ? k1 : 0) + (1 - k1) * (1 - k2) * bodyReflectance / (1 - k2 * bodyReflectance);

    /// <summary>1 − e^(−x) without cancellation for small x: 2·tanh(x/2)/(1 + tanh(x/2)) (.NET's ExpM1 is Exp − 1).</summary>
    private static double OneMinusExpNegative(double x)
    {
        if (x > 1)
        {
            return 1 - Math.Exp(-x);
        }

        double t = Math.Tanh(x / 2);
        return 2 * t / (1 + t);
    }
}
