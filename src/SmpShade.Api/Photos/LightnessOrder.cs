using System.Buffers;
using SmpShade.Colour;

namespace SmpShade.Api.Photos;

/// <summary>
/// Pixels in ascending L*, for the skin's trim (<see cref="RegionMeasurer.MeasureSkin"/>): a least-significant-digit radix
/// sort on the bits of L*, 11 bits a pass, passes whose digit is the same for every pixel skipped. On 30,000 pixels it
/// costs a few hundred microseconds, where the comparison sort it replaced (Array.Sort with a delegate) took 3–7 ms.
/// Pixels of equal L* keep their input order; equal L* comes from equal Y, which in practice means the same pixel value,
/// so every mean or spread taken over the sorted pixels is, bit for bit, the one the comparison sort gave.
/// </summary>
public static class LightnessOrder
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;

    /// <summary>Writes into <paramref name="order"/> the indices of <paramref name="lab"/> in ascending L*.</summary>
    public static void Sort(ReadOnlySpan<Lab> lab, Span<int> order)
    {
        if (order.Length != lab.Length)
        {
            throw new ArgumentException("One index per pixel is needed.", nameof(order));
        }

        if (lab.IsEmpty)
        {
            return;
        }

        var keyBuffer = ArrayPool<ulong>.Shared.Rent(2 * lab.Length);
        var orderBuffer = ArrayPool<int>.Shared.Rent(lab.Length);
        try
        {
            Radix(lab, order, keyBuffer.AsSpan(0, 2 * lab.Length), orderBuffer.AsSpan(0, lab.Length));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keyBuffer);
            ArrayPool<int>.Shared.Return(orderBuffer);
        }
    }

    /// <param name="lab">The pixels.</param>
    /// <param name="order">Receives the indices.</param>
    /// <param name="scratch">Two keys per pixel.</param>
    /// <param name="otherOrder">One index per pixel.</param>
    private static void Radix(ReadOnlySpan<Lab> lab, Span<int> order, Span<ulong> scratch, Span<int> otherOrder)
    {
        Span<ulong> keys = scratch[..lab.Length], otherKeys = scratch[lab.Length..];
        for (int i = 0; i < lab.Length; i++)
        {
            double l = lab[i].L;
            if (double.IsNaN(l))
            {
                // Not from a real pixel; keep the comparison sort's definition (NaN first) rather than guess at one.
                var fallback = lab.ToArray();
                for (int j = 0; j < order.Length; j++)
                {
                    order[j] = j;
                }

                order.Sort((p, q) => fallback[p].L.CompareTo(fallback[q].L));
                return;
            }

            keys[i] = SortableBits(l + 0.0); // + 0.0 makes −0 into +0: CompareTo takes them as equal
            order[i] = i;
        }

        Span<int> starts = stackalloc int[Buckets];
        Span<int> from = order, to = otherOrder;
        for (int shift = 0; shift < 64; shift += Bits)
        {
            starts.Clear();
            foreach (ulong key in keys)
            {
                starts[(int)((key >> shift) & (Buckets - 1))]++;
            }

            if (starts[(int)((keys[0] >> shift) & (Buckets - 1))] == keys.Length)
            {
                continue; // every pixel has this digit: the pass would not move anything
            }

            int total = 0;
            for (int b = 0; b < Buckets; b++)
            {
                (starts[b], total) = (total, total + starts[b]);
            }

            for (int i = 0; i < keys.Length; i++)
            {
                int at = starts[(int)((keys[i] >> shift) & (Buckets - 1))]++;
                otherKeys[at] = keys[i];
                to[at] = from[i];
            }

            var swapKeys = keys;
            keys = otherKeys;
            otherKeys = swapKeys;
            var swap = from;
            from = to;
            to = swap;
        }

        if (from != order)
        {
            from.CopyTo(order);
        }
    }

    /// <summary>The bits of <paramref name="value"/> as an unsigned number in the same order as the doubles (IEEE 754: flip negatives, set the sign bit of positives).</summary>
    private static ulong SortableBits(double value)
    {
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return (bits >> 63) != 0 ? ~bits : bits | (1UL << 63);
    }
}
