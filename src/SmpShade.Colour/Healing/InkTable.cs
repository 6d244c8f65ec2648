using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SmpShade.Colour.Transport;

namespace SmpShade.Colour.Healing;

/// <summary>
/// One skin's reflectance with ink, per wavelength, over the ink layer's grid of total absorption × reduced scattering
/// (<see cref="SkinTransport"/>): the part of a prediction that depends on the skin, so that a candidate costs one
/// interpolation per wavelength (docs/science.md §5). Nodes are solved when a prediction first reads them.
/// </summary>
/// <remarks>
/// Solved four grid nodes at a time (<see cref="LaneKernels"/>): per wavelength the top of the skin (surface, epidermis,
/// papillary dermis) and the deep dermis are fixed, so each node is one ink layer from the model's grid stacked between
/// them. Only nodes at and above the ink-free dermis exist (one below, for the cubic); lower ones repeat the lowest
/// solved value, as no candidate reads them. The grid is stored with a one-node border that repeats its edge, so the
/// 4×4 Catmull–Rom neighbourhood needs no clamping and each of its rows is one contiguous 4-value load.
/// <para>
/// A catalogue reads about a third of those nodes (issue 15: the bundled one, 3.9 of 12.7 thousand per skin), so they
/// are solved on first read: the missing nodes of a neighbourhood, four to a lane vector, with the same operations as
/// solving the whole table (lanes never mix), so every value is bit for bit what the whole table holds (tested against
/// the whole table solved in its old order). Any number of threads may read one table: a node is published by setting
/// its flag after its values (a volatile write), readers check flags with a volatile read, and two threads that solve
/// the same node at once write the same bits.
/// </para>
/// </remarks>
internal sealed class InkTable
{
    /// <summary>Samples per spectrum rounded up to whole 4-lane vectors.</summary>
    public const int Padded = (Chromophores.Count + 3) / 4 * 4;

    private const int Na = SkinTransport.AbsorptionNodes, Ns = SkinTransport.ScatteringNodes;
    private const int Rows = Na + 2, Columns = Ns + 2, Plane = Rows * Columns;

    // Neighbourhoods, by their top-left node.
    private const int Cells = (Na - 1) * (Ns - 1);

    // x = log10(μa / 0.1 cm⁻¹)·5 and y = log10(μs′ / 5 cm⁻¹)·4 (SkinTransport's grid), from log2.
    private static readonly double AbsorptionScale = Math.Log10(2) * 5, ScatteringScale = Math.Log10(2) * 4;

    // Catmull–Rom weights of the four neighbours at t, by Horner: ((c3·t + c2)·t + c1)·t + c0.
    private static readonly Vector256<double> C3 = Vector256.Create(-0.5, 1.5, -1.5, 0.5), C2 = Vector256.Create(1.0, -2.5, 2, -0.5),
        C1 = Vector256.Create(-0.5, 0, 0.5, 0), C0 = Vector256.Create(0.0, 1, 0, 0);

    // One plane per wavelength (5 KB each) rather than one 170 KB array: a new skin's table is then not a large-object
    // allocation, whose budget set off a blocking gen2 collection every few new skins under a burst (issue 15).
    private readonly double[][] planes;
    private readonly double[] baseAbsorption;
    private readonly double[] baseScattering;
    private readonly SkinTransport transport;
    private readonly IReadOnlyList<Top> tops;
    private readonly IReadOnlyList<double[]> deeps;

    // Per wavelength, the lowest solved absorption and scattering nodes.
    private readonly int[] firstAbsorption = new int[Chromophores.Count];
    private readonly int[] firstScattering = new int[Chromophores.Count];

    // 1 once node [w, a, s] is solved and stored; 1 once every node neighbourhood [w, ix, iy] reads is.
    private readonly byte[] solved = new byte[Chromophores.Count * Na * Ns];
    private readonly byte[] ready = new byte[Chromophores.Count * Cells];

