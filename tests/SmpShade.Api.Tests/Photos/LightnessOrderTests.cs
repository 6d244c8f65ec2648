using SmpShade.Api.Photos;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Photos;

/// <summary>
/// The skin trim's radix sort (<see cref="LightnessOrder"/>, issue 13's speed work) against the comparison sort it
/// replaced (<c>Array.Sort</c> of the indices with <c>lab[i].L.CompareTo(lab[j].L)</c>), which is the independent
/// computation here: the two must put the pixels' values in the same sequence, since the trim keeps a slice of that
/// sequence and every mean is summed in its order.
/// </summary>
public sealed class LightnessOrderTests
{
    public static TheoryData<int, bool> Cases => new()
    {
        { 25, false },
        { 30_000, false }, // a region's worth of samples
        { 30_000, true },  // 8-bit pixel values repeat: many exact ties in L*
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pixels_come_out_in_the_comparison_sorts_sequence(int count, bool quantised)
    {
        var random = new Random(count + (quantised ? 1 : 0));
        var lab = new Lab[count];
        for (int i = 0; i < count; i++)
        {
            // Skin-like L* 20–90, a few negative and zero values as a fitted correction can give, and 8-bit-like repeats.
            double l = quantised ? Math.Round(random.NextDouble() * 70 + 20) : (random.NextDouble() * 110) - 10;
            lab[i] = i % 97 == 0 ? new Lab(i % 2 == 0 ? 0.0 : -0.0, 1, 1) : new Lab(l, Math.Round(l / 7), Math.Round(l / 5));
        }

        var expected = Enumerable.Range(0, count).ToArray();
        Array.Sort(expected, (i, j) => lab[i].L.CompareTo(lab[j].L));
        var order = new int[count];
        LightnessOrder.Sort(lab, order);

        Assert.Equal(expected.Select(i => lab[i]), order.Select(i => lab[i]));
        Assert.Equal(Enumerable.Range(0, count), order.Order()); // a permutation
    }

    [Fact]
    public void A_NaN_lightness_is_ordered_as_the_comparison_sort_orders_it()
    {
        Lab[] lab = [new(50, 0, 0), new(double.NaN, 0, 0), new(20, 0, 0), new(80, 0, 0)];
        var order = new int[lab.Length];

        LightnessOrder.Sort(lab, order);

        Assert.Equal([1, 2, 0, 3], order); // CompareTo puts NaN first
    }
}
