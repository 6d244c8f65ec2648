using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SmpShade.Colour.Transport;

namespace SmpShade.Colour.Healing;

/// <summary>
/// The adding-doubling pieces of the skin stack that depend only on the model's options, tabulated once per model
/// (docs/science.md, "Skin stack"): the quadrature, the air–skin surface with the epidermis under it on a grid of
/// melanin fractions, the semi-infinite dermis on a grid of blood fractions (both per wavelength, for fitting skin),
/// and the ink-bearing dermis layer on a grid of total absorption × reduced scattering (the same for every wavelength,
/// since a layer's operators depend only on its coefficients).
/// </summary>
internal sealed class SkinTransport
{
    /// <summary>Ink-layer grid: μa = 0.1·10^(k/5) cm⁻¹, k = 0…30 (0.1 to 10⁵ cm⁻¹).</summary>
    public const int AbsorptionNodes = 31;

    /// <summary>Ink-layer grid: μs′ = 5·10^(k/4) cm⁻¹, k = 0…17 (5 to 1.1·10⁵ cm⁻¹).</summary>
    public const int ScatteringNodes = 18;

    /// <summary>Ink-layer grid: the first node's μa and μs′, cm⁻¹.</summary>
    public const double AbsorptionStart = 0.1, ScatteringStart = 5;

    /// <summary>Layers per row of <see cref="InkColumns"/>: the grid and room for a 4-lane read from its last node.</summary>
    public const int InkColumnStride = (AbsorptionNodes * ScatteringNodes) + 3;

    private const double AbsorptionPerDecade = 5, ScatteringPerDecade = 4;

    // Fitting grids, log-spaced, 10 per decade, covering the options' bounds.
    private const double PerDecade = 10;

    private readonly HealedToneModel model;
    private readonly double[] melaninNodes;
    private readonly double[] bloodNodes;

    // [wavelength][melanin node]: the top of the bare skin (surface over epidermis over the papillary dermis is not
    // needed for bare skin: papillary, ink and deep dermis are one semi-infinite dermis without ink).
    private readonly Top[][] bareTops;

    // [wavelength][blood node]: reflection matrix of the semi-infinite dermis.
    private readonly double[][][] dermis;
    // The same, element by element for LaneKernels, each element a row of InkTable.Padded wavelengths: [melanin node]
    // the tops' R₀, d, R′ and t; [blood node] the dermis's reflection.
    private readonly double[][] topColumns;
    private readonly double[][] dermisColumns;
    private readonly Lazy<Slab[]> inkLayers;
    private readonly Lazy<double[]> inkColumns;

    public SkinTransport(HealedToneModel model)
    {
        this.model = model;
        var o = model.Options;
        Quadrature = Quadrature.For(o.TissueRefractiveIndex, 1, o.QuadraturePoints);
        N = Quadrature.Count;
        Surface = AddingDoubling.Boundary(Quadrature, o.TissueRefractiveIndex, null);
        Specular = o.SpecularIncluded ? 0 : Fresnel.Reflectance(1, o.TissueRefractiveIndex, 1);
        melaninNodes = LogNodes(o.MelaninMin, o.MelaninMax);
        bloodNodes = LogNodes(o.BloodMin, o.BloodMax);
        int w = Chromophores.Count;
        bareTops = new Top[w][];
        dermis = new double[w][][];
        Parallel.For(0, w, i =>
        {
            bareTops[i] = [.. melaninNodes.Select(m => Top.Of(Surface.Over(Epidermis(i, m)), Quadrature, Specular))];
            dermis[i] = [.. bloodNodes.Select(b => Dermis(i, b, double.PositiveInfinity).R)];
        });
        int n = N, nn = N * N;
        topColumns = [.. Enumerable.Range(0, melaninNodes.Length).Select(m => WavelengthColumns(1 + n + nn + n, (i, e) =>
        {
            var top = bareTops[i][m];
            return e == 0 ? top.Reflected : e <= n ? top.Down[e - 1] : e <= n + nn ? top.ReflectionBelow[e - 1 - n] : top.Escape[e - 1 - n - nn];
        }))];
        dermisColumns = [.. Enumerable.Range(0, bloodNodes.Length).Select(b => WavelengthColumns(nn, (i, e) => dermis[i][b][e]))];
        // Only predictions need the ink layers; skin fits and skin spectra do not.
        inkLayers = new Lazy<Slab[]>(() =>
        {
            var layers = new Slab[AbsorptionNodes * ScatteringNodes];
            double thickness = o.PigmentedDermisMicrometres * 1e-4;
            Parallel.For(0, layers.Length, k => layers[k] = Layer(AbsorptionNode(k / ScatteringNodes), ScatteringNode(k % ScatteringNodes), thickness));
            return layers;
        });
        inkColumns = new Lazy<double[]>(() => Columns(InkLayers, N));
    }

