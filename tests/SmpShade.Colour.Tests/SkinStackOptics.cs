using SmpShade.Colour.Healing;
using SmpShade.Colour.Transport;

namespace SmpShade.Colour.Tests;

/// <summary>
/// The healed-tone model's skin stack at one wavelength, for <see cref="MonteCarloLayers"/> and for the exact planar
/// adding-doubling answer it is checked against: epidermis, papillary dermis, the ink-bearing dermis and the deep
/// dermis (semi-infinite), with the coefficients the model itself uses (docs/science.md §3). Public so the offline
/// derivation (data/derive/fit-dot-correction.cs) builds the same stacks the tests validate.
/// </summary>
public static class SkinStackOptics
{
    /// <summary>The index of the ink-bearing layer in <see cref="Layers"/>.</summary>
    public const int InkLayer = 2;

    /// <summary>The bare stack (no ink) at wavelength index <paramref name="i"/>.</summary>
    public static McLayer[] Layers(HealedToneModel model, SkinLayers skin, int i)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(skin);
        var o = model.Options;
        double g = o.Anisotropy, mus = model.ReducedScattering[i] / (1 - g);
        double dermis = model.DermisAbsorption(i, skin.BloodFraction);
        return
        [
            new McLayer(model.EpidermisAbsorption(i, skin.MelaninFraction), mus, g, o.EpidermisMicrometres * 1e-4),
            new McLayer(dermis, mus, g, o.PapillaryDermisMicrometres * 1e-4),
            new McLayer(dermis, mus, g, o.PigmentedDermisMicrometres * 1e-4),
            new McLayer(dermis, mus, g, double.PositiveInfinity),
        ];
    }

    /// <summary>The ink layer's μa and μs′ (cm⁻¹) with this ink at volume fraction <paramref name="load"/>, as <see cref="SkinLayers.Healed"/> computes them.</summary>
    public static (double Absorption, double ReducedScattering) Ink(SkinLayers skin, InkOptics ink, double load, int i)
    {
        ArgumentNullException.ThrowIfNull(skin);
        ArgumentNullException.ThrowIfNull(ink);
        var (absorption, scattering) = skin.Dermis;
        return (absorption[i] + (load * ink.Absorption[i] / 2), scattering[i] + (load * ink.Scattering[i] / 0.75));
    }

    /// <summary>A dot of this ink, <paramref name="diameterMm"/> across (∞ for the plane).</summary>
    public static McDot Dot(HealedToneModel model, SkinLayers skin, InkOptics ink, double load, int i, double diameterMm)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (mua, musr) = Ink(skin, ink, load, i);
        return new McDot(InkLayer, diameterMm / 20, mua, musr / (1 - model.Options.Anisotropy));
    }

    /// <summary>The ink-free dermis's μa and μs′ (cm⁻¹) at wavelength index <paramref name="i"/>.</summary>
    public static (double Absorption, double ReducedScattering) Dermis(SkinLayers skin, int i)
    {
        ArgumentNullException.ThrowIfNull(skin);
        return (skin.Dermis.Absorption[i], skin.Dermis.Scattering[i]);
    }

    /// <summary>The deep dermis's diffusion length 1/μeff, μeff = √(3μa(μa + μs′)), cm.</summary>
    public static double DiffusionLengthCm(SkinLayers skin, int i)
    {
        ArgumentNullException.ThrowIfNull(skin);
        var (absorption, scattering) = skin.Dermis;
        return 1 / Math.Sqrt(3 * absorption[i] * (absorption[i] + scattering[i]));
    }

    /// <summary>The exact planar adding-doubling reflectance (no table, no interpolation) of the stack with the ink layer's μa, μs′.</summary>
    public static double Planar(HealedToneModel model, SkinLayers skin, double absorption, double reducedScattering, int i)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(skin);
        var transport = model.Transport;
        int n = transport.N;
        var (tops, deeps) = skin.Stack;
        var layer = transport.Layer(absorption, reducedScattering, model.Options.PigmentedDermisMicrometres * 1e-4);
        var below = new double[n * n];
        Kernels.ReflectionOver(layer.R, layer.T, deeps[i], below, n);
        return tops[i].Over(below, n);
    }
}
