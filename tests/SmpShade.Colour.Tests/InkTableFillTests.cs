using System.Runtime.Intrinsics;
using SmpShade.Colour.Healing;
using SmpShade.Colour.Transport;

namespace SmpShade.Colour.Tests;

/// <summary>
/// The prediction table solves its nodes when a prediction first reads them (issue 15: a new skin's table was most of
/// a match's CPU). Expected values are the same table solved whole first, the way it was built before; agreement is
/// bit for bit, not within a tolerance, since the lazy fill runs the same operations in the same lanes.
/// </summary>
public sealed class InkTableFillTests
{
    private static HealedToneModel Model => HealingFixture.Model;

    private static readonly double[] WaterParts = [-0.9, 0, 1, 3, 6, 12, 20];

    [Fact]
    public void Predictions_from_a_table_filled_as_read_equal_those_from_the_table_solved_whole_bit_for_bit()
    {
        var inks = HealingFastPathTests.Inks();
        Span<double> lazy = stackalloc double[Chromophores.Count], whole = stackalloc double[Chromophores.Count];
        int compared = 0, solved = 0, all = 0;
        foreach (var skin in HealingFastPathTests.Skins())
        {
            // Two skins of the same fractions: one table left to fill as read, one solved whole before any read.
            var filled = Model.Skin(skin.MelaninFraction, skin.BloodFraction);
            var reference = Model.Skin(skin.MelaninFraction, skin.BloodFraction);
            reference.Table.SolveAll();
            Assert.Equal(reference.Table.AllNodes, reference.Table.SolvedNodes);
            foreach (var ink in inks)
            {
                foreach (double years in new[] { 0.0, 4.5 })
                {
                    foreach (double water in WaterParts)
                    {
                        double load = Model.Load(water, years);
                        filled.Healed(ink, load, lazy);
                        reference.Healed(ink, load, whole);
                        for (int i = 0; i < Chromophores.Count; i++)
                        {
                            Assert.Equal(BitConverter.DoubleToInt64Bits(whole[i]), BitConverter.DoubleToInt64Bits(lazy[i]));
                        }

                        compared++;
                    }
                }
            }

            (solved, all) = (solved + filled.Table.SolvedNodes, all + filled.Table.AllNodes);
        }

        Assert.True(compared > 5000, $"{compared} predictions");
        // These 29 inks over seven dilutions and two ages reach further than a catalogue, and still leave nodes unsolved.
        Assert.True(solved < all, $"{solved} of {all} nodes solved");
    }

    [Fact]
    public void Every_node_solved_on_its_own_equals_the_whole_table_solved_row_by_row_in_consecutive_lanes_bit_for_bit()
    {
        // The whole table as it was built before it filled lazily (InkTable.SolvePlane at 0dc4028's parent): per
        // wavelength and row, four consecutive scattering nodes per lane vector from the lowest solved one on.
        var transport = Model.Transport;
        int na = SkinTransport.AbsorptionNodes, ns = SkinTransport.ScatteringNodes;
        foreach (var skin in HealingFastPathTests.Skins().Take(4))
        {
            var fresh = Model.Skin(skin.MelaninFraction, skin.BloodFraction);
            var (tops, deeps) = fresh.Stack;
            for (int w = 0; w < Chromophores.Count; w++)
            {
                var (a0, s0) = fresh.Table.First(w);
                var work = LaneKernels.Work.For(transport.N);
                for (int a = a0; a < na; a++)
                {
                    for (int s = s0; s < ns; s += 4)
                    {
                        // Broadcast again: reading a node of the lazy table below may use this thread's lane work.
                        work.Broadcast(tops[w].Reflected, tops[w].Down, tops[w].ReflectionBelow, tops[w].Escape, deeps[w]);
                        int first = (a * ns) + s;
                        var row = LaneKernels.ReflectanceUnder(transport.InkColumns, SkinTransport.InkColumnStride, [first, first + 1, first + 2, first + 3], work);
                        for (int lane = 0; lane < 4 && s + lane < ns; lane++)
                        {
                            Assert.Equal(BitConverter.DoubleToInt64Bits(row.GetElement(lane)), BitConverter.DoubleToInt64Bits(fresh.Table.Node(w, a, s + lane)));
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Sixteen_threads_filling_one_table_at_once_read_what_the_whole_table_gives()
    {
        var inks = HealingFastPathTests.Inks();
        var fit = HealingFixture.Monk(4).Skin;
        var reference = Model.Skin(fit.MelaninFraction, fit.BloodFraction);
        reference.Table.SolveAll();
        for (int round = 0; round < 5; round++)
        {
            var shared = Model.Skin(fit.MelaninFraction, fit.BloodFraction);
            using var start = new Barrier(16);
            var mismatches = new int[16];
            var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
            {
                // Each thread walks the inks from another place, so threads meet on the same unsolved blocks.
                Span<double> mine = stackalloc double[Chromophores.Count], expected = stackalloc double[Chromophores.Count];
                start.SignalAndWait();
                for (int j = 0; j < inks.Count; j++)
                {
                    var ink = inks[(j + (t * 5)) % inks.Count];
                    foreach (double water in WaterParts)
                    {
                        double load = Model.Load(water, 0);
                        shared.Healed(ink, load, mine);
                        reference.Healed(ink, load, expected);
                        mismatches[t] += mine.SequenceEqual(expected) ? 0 : 1;
                    }
                }
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());
            Assert.Equal(new int[16], mismatches);
        }
    }

    [Fact]
    public void A_node_read_directly_is_solved_on_the_spot_with_the_value_of_the_whole_table_also_below_the_ink_free_dermis()
    {
        var skin = Model.Skin(0.05, 0.02);
        var reference = Model.Skin(0.05, 0.02);
        reference.Table.SolveAll();
        Assert.Equal(0, skin.Table.SolvedNodes);
        for (int w = 0; w < Chromophores.Count; w += 10)
        {
            // Node (0, 0) lies below the ink-free dermis at every wavelength: it repeats the lowest solved node.
            Assert.Equal(reference.Table.Node(w, 0, 0), skin.Table.Node(w, 0, 0));
            Assert.Equal(reference.Table.Node(w, SkinTransport.AbsorptionNodes - 1, SkinTransport.ScatteringNodes - 1),
                skin.Table.Node(w, SkinTransport.AbsorptionNodes - 1, SkinTransport.ScatteringNodes - 1));
        }

        Assert.Equal(8, skin.Table.SolvedNodes);
    }
}
