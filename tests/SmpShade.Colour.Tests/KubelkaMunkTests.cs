using System.Globalization;
using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Tests;

public sealed class KubelkaMunkTests
{
    // Data/kubelka_munk_reference_cases.csv: closed form checked against an independent matrix-exponential ODE
    // solution to 1e-12 (its # lines); the file holds two tables: single layers, then two-layer stacks.
    private const double Tolerance = 1e-9;

    public static TheoryData<double, double, double, double, double, double, double> SingleLayers()
    {
        var data = new TheoryData<double, double, double, double, double, double, double>();
        foreach (var c in Table(0))
        {
            data.Add(c[0], c[1], c[2], c[3], c[6], c[5], c[7]); // K, S, X, Rg, R_expm, T_closed, Rinf
        }

        return data;
    }

    public static TheoryData<double, double, double, double, double, double, double, double> TwoLayers()
    {
        var data = new TheoryData<double, double, double, double, double, double, double, double>();
        foreach (var c in Table(1))
        {
            data.Add(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[8]); // K1,S1,X1,K2,S2,X2,Rg,R_expm_nested
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SingleLayers))]
    public void A_layer_over_a_background_matches_the_independent_ODE_solution(
        double k, double s, double x, double rg, double expectedR, double expectedT, double expectedRinf)
    {
        var layer = KubelkaMunk.Layer(k, s, x);
        Assert.Equal(expectedR, layer.Over(rg), Tolerance);
        Assert.Equal(expectedR, KubelkaMunk.Reflectance(k, s, x, rg), Tolerance);
        Assert.Equal(expectedT, layer.Transmittance, Tolerance);
        Assert.Equal(expectedRinf, KubelkaMunk.ReflectanceInfinite(k, s), Tolerance);
    }

    [Theory]
    [MemberData(nameof(TwoLayers))]
    public void Two_stacked_layers_match_the_nested_ODE_solution(
        double k1, double s1, double x1, double k2, double s2, double x2, double rg, double expected)
    {
        var stacked = KubelkaMunk.Layer(k1, s1, x1).Over(KubelkaMunk.Layer(k2, s2, x2));
        Assert.Equal(expected, stacked.Over(rg), Tolerance);
        // The same through the one-background form R₁₂ = R₁ + T₁²R₂/(1 − R₁R₂).
        Assert.Equal(expected, KubelkaMunk.Layer(k1, s1, x1).Over(KubelkaMunk.Reflectance(k2, s2, x2, rg)), Tolerance);
    }

    [Fact]
    public void A_very_thick_layer_reflects_R_infinity_without_overflow()
    {
        // bSX ≈ 1e6: sinh/cosh would overflow; the layer must read as opaque.
        var layer = KubelkaMunk.Layer(2.0, 1.0, 1e6);
        Assert.Equal(KubelkaMunk.ReflectanceInfinite(2.0, 1.0), layer.Over(0.9), 1e-15);
        Assert.Equal(0, layer.Transmittance);
        // Independent: R∞ = a − b with a = 3, b = √8 (a = (S + K)/S).
        Assert.Equal(3 - Math.Sqrt(8), KubelkaMunk.ReflectanceInfinite(2.0, 1.0), 1e-15);
    }

    [Fact]
    public void A_non_absorbing_layer_follows_the_K_zero_limit_and_conserves_energy()
    {
        // K = 0: R = SX/(1 + SX), T = 1/(1 + SX) (the b → 0 limit), R + T = 1.
        var layer = KubelkaMunk.Layer(0, 4, 0.5);
        Assert.Equal(2.0 / 3, layer.ReflectanceAbove, 1e-15);
        Assert.Equal(1.0 / 3, layer.Transmittance, 1e-15);
        // Nearly zero K approaches the same limit continuously.
        var nearly = KubelkaMunk.Layer(1e-12, 4, 0.5);
        Assert.Equal(2.0 / 3, nearly.ReflectanceAbove, 1e-9);
        Assert.Equal(1.0, KubelkaMunk.ReflectanceInfinite(0, 4));
    }

    [Fact]
    public void A_non_scattering_layer_only_attenuates()
    {
        var layer = KubelkaMunk.Layer(3, 0, 0.2);
        Assert.Equal(0, layer.ReflectanceAbove);
        Assert.Equal(Math.Exp(-0.6), layer.Transmittance, 1e-15);
        Assert.Equal(Math.Exp(-1.2) * 0.5, layer.Over(0.5), 1e-15);
    }

    [Fact]
    public void K_over_S_inverts_R_infinity()
    {
        foreach (double ks in new[] { 0.0, 0.01, 0.5, 3, 40, 499 })
        {
            Assert.Equal(ks, KubelkaMunk.KOverS(KubelkaMunk.ReflectanceInfinite(ks, 1)), 1e-9 * Math.Max(1, ks));
        }
    }

    [Fact]
    public void Saunderson_leaves_black_at_K1_and_maps_white_to_one()
    {
        // R = 0 → K1; R = 1 → K1 + (1 − K1)(1 − K2)/(1 − K2) = 1: energy is conserved at a white body.
        Assert.Equal(0.04, KubelkaMunk.Saunderson(0, 0.04, 0.6), 1e-15);
        Assert.Equal(1, KubelkaMunk.Saunderson(1, 0.04, 0.6), 1e-15);
        // A mid value by hand: 0.04 + 0.96·0.4·0.5/(1 − 0.3) = 0.04 + 0.192/0.7.
        Assert.Equal(0.04 + 0.192 / 0.7, KubelkaMunk.Saunderson(0.5, 0.04, 0.6), 1e-15);
    }

    [Fact]
    public void Stacking_is_associative_and_reciprocal()
    {
        var l1 = KubelkaMunk.Layer(0.5, 5, 0.1);
        var l2 = KubelkaMunk.Layer(10, 2, 0.05);
        var l3 = KubelkaMunk.Layer(0.05, 20, 0.2);
        var left = l1.Over(l2).Over(l3);
        var right = l1.Over(l2.Over(l3));
        Assert.Equal(left.ReflectanceAbove, right.ReflectanceAbove, 1e-14);
        Assert.Equal(left.ReflectanceBelow, right.ReflectanceBelow, 1e-14);
        Assert.Equal(left.Transmittance, right.Transmittance, 1e-14);
        // Transmittance is the same read upside down.
        Assert.Equal(l3.Over(l2).Over(l1).Transmittance, left.Transmittance, 1e-14);
        Assert.Equal(l3.Over(l2).Over(l1).ReflectanceAbove, left.ReflectanceBelow, 1e-14);
    }

    /// <summary>The numeric rows of the n-th table (tables are separated by a blank line).</summary>
    private static List<double[]> Table(int index)
    {
        var lines = File.ReadAllLines(CsvData.PathOf("kubelka_munk_reference_cases.csv")).Where(l => !l.StartsWith('#')).ToList();
        var tables = new List<List<double[]>> { new() };
        foreach (string line in lines)
        {
            if (line.Trim().Length == 0)
            {
                tables.Add([]);
            }
            else if (char.IsDigit(line[0]))
            {
                tables[^1].Add([.. line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))]);
            }
        }

        return tables[index];
    }
}
