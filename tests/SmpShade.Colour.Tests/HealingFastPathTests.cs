using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

/// <summary>
/// The prediction's hot path (the per-skin table solved four nodes at a time, read with vectorised logarithms and
/// contiguous rows) against the straightforward computation it replaced (<see cref="HealingReferencePath"/>). Only
/// rounding differs (log2 for log10, lane-wise sums, no pivoting on diagonally dominant systems), so the tolerances are
/// rounding-sized, far inside the bound of ΔE00 0.01.
/// </summary>
public sealed class HealingFastPathTests
{
    private static HealedToneModel Model => HealingFixture.Model;

    /// <summary>Monk tones and random skins across the fit's whole melanin × blood range (fixed seed).</summary>
    internal static IEnumerable<SkinLayers> Skins()
    {
        foreach (int tone in new[] { 1, 3, 5, 7, 10 })
        {
            yield return HealingFixture.Monk(tone).Skin;
        }

        var o = Model.Options;
        var random = new Random(12);
        for (int i = 0; i < 6; i++)
        {
            double melanin = o.MelaninMin * Math.Pow(o.MelaninMax / o.MelaninMin, random.NextDouble());
            double blood = o.BloodMin * Math.Pow(o.BloodMax / o.BloodMin, random.NextDouble());
            yield return Model.Skin(melanin, blood);
        }

        yield return Model.Skin(o.MelaninMax, o.BloodMax);
        yield return Model.Skin(o.MelaninMin, o.BloodMin);
    }

    /// <summary>Catalogue-like inks of every chemistry, a supplied spectrum and a blend (fixed seed).</summary>
    internal static List<InkOptics> Inks()
    {
        var random = new Random(5);
        double[] scattering = [InkChemistry.CarbonScatteringPerCm, InkChemistry.OrganicScatteringPerCm, InkChemistry.IronOxideScatteringPerCm];
        var inks = new List<InkOptics> { HealingFixture.CarbonBlack, HealingFixture.DarkBrown, HealingFixture.IronOxideBrown };
        for (int i = 0; i < 24; i++)
        {
            var lab = new Lab(15 + (random.NextDouble() * 65), (random.NextDouble() * 40) - 10, (random.NextDouble() * 50) - 15);
            inks.Add(InkOptics.FromLab(lab, scattering[i % 3]));
        }

        inks.Add(InkOptics.FromReflectance([.. Enumerable.Range(0, Chromophores.Count).Select(i => 0.02 + (0.01 * i))], InkChemistry.IronOxideScatteringPerCm));
        inks.Add(InkOptics.Blend([(inks[0], 1), (inks[2], 2)]));
        return inks;
    }

    [Fact]
    public void The_table_solved_four_nodes_at_a_time_equals_the_scalar_adding_kernels_at_every_node()
    {
        double worst = 0;
        foreach (var skin in Skins())
        {
            var reference = new HealingReferencePath(Model, skin);
            for (int w = 0; w < Chromophores.Count; w++)
            {
                for (int a = 0; a < SkinTransport.AbsorptionNodes; a++)
                {
                    for (int s = 0; s < SkinTransport.ScatteringNodes; s++)
                    {
                        worst = Math.Max(worst, Math.Abs(skin.Table.Node(w, a, s) - reference.Node(w, a, s)));
                    }
                }
            }
        }

        Assert.True(worst <= 1e-12, $"largest node difference {worst:E2}");
    }

    [Fact]
    public void Predictions_agree_with_the_reference_path_over_many_skins_inks_dilutions_and_years()
    {
        double worstReflectance = 0, worstDeltaE = 0;
        int candidates = 0;
        var inks = Inks();
        Span<double> fast = stackalloc double[Chromophores.Count];
        foreach (var skin in Skins())
        {
            var reference = new HealingReferencePath(Model, skin);
            foreach (var ink in inks)
            {
                foreach (double years in new[] { 0.0, 4.5 })
                {
                    // The default ladder, and 10× neat ink to reach the grid's top edge.
                    foreach (double water in new[] { -0.9, 0, 1, 3, 6, 12, 20 })
                    {
                        double load = Model.Load(water, years);
                        skin.Healed(ink, load, fast);
                        var expected = reference.Healed(ink, load);
                        for (int i = 0; i < expected.Length; i++)
                        {
                            worstReflectance = Math.Max(worstReflectance, Math.Abs(fast[i] - expected[i]));
                        }

                        worstDeltaE = Math.Max(worstDeltaE, DeltaE.Ciede2000(reference.HealedLab(ink, load), Model.Healed(skin, ink, water, years)));
                        candidates++;
                    }
                }
            }
        }

        Assert.True(candidates > 5000, $"{candidates} candidates");
        Assert.True(worstReflectance <= 1e-12, $"largest reflectance difference {worstReflectance:E2} over {candidates} candidates");
        Assert.True(worstDeltaE <= 1e-9, $"largest ΔE00 {worstDeltaE:E2} over {candidates} candidates");
    }

    [Fact]
    public void The_fits_bare_skin_four_wavelengths_at_a_time_equals_the_scalar_stacking()
    {
        var o = Model.Options;
        var random = new Random(7);
        var lanes = new double[Chromophores.Count];
        double worst = 0;
        for (int k = 0; k < 200; k++)
        {
            // Across the bounds and a little beyond them (the search clamps, the grid lookup clamps too).
            double melanin = o.MelaninMin * Math.Pow(o.MelaninMax / o.MelaninMin, (random.NextDouble() * 1.2) - 0.1);
            double blood = o.BloodMin * Math.Pow(o.BloodMax / o.BloodMin, (random.NextDouble() * 1.2) - 0.1);
            Model.BareReflectance(melanin, blood, lanes);
            for (int i = 0; i < Chromophores.Count; i++)
            {
                worst = Math.Max(worst, Math.Abs(lanes[i] - Model.Transport.BareReflectance(i, melanin, blood)));
            }
        }

        Assert.True(worst <= 1e-12, $"largest difference {worst:E2}");
    }

    [Fact]
    public void The_vectorised_tristimulus_sum_equals_the_spectral_colour_integration()
    {
        var colour = HealedToneModel.Colour;
        Span<double> r = stackalloc double[Chromophores.Count];
        foreach (var skin in Skins().Take(5))
        {
            foreach (var ink in Inks().Take(4))
            {
                foreach (double load in new[] { 0.0, 0.0005, 0.005, 0.02, 0.2 })
                {
                    skin.Healed(ink, load, r);
                    var expected = colour.ToXyz(r);
                    var actual = skin.HealedXyz(ink, load);
                    Assert.Equal(expected.X, actual.X, 1e-12);
                    Assert.Equal(expected.Y, actual.Y, 1e-12);
                    Assert.Equal(expected.Z, actual.Z, 1e-12);
                }
            }
        }
    }
}
