using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SmpShade.Colour.Spectra;
using SmpShade.Colour.Transport;

namespace SmpShade.Colour.Healing;

/// <summary>
/// One client's skin as an adding-doubling stack at 400–700 nm (10 nm), top to bottom: the air–skin surface (Fresnel),
/// epidermis with melanin, papillary dermis, the ink-bearing dermis, semi-infinite deep dermis (docs/science.md).
/// Everything that does not depend on the ink is solved once here, including a table of the skin's reflectance per
/// wavelength over the ink layer's total absorption × reduced scattering, so a candidate costs one table lookup per
/// wavelength.
/// </summary>
public sealed class SkinLayers
{
    /// <summary>Samples per spectrum rounded up to whole 4-lane vectors.</summary>
    private const int Padded = (Chromophores.Count + 3) / 4 * 4;

    private const int Na = SkinTransport.AbsorptionNodes, Ns = SkinTransport.ScatteringNodes;

    private readonly Lazy<double[][]> table;
    private readonly Top[] tops = new Top[Chromophores.Count];
    private readonly double[][] deeps = new double[Chromophores.Count][];
    private readonly double[] baseAbsorption = new double[Padded];
    private readonly double[] baseScattering = new double[Padded];
    private readonly double[] weightX = new double[Padded];
    private readonly double[] weightY = new double[Padded];
    private readonly double[] weightZ = new double[Padded];
    private readonly double[] bare = new double[Chromophores.Count];
    private readonly SpectralColour colour;

    internal SkinLayers(HealedToneModel model, double melaninFraction, double bloodFraction)
    {
        var o = model.Options;
        var transport = model.Transport;
        colour = HealedToneModel.Colour;
        MelaninFraction = melaninFraction;
        BloodFraction = bloodFraction;
        var (wx, wy, wz) = colour.Weights;
        Array.Fill(baseAbsorption, 1);
        Array.Fill(baseScattering, 10);
        Parallel.For(0, Chromophores.Count, i =>
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
        // The ink table is the expensive part (≈ 10⁴ stackings): built on the first prediction, not for a fit alone.
        table = new Lazy<double[][]>(() =>
        {
            var values = new double[Chromophores.Count][];
            Parallel.For(0, Chromophores.Count, i => values[i] = Table(transport, tops[i], deeps[i], baseAbsorption[i], baseScattering[i]));
            return values;
        });
        for (int i = 0; i < Chromophores.Count; i++)
        {
            (weightX[i], weightY[i], weightZ[i]) = (wx[i], wy[i], wz[i]);
        }

        Lab = colour.ToLab(bare);
    }

    /// <summary>Epidermal melanin volume fraction.</summary>
    public double MelaninFraction { get; }

    /// <summary>Dermal blood volume fraction.</summary>
    public double BloodFraction { get; }

    /// <summary>The skin's own colour (no ink), D65.</summary>
    public Lab Lab { get; }

    /// <summary>The bare skin's reflectance, 31 samples from 400 nm.</summary>
    public IReadOnlyList<double> Reflectance => bare;

    /// <summary>
    /// Observed reflectance with <paramref name="ink"/> at volume fraction <paramref name="load"/> in the ink layer:
    /// μa += load·K/2, μs′ += load·S/0.75 (Star et al. 1988's K = 2μa, S = 0.75μs′ for diffuse light).
    /// </summary>
    public void Healed(InkOptics ink, double load, Span<double> reflectance)
    {
        ArgumentNullException.ThrowIfNull(ink);
        var table = this.table.Value;
        for (int i = 0; i < Chromophores.Count; i++)
        {
            double a = baseAbsorption[i] + (load * ink.Absorption[i] / 2);
            double s = baseScattering[i] + (load * ink.Scattering[i] / 0.75);
            reflectance[i] = Lookup(table[i], SkinTransport.AbsorptionIndex(a), SkinTransport.ScatteringIndex(s));
        }
    }

    /// <summary>The healed colour, Lab D65.</summary>
    public Lab HealedLab(InkOptics ink, double load) => HealedXyz(ink, load).ToLab(colour.White);

    /// <summary>The healed colour's tristimulus values (D65, white Y = 1).</summary>
    public Xyz HealedXyz(InkOptics ink, double load)
    {
        ArgumentNullException.ThrowIfNull(ink);
        Span<double> r = stackalloc double[Padded];
        r.Clear();
        Healed(ink, load, r);
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

    /// <summary>
    /// The skin's reflectance at grid nodes at and above the ink-free dermis (one node below, for the cubic): the ink
    /// layer from the model's table, over the deep dermis, under the top.
    /// </summary>
    private static double[] Table(SkinTransport transport, Top top, double[] deep, double absorption, double scattering)
    {
        int n = transport.N;
        int a0 = Math.Max(0, (int)SkinTransport.AbsorptionIndex(absorption) - 1);
        int s0 = Math.Max(0, (int)SkinTransport.ScatteringIndex(scattering) - 1);
        var values = new double[Na * Ns];
        var below = new double[n * n];
        for (int a = a0; a < Na; a++)
        {
            for (int s = s0; s < Ns; s++)
            {
                var ink = transport.InkLayers[(a * Ns) + s];
                Kernels.ReflectionOver(ink.R, ink.T, deep, below, n);
                values[(a * Ns) + s] = top.Over(below, n);
            }

            for (int s = 0; s < s0; s++)
            {
                values[(a * Ns) + s] = values[(a * Ns) + s0];
            }
        }

        for (int a = 0; a < a0; a++)
        {
            Array.Copy(values, a0 * Ns, values, a * Ns, Ns);
        }

        return values;
    }

    /// <summary>Catmull–Rom bicubic interpolation at fractional grid position (x, y), clamped to [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Lookup(double[] values, double x, double y)
    {
        int ix = Math.Min((int)x, Na - 2), iy = Math.Min((int)y, Ns - 2);
        double tx = x - ix, ty = y - iy;
        Span<double> wxs = stackalloc double[4];
        Span<double> wys = stackalloc double[4];
        CatmullRom(tx, wxs);
        CatmullRom(ty, wys);
        double sum = 0;
        for (int p = 0; p < 4; p++)
        {
            int a = Math.Clamp(ix - 1 + p, 0, Na - 1);
            double row = 0;
            for (int q = 0; q < 4; q++)
            {
                int s = Math.Clamp(iy - 1 + q, 0, Ns - 1);
                row += wys[q] * values[(a * Ns) + s];
            }

            sum += wxs[p] * row;
        }

        return Math.Clamp(sum, 0, 1);
    }

    private static void CatmullRom(double t, Span<double> w)
    {
        double t2 = t * t, t3 = t2 * t;
        w[0] = (-t3 + (2 * t2) - t) / 2;
        w[1] = ((3 * t3) - (5 * t2) + 2) / 2;
        w[2] = ((-3 * t3) + (4 * t2) + t) / 2;
        w[3] = (t3 - t2) / 2;
    }
}
