namespace SmpShade.Colour.Tests;

/// <summary>The test-only photon Monte Carlo against the published slab cases (Data/layered_transport_reference_cases.csv).</summary>
public sealed class MonteCarloSlabTests
{
    [Theory]
    [InlineData("mc-1", "Rd", "Tt")]   // van de Hulst via the MCML manual, table 6.1: μa 10/cm, μs 90/cm, g 0.75, d 0.02 cm
    [InlineData("ad-1", "UR1", "UT1")] // Prahl's adding-doubling, 8 quadrature points: a 0.9, b 1, g 0.8, n 1
    public void The_Monte_Carlo_reproduces_the_published_slab_within_three_standard_errors(string name, string reflectance, string transmittance)
    {
        var row = CsvData.Read("layered_transport_reference_cases.csv").Single(r => r["case"] == name);
        double a = double.Parse(row["a"], System.Globalization.CultureInfo.InvariantCulture);
        double b = double.Parse(row["b"], System.Globalization.CultureInfo.InvariantCulture);
        double g = double.Parse(row["g"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("1.0", row["n"]); // index-matched: the Monte Carlo has no Fresnel boundaries
        // Optical thickness b over unit length: μt = 1, μs = a, μa = 1 − a, thickness b.
        var (r, t, re, te) = MonteCarloSlab.Run(1 - a, a, g, b, photons: 200_000, seed: 12);
        double wantR = double.Parse(row[reflectance], System.Globalization.CultureInfo.InvariantCulture);
        double wantT = double.Parse(row[transmittance], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(r - wantR) <= 3 * re, $"{name}: R {r:F5} ± {re:F5}, published {wantR}");
        Assert.True(Math.Abs(t - wantT) <= 3 * te, $"{name}: T {t:F5} ± {te:F5}, published {wantT}");
        Assert.True(re < 0.002 && te < 0.002, "the run is long enough for the issue's 0.002 bar");
    }
}
