namespace SmpShade.Colour.Spectra;

/// <summary>
/// The diffuse reflectance and transmittance of a layer, or of a stack of layers, at one wavelength. A stack of
/// different layers reflects differently from above and from below, but transmits the same both ways (reciprocity).
/// </summary>
/// <param name="ReflectanceAbove">Reflectance for light arriving from above (the side facing the surface).</param>
/// <param name="ReflectanceBelow">Reflectance for light arriving from below.</param>
/// <param name="Transmittance">Transmittance, either way.</param>
public readonly record struct KubelkaMunkLayer(double ReflectanceAbove, double ReflectanceBelow, double Transmittance)
{
    /// <summary>A homogeneous layer: the same reflectance from both sides.</summary>
    public static KubelkaMunkLayer Symmetric(double reflectance, double transmittance) =>
        new(reflectance, reflectance, transmittance);

    /// <summary>
    /// Reflectance of this layer lying on a background of reflectance <paramref name="background"/>, summing the
    /// multiple reflections between them: R = R₁ + T₁²·R₂ / (1 − R₁′·R₂) (Kubelka 1954, J. Opt. Soc. Am. 44:330).
    /// </summary>
    public double Over(double background) =>
        ReflectanceAbove + Transmittance * Transmittance * background / (1 - ReflectanceBelow * background);

    /// <summary>
    /// This layer on top of <paramref name="below"/>, as one layer: R₁₂ = R₁ + T₁²R₂/(1 − R₁′R₂),
    /// R₁₂′ = R₂′ + T₂²R₁′/(1 − R₁′R₂), T₁₂ = T₁T₂/(1 − R₁′R₂) (primes: reflectance from below).
    /// </summary>
    public KubelkaMunkLayer Over(KubelkaMunkLayer below)
    {
        double inter = 1 / (1 - ReflectanceBelow * below.ReflectanceAbove);
        return new KubelkaMunkLayer(
            ReflectanceAbove + Transmittance * Transmittance * below.ReflectanceAbove * inter,
            below.ReflectanceBelow + below.Transmittance * below.Transmittance * ReflectanceBelow * inter,
            Transmittance * below.Transmittance * inter);
    }
}
