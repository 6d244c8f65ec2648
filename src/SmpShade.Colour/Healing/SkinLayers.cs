using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Healing;

/// <summary>
/// One client's skin as Kubelka–Munk layers at 400–700 nm (10 nm), top to bottom: Saunderson surface, epidermis with
/// melanin, clear dermis, pigmented dermis (where healed ink sits), semi-infinite deep dermis (SCIENCE.md §6).
/// Everything that does not depend on the ink is computed once here, so a pigment costs one layer per wavelength.
/// </summary>
public sealed partial class SkinLayers
{
    /// <summary>Samples per spectrum rounded up to whole 4-lane vectors; the padding lane has zero weight.</summary>
    internal const int Padded = (Chromophores.Count + 3) / 4 * 4;

    // Per wavelength (padded): the top composite (epidermis over clear dermis), the ink-free pigmented dermis, and the
    // deep dermis's R∞. Padding lanes hold harmless values (no NaN) and zero colour weights.
    private readonly double[] topReflectanceAbove = new double[Padded];
    private readonly double[] topReflectanceBelow = new double[Padded];
    private readonly double[] topTransmittanceSquared = new double[Padded];
    private readonly double[] pigmentedK = new double[Padded];
    private readonly double[] pigmentedS = new double[Padded];
    private readonly double[] deepReflectance = new double[Padded];
    private readonly double[] weightX = new double[Padded];
    private readonly double[] weightY = new double[Padded];
    private readonly double[] weightZ = new double[Padded];
    private readonly double pigmentedCm;
    private readonly double k1;
    private readonly double k2;
    private readonly bool specular;
    private readonly SpectralColour colour;

    internal SkinLayers(HealedToneModel model, double melaninFraction, double bloodFraction)
    {
        var o = model.Options;
        colour = HealedToneModel.Colour;
        MelaninFraction = melaninFraction;
        BloodFraction = bloodFraction;
        k1 = o.SaundersonK1;
        k2 = o.SaundersonK2;
        specular = o.SpecularIncluded;
        pigmentedCm = o.PigmentedDermisMicrometres * 1e-4;
        Array.Fill(pigmentedK, 1);
        Array.Fill(pigmentedS, 1);
        var (wx, wy, wz) = colour.Weights;
        for (int i = 0; i < Chromophores.Count; i++)
        {
            double baseline = model.BaselineAbsorption[i];
            // Star et al. (1988): K = 2μa, S = 0.75μs′ for diffuse light.
            double s = 0.75 * model.ReducedScattering[i];
            double kEpidermis = 2 * (melaninFraction * model.MelaninAbsorption[i] + (1 - melaninFraction) * baseline);
            double kDermis = 2 * (bloodFraction * model.BloodAbsorption[i] + (1 - bloodFraction) * baseline);
            var top = KubelkaMunk.Layer(kEpidermis, s, o.EpidermisMicrometres * 1e-4)
                .Over(KubelkaMunk.Layer(kDermis, s, o.ClearDermisMicrometres * 1e-4));
            topReflectanceAbove[i] = top.ReflectanceAbove;
            topReflectanceBelow[i] = top.ReflectanceBelow;
            topTransmittanceSquared[i] = top.Transmittance * top.Transmittance;
            pigmentedK[i] = kDermis;
            pigmentedS[i] = s;
            deepReflectance[i] = KubelkaMunk.ReflectanceInfinite(kDermis, s);
            (weightX[i], weightY[i], weightZ[i]) = (wx[i], wy[i], wz[i]);
        }

        Span<double> r = stackalloc double[Chromophores.Count];
        Reflectance(default, 0, r);
        Lab = colour.ToLab(r);
    }

    /// <summary>Epidermal melanin volume fraction.</summary>
    public double MelaninFraction { get; }

    /// <summary>Dermal blood volume fraction.</summary>
    public double BloodFraction { get; }

    /// <summary>The skin's own colour (no ink), D65.</summary>
    public Lab Lab { get; }

    /// <summary>
    /// Observed reflectance with ink of spectral (K/S) <paramref name="inkKOverS"/> at scattering load
    /// <paramref name="load"/> (= c·φ·S_ink, cm⁻¹) in the pigmented dermis: K += load·(K/S), S += load.
    /// An empty <paramref name="inkKOverS"/> or zero load means bare skin. The reference (scalar) path.
    /// </summary>
    public void Reflectance(ReadOnlySpan<double> inkKOverS, double load, Span<double> reflectance)
    {
        bool ink = load > 0 && !inkKOverS.IsEmpty;
        for (int i = 0; i < reflectance.Length; i++)
        {
            double k = pigmentedK[i], s = pigmentedS[i];
            if (ink)
            {
                k += load * inkKOverS[i];
                s += load;
            }

            double below = KubelkaMunk.Layer(k, s, pigmentedCm).Over(deepReflectance[i]);
            double body = topReflectanceAbove[i] + topTransmittanceSquared[i] * below / (1 - topReflectanceBelow[i] * below);
            reflectance[i] = KubelkaMunk.Saunderson(body, k1, k2, specular);
        }
    }

    /// <summary>The healed colour, Lab D65.</summary>
    public Lab HealedLab(ReadOnlySpan<double> inkKOverS, double load) => HealedXyz(inkKOverS, load).ToLab(colour.White);
}
