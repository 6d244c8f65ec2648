using SmpShade.Colour.Healing;
using SmpShade.Colour.Transport;

namespace SmpShade.Colour.Tests;

/// <summary>
/// The healed-tone prediction as it was computed before the vectorised table (main at d75789f, SkinLayers.Table and
/// SkinLayers.Lookup), kept here as the reference the fast path is checked against: per wavelength, the skin's
/// reflectance at every needed grid node by the scalar adding kernels (Kernels.ReflectionOver, Top.Over, pivoting
/// elimination), then per candidate two Log10 and a clamped 4×4 Catmull–Rom read.
/// </summary>
public sealed class HealingReferencePath
{
    private const int Na = SkinTransport.AbsorptionNodes, Ns = SkinTransport.ScatteringNodes;

    private readonly SkinLayers skin;
    private readonly double[][] table;

    public HealingReferencePath(HealedToneModel model, SkinLayers skin)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.skin = skin;
        var (tops, deeps) = skin.Stack;
        var (absorption, scattering) = skin.Dermis;
        table = [.. Enumerable.Range(0, Chromophores.Count).Select(i => Table(model.Transport, tops[i], deeps[i], absorption[i], scattering[i]))];
    }

    /// <summary>The reference value at grid node (a, s) of wavelength w.</summary>
    public double Node(int w, int a, int s) => table[w][(a * Ns) + s];

    /// <summary>The healed reflectance, 31 values.</summary>
    public double[] Healed(InkOptics ink, double load)
    {
        var (baseAbsorption, baseScattering) = skin.Dermis;
        var reflectance = new double[Chromophores.Count];
        for (int i = 0; i < Chromophores.Count; i++)
        {
            double a = baseAbsorption[i] + (load * ink.Absorption[i] / 2);
            double s = baseScattering[i] + (load * ink.Scattering[i] / 0.75);
            reflectance[i] = Lookup(table[i], SkinTransport.AbsorptionIndex(a), SkinTransport.ScatteringIndex(s));
        }

        return reflectance;
    }

    public Lab HealedLab(InkOptics ink, double load) => HealedToneModel.Colour.ToLab(Healed(ink, load));

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