    /// <summary>A table with nothing solved yet; the ink-free dermis's μa and μs′ (cm⁻¹, <see cref="Padded"/> values) bound which nodes exist.</summary>
    public InkTable(SkinTransport transport, IReadOnlyList<Top> tops, IReadOnlyList<double[]> deeps, double[] baseAbsorption, double[] baseScattering)
    {
        (this.transport, this.tops, this.deeps) = (transport, tops, deeps);
        this.baseAbsorption = baseAbsorption;
        this.baseScattering = baseScattering;
        planes = [.. Enumerable.Range(0, Chromophores.Count).Select(_ => new double[Plane])];
        for (int w = 0; w < Chromophores.Count; w++)
        {
            firstAbsorption[w] = Math.Max(0, (int)SkinTransport.AbsorptionIndex(baseAbsorption[w]) - 1);
            firstScattering[w] = Math.Max(0, (int)SkinTransport.ScatteringIndex(baseScattering[w]) - 1);
        }
    }

    /// <summary>How many nodes are solved so far (for tests and figures).</summary>
    public int SolvedNodes => solved.Count(b => b != 0);

    /// <summary>How many nodes the whole table has.</summary>
    public int AllNodes => Enumerable.Range(0, Chromophores.Count).Sum(w => (Na - firstAbsorption[w]) * (Ns - firstScattering[w]));

    /// <summary>The lowest solved absorption and scattering nodes of wavelength <paramref name="w"/>: lower ones repeat them.</summary>
    public (int Absorption, int Scattering) First(int w) => (firstAbsorption[w], firstScattering[w]);

    /// <summary>Solves every node now (tests compare against it).</summary>
    public void SolveAll()
    {
        Span<int> nodes = stackalloc int[Ns];
        for (int w = 0; w < Chromophores.Count; w++)
        {
            var work = Broadcast(w);
            for (int a = firstAbsorption[w]; a < Na; a++)
            {
                int count = 0;
                for (int s = firstScattering[w]; s < Ns; s++)
                {
                    nodes[count++] = (a * Ns) + s;
                }

                Solve(w, nodes[..count], work);
            }
        }
    }

    /// <summary>The value at grid node (a, s) of wavelength <paramref name="w"/>, solved if it was not.</summary>
    public double Node(int w, int a, int s)
    {
        int node = (Math.Max(a, firstAbsorption[w]) * Ns) + Math.Max(s, firstScattering[w]);
        if (Volatile.Read(ref solved[(w * Na * Ns) + node]) == 0)
        {
            Solve(w, [node], Broadcast(w));
        }

        return planes[w][((a + 1) * Columns) + s + 1];
    }

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

    /// <summary>Solves the nodes the neighbourhood with top-left node (ix, iy) of wavelength w reads and lacks, then marks it ready.</summary>
    private void Fill(int w, int ix, int iy)
    {
        int a0 = firstAbsorption[w], s0 = firstScattering[w];
        Span<int> missing = stackalloc int[16];
        int count = 0;
        // Rows and columns below the solved region repeat its lowest node: clamping can name a node twice.
        for (int a = Math.Clamp(ix - 1, a0, Na - 1); a <= Math.Clamp(ix + 2, a0, Na - 1); a++)
        {
            for (int s = Math.Clamp(iy - 1, s0, Ns - 1); s <= Math.Clamp(iy + 2, s0, Ns - 1); s++)
            {
                if (Volatile.Read(ref solved[(w * Na * Ns) + (a * Ns) + s]) == 0)
                {
                    missing[count++] = (a * Ns) + s;
                }
            }
        }

        if (count > 0)
        {
            Solve(w, missing[..count], Broadcast(w));
        }

        Volatile.Write(ref ready[(w * Cells) + (ix * (Ns - 1)) + iy], 1);
    }

