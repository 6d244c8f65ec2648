using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SmpShade.Colour.Transport;

namespace SmpShade.Colour.Healing;

/// <summary>
/// One skin's reflectance with ink, per wavelength, over the ink layer's grid of total absorption × reduced scattering
/// (<see cref="SkinTransport"/>): the part of a prediction that depends on the skin, solved once per skin so that a
/// candidate costs one interpolation per wavelength (docs/science.md §5).
/// </summary>
/// <remarks>
/// Built four grid nodes at a time (<see cref="LaneKernels"/>): per wavelength the top of the skin (surface, epidermis,
/// papillary dermis) and the deep dermis are fixed, so each node is one ink layer from the model's grid stacked between
/// them. Only the nodes at and above the ink-free dermis are solved (one below, for the cubic); lower ones repeat the
/// lowest solved value, as no candidate reads them. The grid is stored with a one-node border that repeats its edge, so
/// the 4×4 Catmull–Rom neighbourhood needs no clamping and each of its rows is one contiguous 4-value load.
/// </remarks>
internal sealed class InkTable
{
    /// <summary>Samples per spectrum rounded up to whole 4-lane vectors.</summary>
    public const int Padded = (Chromophores.Count + 3) / 4 * 4;

    private const int Na = SkinTransport.AbsorptionNodes, Ns = SkinTransport.ScatteringNodes;
    private const int Rows = Na + 2, Columns = Ns + 2, Plane = Rows * Columns;

    // x = log10(μa / 0.1 cm⁻¹)·5 and y = log10(μs′ / 5 cm⁻¹)·4 (SkinTransport's grid), from log2.
    private static readonly double AbsorptionScale = Math.Log10(2) * 5, ScatteringScale = Math.Log10(2) * 4;

    // Catmull–Rom weights of the four neighbours at t, by Horner: ((c3·t + c2)·t + c1)·t + c0.
    private static readonly Vector256<double> C3 = Vector256.Create(-0.5, 1.5, -1.5, 0.5), C2 = Vector256.Create(1.0, -2.5, 2, -0.5),
        C1 = Vector256.Create(-0.5, 0, 0.5, 0), C0 = Vector256.Create(0.0, 1, 0, 0);

    private readonly double[] values;
    private readonly double[] baseAbsorption;
    private readonly double[] baseScattering;

    /// <summary>Solves the table; the ink-free dermis's μa and μs′ (cm⁻¹, <see cref="Padded"/> values) bound which nodes are needed.</summary>
    public InkTable(SkinTransport transport, IReadOnlyList<Top> tops, IReadOnlyList<double[]> deeps, double[] baseAbsorption, double[] baseScattering)
    {
        this.baseAbsorption = baseAbsorption;
        this.baseScattering = baseScattering;
        values = new double[Padded * Plane];
        // One wavelength per work item: on an idle machine the cores share the ≈ 10⁴ stackings; under load (work
        // waiting in the pool) they run one after another on the request's thread.
        LoadAwareParallel.For(Chromophores.Count, w => SolvePlane(transport, w, tops[w], deeps[w]));
    }

    /// <summary>The solved value at grid node (a, s) of wavelength <paramref name="w"/>.</summary>
    public double Node(int w, int a, int s) => values[(w * Plane) + ((a + 1) * Columns) + s + 1];

    /// <summary>
    /// The skin's reflectance (<see cref="Padded"/> values, the last ones 0) with ink of absorption K and scattering S
    /// per unit volume fraction (31 values each) at volume fraction <paramref name="load"/>: μa += load·K/2,
    /// μs′ += load·S/0.75, then Catmull–Rom bicubic interpolation in the grid, clamped to [0, 1].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reflectance(ReadOnlySpan<double> absorption, ReadOnlySpan<double> scattering, double load, Span<double> reflectance)
    {
        var maxX = Vector256.Create((double)(Na - 1));
        var maxY = Vector256.Create((double)(Ns - 1));
        for (int w0 = 0; w0 < Padded; w0 += 4)
        {
            var k = Load4(absorption, w0);
            var s = Load4(scattering, w0);
            var mua = Vector256.Create(baseAbsorption.AsSpan(w0, 4)) + (load * k / 2);
            var mus = Vector256.Create(baseScattering.AsSpan(w0, 4)) + (load * s / 0.75);
            var xs = Vector256.Min(Vector256.Max(Vector256.Log2(mua / SkinTransport.AbsorptionStart) * AbsorptionScale, Vector256<double>.Zero), maxX);
            var ys = Vector256.Min(Vector256.Max(Vector256.Log2(mus / SkinTransport.ScatteringStart) * ScatteringScale, Vector256<double>.Zero), maxY);
            for (int lane = 0; lane < 4; lane++)
            {
                int w = w0 + lane;
                reflectance[w] = w < Chromophores.Count ? Interpolate(w, xs.GetElement(lane), ys.GetElement(lane)) : 0;
            }
        }
    }

