using System.Runtime.Intrinsics;
using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Healing;

/// <summary>
/// One client's skin as an adding-doubling stack at 400–700 nm (10 nm), top to bottom: the air–skin surface (Fresnel),
/// epidermis with melanin, papillary dermis, the ink-bearing dermis, semi-infinite deep dermis (docs/science.md).
/// Everything that does not depend on the ink is solved once here, and a table of the skin's reflectance per wavelength
/// over the ink layer's total absorption × reduced scattering is filled as predictions read it, so a candidate costs one
/// table lookup per wavelength. One skin may predict on any number of threads at once.
/// </summary>
public sealed class SkinLayers
{
    private const int Padded = InkTable.Padded;

    private readonly Lazy<InkTable> table;
    private readonly Top[] tops = new Top[Chromophores.Count];
    private readonly double[][] deeps = new double[Chromophores.Count][];
    private readonly double[] baseAbsorption = new double[Padded];
    private readonly double[] baseScattering = new double[Padded];
    private readonly double[] weightX = new double[Padded];
    private readonly double[] weightY = new double[Padded];
    private readonly double[] weightZ = new double[Padded];
    private readonly double[] bare = new double[Padded];
    private readonly SpectralColour colour;
    private readonly double dotDiameter;

    internal SkinLayers(HealedToneModel model, double melaninFraction, double bloodFraction)
    {
        var o = model.Options;
        var transport = model.Transport;
        dotDiameter = o.DotDiameterMillimetres;
        colour = HealedToneModel.Colour;
        MelaninFraction = melaninFraction;
        BloodFraction = bloodFraction;
        var (wx, wy, wz) = colour.Weights;
        Array.Fill(baseAbsorption, 1);
        Array.Fill(baseScattering, 10);
        LoadAwareParallel.For(Chromophores.Count, i =>
        {
            var stack = transport.Surface.Over(transport.Epidermis(i, melaninFraction))
                .Over(transport.Dermis(i, bloodFraction, o.PapillaryDermisMicrometres * 1e-4));
            var top = Top.Of(stack, transport.Quadrature, transport.Specular);
            var deep = transport.Dermis(i, bloodFraction, double.PositiveInfinity).R;
            bare[i] = top.Over(deep, transport.N);
            baseAbsorption[i] = model.DermisAbsorption(i, bloodFraction);
            baseScattering[i] = model.ReducedScattering[i];
            (tops[i], deeps[i]) = (top, deep);
        });
        // The ink table is the expensive part (≈ 10⁴ stackings if every node is read): made on the first prediction, not
        // for a fit alone, and solved node by node as predictions read it.
        table = new Lazy<InkTable>(() => new InkTable(transport, tops, deeps, baseAbsorption, baseScattering));
        for (int i = 0; i < Chromophores.Count; i++)
        {
            (weightX[i], weightY[i], weightZ[i]) = (wx[i], wy[i], wz[i]);
        }

        Lab = colour.ToLab(bare.AsSpan(0, Chromophores.Count));
    }

    /// <summary>Epidermal melanin volume fraction.</summary>
    public double MelaninFraction { get; }

    /// <summary>Dermal blood volume fraction.</summary>
    public double BloodFraction { get; }

    /// <summary>The skin's own colour (no ink), D65.</summary>
    public Lab Lab { get; }

    /// <summary>The bare skin's reflectance, 31 samples from 400 nm.</summary>
    public IReadOnlyList<double> Reflectance => new ArraySegment<double>(bare, 0, Chromophores.Count);

    /// <summary>The prediction table (nodes solved as they are read).</summary>
    internal InkTable Table => table.Value;

    /// <summary>Per wavelength, the layers above the ink (<see cref="Top"/>) and the deep dermis's reflection.</summary>
    internal (IReadOnlyList<Top> Tops, IReadOnlyList<double[]> Deeps) Stack => (tops, deeps);

    /// <summary>The ink-free dermis's μa and μs′ per wavelength, cm⁻¹ (padded to whole vectors).</summary>
    internal (double[] Absorption, double[] Scattering) Dermis => (baseAbsorption, baseScattering);

    /// <summary>
    /// Observed reflectance with <paramref name="ink"/> at volume fraction <paramref name="load"/> in the ink layer:
    /// μa += load·K/2, μs′ += load·S/0.75 (Star et al. 1988's K = 2μa, S = 0.75μs′ for diffuse light).
    /// </summary>
    public void Healed(InkOptics ink, double load, Span<double> reflectance)
    {
        ArgumentNullException.ThrowIfNull(ink);
        Span<double> r = stackalloc double[Padded];
        table.Value.Reflectance(ink.Absorption, ink.Scattering, load, r);
        r[..Chromophores.Count].CopyTo(reflectance);
    }

    /// <summary>The healed colour, Lab D65.</summary>
    public Lab HealedLab(InkOptics ink, double load) => HealedXyz(ink, load).ToLab(colour.White);

    /// <summary>The healed colour's tristimulus values (D65, white Y = 1).</summary>
    public Xyz HealedXyz(InkOptics ink, double load) => Tristimulus(ink, load, double.NaN);

    /// <summary>
    /// The healed colour of a dot of the options' diameter (<see cref="HealedToneOptions.DotDiameterMillimetres"/>), Lab
    /// D65: per wavelength the plane's reflectance moved toward the bare skin's by the lateral correction's weight,
    /// R_dot = R_plane + f·(R_skin − R_plane) (<see cref="DotSpread"/>; docs/science.md §7).
    /// </summary>
    public Lab HealedDotLab(InkOptics ink, double load) => HealedDotLab(ink, load, dotDiameter);

    /// <summary>As <see cref="HealedDotLab(InkOptics, double)"/> for a dot <paramref name="diameterMm"/> mm across.</summary>
    public Lab HealedDotLab(InkOptics ink, double load, double diameterMm) => Tristimulus(ink, load, diameterMm).ToLab(colour.White);

    /// <summary>The plane's tristimulus values, or a dot's when <paramref name="diameterMm"/> is a number.</summary>
    private Xyz Tristimulus(InkOptics ink, double load, double diameterMm)
    {
        ArgumentNullException.ThrowIfNull(ink);
        Span<double> r = stackalloc double[Padded];
        table.Value.Reflectance(ink.Absorption, ink.Scattering, load, r);
        if (!double.IsNaN(diameterMm))
        {
            for (int i = 0; i < Chromophores.Count; i++)
            {
                r[i] += DotSpread.Weight(diameterMm, baseScattering[i], r[i] / bare[i]) * (bare[i] - r[i]);
            }
        }

        Vector256<double> x = default, y = default, z = default;
        for (int i = 0; i < Padded; i += 4)
        {
            var v = Vector256.Create(r.Slice(i, 4));
            x += v * Vector256.Create(weightX.AsSpan(i, 4));
            y += v * Vector256.Create(weightY.AsSpan(i, 4));
            z += v * Vector256.Create(weightZ.AsSpan(i, 4));
        }

        return new Xyz(Vector256.Sum(x), Vector256.Sum(y), Vector256.Sum(z));
    }
}