    public Quadrature Quadrature { get; }

    public int N { get; }

    public Slab Surface { get; }

    /// <summary>The surface's Fresnel reflection at normal incidence when it is left out of the colour, else 0.</summary>
    public double Specular { get; }

    /// <summary>The ink-bearing layer at grid node (a, s): index a·ScatteringNodes + s.</summary>
    public Slab[] InkLayers => inkLayers.Value;

    /// <summary>
    /// The ink layers' operators element by element, for <see cref="LaneKernels"/>: row e &lt; n² holds element e of
    /// every layer's R, row n² + e element e of its T, <see cref="InkColumnStride"/> layers a row (the last three 0).
    /// </summary>
    public double[] InkColumns => inkColumns.Value;

    public static double AbsorptionNode(int k) => AbsorptionStart * Math.Pow(10, k / AbsorptionPerDecade);

    public static double ScatteringNode(int k) => ScatteringStart * Math.Pow(10, k / ScatteringPerDecade);

    /// <summary>Fractional grid position of an absorption (clamped to the grid).</summary>
    public static double AbsorptionIndex(double absorption) =>
        Math.Clamp(Math.Log10(absorption / AbsorptionStart) * AbsorptionPerDecade, 0, AbsorptionNodes - 1);

    /// <summary>Fractional grid position of a reduced scattering (clamped to the grid).</summary>
    public static double ScatteringIndex(double scattering) =>
        Math.Clamp(Math.Log10(scattering / ScatteringStart) * ScatteringPerDecade, 0, ScatteringNodes - 1);

    /// <summary>A tissue layer from μa and μs′ (cm⁻¹) and thickness (cm), with the model's anisotropy.</summary>
    public Slab Layer(double absorption, double reducedScattering, double thicknessCm)
    {
        double g = model.Options.Anisotropy;
        double scattering = reducedScattering / (1 - g);
        return AddingDoubling.Layer(Quadrature, absorption, scattering, g, thicknessCm);
    }

    public Slab Epidermis(int wavelength, double melanin) =>
        Layer(model.EpidermisAbsorption(wavelength, melanin), model.ReducedScattering[wavelength], model.Options.EpidermisMicrometres * 1e-4);

    public Slab Dermis(int wavelength, double blood, double thicknessCm) =>
        Layer(model.DermisAbsorption(wavelength, blood), model.ReducedScattering[wavelength], thicknessCm);

    /// <summary>
    /// Bare-skin reflectance for the fit (31 values), four wavelengths at a time: as <see cref="BareReflectance(int, double, double)"/>
    /// per SIMD lane, with the same operations in the same order.
    /// </summary>
    public void BareReflectance(double melanin, double blood, Span<double> reflectance)
    {
        var (m0, mt) = Locate(melaninNodes, melanin);
        var (b0, bt) = Locate(bloodNodes, blood);
        var (ta, tb, da, db) = (topColumns[m0], topColumns[m0 + 1], dermisColumns[b0], dermisColumns[b0 + 1]);
        int n = N, nn = n * n;
        var work = LaneKernels.Work.For(n);
        for (int w0 = 0; w0 < InkTable.Padded; w0 += 4)
        {
            work.Reflected = Lerp(ta, tb, 0, w0, mt);
            for (int i = 0; i < n; i++)
            {
                work.Down[i] = Lerp(ta, tb, 1 + i, w0, mt);
                work.Escape[i] = Lerp(ta, tb, 1 + n + nn + i, w0, mt);
            }

            for (int e = 0; e < nn; e++)
            {
                work.ReflectionBelow[e] = Lerp(ta, tb, 1 + n + e, w0, mt);
                work.Background[e] = Lerp(da, db, e, w0, bt);
            }

            var r = LaneKernels.Over(work.Background, work);
            for (int lane = 0; lane < 4 && w0 + lane < Chromophores.Count; lane++)
            {
                reflectance[w0 + lane] = r.GetElement(lane);
            }
        }
    }

    /// <summary>
    /// Bare-skin reflectance at one wavelength for the fit, interpolated (linearly in log fraction) between the
    /// tabulated tops and dermis reflections, then stacked exactly (the scalar form of the lane-wise overload, which
    /// the tests check against it).
    /// </summary>
    public double BareReflectance(int wavelength, double melanin, double blood)
    {
        var (m0, mt) = Locate(melaninNodes, melanin);
        var (b0, bt) = Locate(bloodNodes, blood);
        int n = N;
        var (ta, tb) = (bareTops[wavelength][m0], bareTops[wavelength][m0 + 1]);
        Span<double> below = stackalloc double[n * n];
        Span<double> reflectionBelow = stackalloc double[n * n];
        Span<double> down = stackalloc double[n];
        Span<double> escape = stackalloc double[n];
        Lerp(dermis[wavelength][b0], dermis[wavelength][b0 + 1], bt, below);
        Lerp(ta.ReflectionBelow, tb.ReflectionBelow, mt, reflectionBelow);
        Lerp(ta.Down, tb.Down, mt, down);
        Lerp(ta.Escape, tb.Escape, mt, escape);
        double reflected = ta.Reflected + (mt * (tb.Reflected - ta.Reflected));
        return Top.Over(reflected, down, reflectionBelow, escape, below, n);
    }