    /// <summary>Solves wavelength w's nodes at and above the ink-free dermis, then fills the rest and the border.</summary>
    private void SolvePlane(SkinTransport transport, int w, Top top, double[] deep)
    {
        var columns = transport.InkColumns;
        var work = LaneKernels.Work.For(transport.N);
        var plane = values.AsSpan(w * Plane, Plane);
        work.Broadcast(top.Reflected, top.Down, top.ReflectionBelow, top.Escape, deep);
        int a0 = Math.Max(0, (int)SkinTransport.AbsorptionIndex(baseAbsorption[w]) - 1);
        int s0 = Math.Max(0, (int)SkinTransport.ScatteringIndex(baseScattering[w]) - 1);
        for (int a = a0; a < Na; a++)
        {
            var row = plane.Slice((a + 1) * Columns, Columns);
            for (int s = s0; s < Ns; s += 4)
            {
                var r = LaneKernels.ReflectanceUnder(columns, SkinTransport.InkColumnStride, (a * Ns) + s, work);
                for (int lane = 0; lane < 4 && s + lane < Ns; lane++)
                {
                    row[s + 1 + lane] = r.GetElement(lane);
                }
            }

            row.Slice(1, s0).Fill(row[s0 + 1]);
            (row[0], row[Columns - 1]) = (row[1], row[Columns - 2]);
        }

        for (int a = -1; a < a0; a++)
        {
            plane.Slice((a0 + 1) * Columns, Columns).CopyTo(plane.Slice((a + 1) * Columns, Columns));
        }

        plane.Slice(Na * Columns, Columns).CopyTo(plane.Slice((Na + 1) * Columns, Columns));
    }

    /// <summary>Catmull–Rom bicubic at fractional grid position (x, y) of wavelength w, clamped to [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Interpolate(int w, double x, double y)
    {
        int ix = Math.Min((int)x, Na - 2), iy = Math.Min((int)y, Ns - 2);
        double tx = x - ix;
        var ty = Vector256.Create(y - iy);
        var wy = (((((C3 * ty) + C2) * ty) + C1) * ty) + C0;
        // Weights across rows: the same polynomials in tx.
        double tx2 = tx * tx, tx3 = tx2 * tx;
        double w0 = (-tx3 + (2 * tx2) - tx) / 2, w1 = ((3 * tx3) - (5 * tx2) + 2) / 2, w2 = ((-3 * tx3) + (4 * tx2) + tx) / 2, w3 = (tx3 - tx2) / 2;
        // Rows ix−1 … ix+2, columns iy−1 … iy+2: the border shifts both by one.
        var block = values.AsSpan((w * Plane) + (ix * Columns) + iy, (3 * Columns) + 4);
        var sum = (Vector256.Create(block[..4]) * w0) + (Vector256.Create(block.Slice(Columns, 4)) * w1)
            + (Vector256.Create(block.Slice(2 * Columns, 4)) * w2) + (Vector256.Create(block.Slice(3 * Columns, 4)) * w3);
        return Math.Clamp(Vector256.Sum(sum * wy), 0, 1);
    }

    private static Vector256<double> Load4(ReadOnlySpan<double> values, int from) => from + 4 <= values.Length
        ? Vector256.Create(values.Slice(from, 4))
        : Vector256.Create(At(values, from), At(values, from + 1), At(values, from + 2), At(values, from + 3));

    private static double At(ReadOnlySpan<double> values, int i) => i < values.Length ? values[i] : 0;
}
