using SmpShade.Colour.Healing;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Tests.Photos.Synthetic;

/// <summary>
/// The two-flux Kubelka–Munk skin the healed-tone model used before issue 12 (Saunderson surface, epidermis with melanin
/// over a clear dermis over semi-infinite dermis; scattering after Jacques 1998, μs′ = 2·10¹²·λ⁻⁴ + 2·10⁵·λ^−1.5 cm⁻¹;
/// K = 2μa, S = 0.75μs′). The service no longer has it: it is kept here only to draw the synthetic photos' skin, so the
/// photo tests measure skin whose structure the service's skin spectra set (the adding-doubling skin) does not contain,
/// in the same scenes as before that set changed.
/// </summary>
public static class RetiredKubelkaMunkSkin
{
    /// <summary>Bare-skin reflectance, 31 samples from 400 nm, specular excluded.</summary>
    /// <param name="melanin">Epidermal melanin volume fraction.</param>
    /// <param name="blood">Dermal blood volume fraction.</param>
    /// <param name="k2">Saunderson K2 (internal diffuse reflection at the surface); K1 = 0.04.</param>
    /// <param name="epidermisMicrometres">Epidermis thickness.</param>
    /// <param name="clearDermisMicrometres">Dermis between epidermis and the deep dermis's R∞ (the layers below are the same dermis).</param>
    /// <param name="saturation">Blood oxygen saturation.</param>
    public static double[] Reflectance(double melanin, double blood, double k2, double epidermisMicrometres, double clearDermisMicrometres, double saturation)
    {
        var r = new double[Chromophores.Count];
        for (int i = 0; i < r.Length; i++)
        {
            double nm = Chromophores.WavelengthAt(i);
            double baseline = Chromophores.BaselineAbsorption(nm);
            double s = 0.75 * ((2e12 * Math.Pow(nm, -4)) + (2e5 * Math.Pow(nm, -1.5)));
            double kEpidermis = 2 * ((melanin * Chromophores.MelaninAbsorption(nm)) + ((1 - melanin) * baseline));
            double kDermis = 2 * ((blood * Chromophores.BloodAbsorption(i, saturation, 150, 64500)) + ((1 - blood) * baseline));
            var top = KubelkaMunk.Layer(kEpidermis, s, epidermisMicrometres * 1e-4).Over(KubelkaMunk.Layer(kDermis, s, clearDermisMicrometres * 1e-4));
            double deep = KubelkaMunk.ReflectanceInfinite(kDermis, s);
            double body = top.ReflectanceAbove + (top.Transmittance * top.Transmittance * deep / (1 - (top.ReflectanceBelow * deep)));
            r[i] = KubelkaMunk.Saunderson(body, 0.04, k2, includeSpecular: false);
        }

        return r;
    }
}