    private static Vector256<double> Lerp(double[] a, double[] b, int element, int w0, double t)
    {
        var va = Vector256.Create(a.AsSpan((element * InkTable.Padded) + w0, 4));
        var vb = Vector256.Create(b.AsSpan((element * InkTable.Padded) + w0, 4));
        return va + (t * (vb - va));
    }

    private static double[] WavelengthColumns(int elements, Func<int, int, double> value)
    {
        var columns = new double[elements * InkTable.Padded];
        for (int e = 0; e < elements; e++)
        {
            for (int i = 0; i < Chromophores.Count; i++)
            {
                columns[(e * InkTable.Padded) + i] = value(i, e);
            }
        }

        return columns;
    }

    private static double[] Columns(Slab[] layers, int n)
    {
        int nn = n * n;
        var columns = new double[2 * nn * InkColumnStride];
        for (int k = 0; k < layers.Length; k++)
        {
            for (int e = 0; e < nn; e++)
            {
                columns[(e * InkColumnStride) + k] = layers[k].R[e];
                columns[((nn + e) * InkColumnStride) + k] = layers[k].T[e];
            }
        }

        return columns;
    }

    private static (int Index, double T) Locate(double[] nodes, double value)
    {
        double x = Math.Log(value / nodes[0]) / Math.Log(nodes[1] / nodes[0]);
        int i = Math.Clamp((int)Math.Floor(x), 0, nodes.Length - 2);
        return (i, Math.Clamp(x - i, 0, 1));
    }

    private static double[] LogNodes(double min, double max)
    {
        int count = Math.Max(2, (int)Math.Ceiling(Math.Log10(max / min) * PerDecade) + 1);
        return [.. Enumerable.Range(0, count).Select(k => min * Math.Pow(max / min, k / (double)(count - 1)))];
    }

    private static void Lerp(double[] a, double[] b, double t, Span<double> c)
    {
        for (int i = 0; i < c.Length; i++)
        {
            c[i] = a[i] + (t * (b[i] - a[i]));
        }
    }
}

/// <summary>
/// What the layers above a depth contribute, for a collimated beam at normal incidence (the quadrature's incident
/// node k): the light they send back out themselves (R₀, without the specular part unless it is included), the flux
/// they pass down per direction (d = T·e_k), their reflection from below (R′) and how much of the light coming up in
/// each direction leaves through the surface (t = 1ᵀT′).
/// </summary>
internal sealed record Top(double Reflected, double[] Down, double[] ReflectionBelow, double[] Escape)
{
    /// <summary>The top's contributions; <paramref name="specular"/> is the surface's Fresnel reflection to leave out (0 to keep it).</summary>
    public static Top Of(Slab top, Quadrature q, double specular)
    {
        int n = q.Count, k = q.IncidentIndex;
        var down = new double[n];
        var escape = new double[n];
        for (int i = 0; i < n; i++)
        {
            down[i] = top.T[(i * n) + k];
            escape[i] = Slab.ColumnSum(top.TUp, i, n);
        }

        return new Top(Slab.ColumnSum(top.R, k, n) - specular, down, top.RBelow, escape);
    }

    /// <summary>Total reflectance of this top over a background reflecting with <paramref name="below"/>.</summary>
    public double Over(ReadOnlySpan<double> below, int n) => Over(Reflected, Down, ReflectionBelow, Escape, below, n);

    /// <summary>u = (I − R_b·R′)⁻¹·R_b·d, reflectance = R₀ + t·u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Over(double reflected, ReadOnlySpan<double> down, ReadOnlySpan<double> reflectionBelow, ReadOnlySpan<double> escape,
        ReadOnlySpan<double> below, int n)
    {
        Span<double> m = stackalloc double[n * n];
        Span<double> u = stackalloc double[n];
        Kernels.Multiply(below, reflectionBelow, m, n);
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                m[(i * n) + j] = (i == j ? 1 : 0) - m[(i * n) + j];
                sum += below[(i * n) + j] * down[j];
            }

            u[i] = sum;
        }

        Kernels.Solve(m, u, n, 1);
        double r = reflected;
        for (int i = 0; i < n; i++)
        {
            r += escape[i] * u[i];
        }

        return r;
    }
}
