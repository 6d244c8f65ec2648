using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Healing;

/// <summary>
/// One client's skin as Kubelka–Munk layers at 400–700 nm (10 nm), top to bottom: Saunderson surface, epidermis with
/// melanin, clear dermis, pigmented dermis (where healed ink sits), semi-infinite deep dermis (SCIENCE.md §6).
/// Everything that does not depend on the ink is computed once here, so a pigment costs one layer per wavelength.
/// </summary>
public sealed class SkinLayers
{
    private readonly double[] topReflectanceAbove;
    private readonly double[] topReflectanceBelow;
    private readonly double[] topTransmittance;
    private readonly double[] pigmentedK;
    private readonly double[] pigmentedS;
    private readonly double[] deepReflectance;
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
        int n = Chromophores.Count;
        topReflectanceAbove = new double[n];
        topReflectanceBelow = new double[n];
        topTransmittance = new double[n];
        pigmentedK = new double[n];
        pigmentedS = new double[n];
        deepReflectance = new double[n];
        for (int i = 0; i < n; i++)
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
            topTransmittance[i] = top.Transmittance;
            pigmentedK[i] = kDermis;
            pigmentedS[i] = s;
            deepReflectance[i] = KubelkaMunk.ReflectanceInfinite(kDermis, s);
        }

        Span<double> r = stackalloc double[n];
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
    /// An empty <paramref name="inkKOverS"/> or zero load means bare skin.
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

            reflectance[i] = Observed(i, KubelkaMunk.Layer(k, s, pigmentedCm).Over(deepReflectance[i]));
        }
    }

    /// <summary>The healed colour's tristimulus values (D65, white Y = 1); the per-candidate hot path.</summary>
    public Xyz HealedXyz(ReadOnlySpan<double> inkKOverS, double load)
    {
        var (wx, wy, wz) = colour.Weights;
        double x = 0, y = 0, z = 0;
        for (int i = 0; i < pigmentedK.Length; i++)
        {
            double r = Observed(i, KubelkaMunk.Layer(pigmentedK[i] + load * inkKOverS[i], pigmentedS[i] + load, pigmentedCm).Over(deepReflectance[i]));
            x += wx[i] * r;
            y += wy[i] * r;
            z += wz[i] * r;
        }

        return new Xyz(x, y, z);
    }

    /// <summary>The healed colour, Lab D65.</summary>
    public Lab HealedLab(ReadOnlySpan<double> inkKOverS, double load) => HealedXyz(inkKOverS, load).ToLab(colour.White);

    // Top layers over what lies beneath, then the surface.
    private double Observed(int i, double below)
    {
        double body = topReflectanceAbove[i] + topTransmittance[i] * topTransmittance[i] * below / (1 - topReflectanceBelow[i] * below);
        return KubelkaMunk.Saunderson(body, k1, k2, specular);
    }
}