    /// <summary>This thread's lane work with wavelength w's top and deep dermis in every lane.</summary>
    private LaneKernels.Work Broadcast(int w)
    {
        var work = LaneKernels.Work.For(transport.N);
        var top = tops[w];
        work.Broadcast(top.Reflected, top.Down, top.ReflectionBelow, top.Escape, deeps[w]);
        return work;
    }

    /// <summary>
    /// Solves wavelength w's <paramref name="nodes"/> (a·Ns + s, in the solved region) four at a time, the last group
    /// padded with its last node, and stores each value where the table's reads find it: the node, and the border or
    /// lower nodes that repeat it. Then marks each solved.
    /// </summary>
    private void Solve(int w, ReadOnlySpan<int> nodes, LaneKernels.Work work)
    {
        Span<int> lanes = stackalloc int[4];
        for (int i = 0; i < nodes.Length; i += 4)
        {
            for (int lane = 0; lane < 4; lane++)
            {
                lanes[lane] = nodes[Math.Min(i + lane, nodes.Length - 1)];
            }

            var r = LaneKernels.ReflectanceUnder(transport.InkColumns, SkinTransport.InkColumnStride, lanes, work);
            for (int lane = 0; lane < 4 && i + lane < nodes.Length; lane++)
            {
                Store(w, lanes[lane] / Ns, lanes[lane] % Ns, r.GetElement(lane));
            }
        }
    }

    private void Store(int w, int a, int s, double value)
    {
        int a0 = firstAbsorption[w], s0 = firstScattering[w];
        var plane = planes[w].AsSpan();
        int rowFrom = a == a0 ? -1 : a, rowTo = a == Na - 1 ? Na : a;
        int from = s == s0 ? -1 : s, to = s == Ns - 1 ? Ns : s;
        for (int row = rowFrom; row <= rowTo; row++)
        {
            plane.Slice(((row + 1) * Columns) + from + 1, to - from + 1).Fill(value);
        }

        Volatile.Write(ref solved[(w * Na * Ns) + (a * Ns) + s], 1);
    }

    /// <summary>Catmull–Rom bicubic at fractional grid position (x, y) of wavelength w, clamped to [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Interpolate(int w, double x, double y)
    {
        int ix = Math.Min((int)x, Na - 2), iy = Math.Min((int)y, Ns - 2);
        if (Volatile.Read(ref ready[(w * Cells) + (ix * (Ns - 1)) + iy]) == 0)
        {
            Fill(w, ix, iy);
        }

        double tx = x - ix;
        var ty = Vector256.Create(y - iy);
        var wy = (((((C3 * ty) + C2) * ty) + C1) * ty) + C0;
        // Weights across rows: the same polynomials in tx.
        double tx2 = tx * tx, tx3 = tx2 * tx;
        double w0 = (-tx3 + (2 * tx2) - tx) / 2, w1 = ((3 * tx3) - (5 * tx2) + 2) / 2, w2 = ((-3 * tx3) + (4 * tx2) + tx) / 2, w3 = (tx3 - tx2) / 2;
        // Rows ix−1 … ix+2, columns iy−1 … iy+2: the border shifts both by one.
        var block = planes[w].AsSpan((ix * Columns) + iy, (3 * Columns) + 4);
        var sum = (Vector256.Create(block[..4]) * w0) + (Vector256.Create(block.Slice(Columns, 4)) * w1)
            + (Vector256.Create(block.Slice(2 * Columns, 4)) * w2) + (Vector256.Create(block.Slice(3 * Columns, 4)) * w3);
        return Math.Clamp(Vector256.Sum(sum * wy), 0, 1);
    }

    private static Vector256<double> Load4(ReadOnlySpan<double> values, int from) => from + 4 <= values.Length
        ? Vector256.Create(values.Slice(from, 4))
        : Vector256.Create(At(values, from), At(values, from + 1), At(values, from + 2), At(values, from + 3));

    private static double At(ReadOnlySpan<double> values, int i) => i < values.Length ? values[i] : 0;
}
