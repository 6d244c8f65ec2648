using System.Globalization;
using SmpShade.Colour.Healing;
using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Tests;

/// <summary>
/// Catalogue colours read without the specular component (SCE) are brought to the specular-included reading (SCI)
/// before Saunderson's inversion: R_SCI = R_SCE + K1 (docs/science.md §4).
/// </summary>
public sealed class SpecularComponentTests
{
    private static double Flat(double l) => new Lab(l, 0, 0).ToXyz(SpectralColour.D65Visible10.White).Y;

    [Fact]
    public void An_SCE_black_below_the_surface_reflection_keeps_its_own_body_reflectance()
    {
        // L* 16 and L* 19 neutrals: Y ≈ 0.022 and 0.028, both at or below K1 = 0.03. As SCI readings both are the floor
        // (a perfect absorber, identical K/S); as SCE readings the body reflectance is x/((1 − K1)(1 − K2) + K2·x) with
        // x = Y (by hand: 0.022 → 0.0627, 0.028 → 0.0792), so they differ and neither is clamped.
        var sci16 = InkOptics.For(new Lab(16, 0, 0), null, "carbon");
        var sci19 = InkOptics.For(new Lab(19, 0, 0), null, "carbon");
        Assert.Equal(sci16.KOverS[15], sci19.KOverS[15]);
        Assert.Equal(KubelkaMunk.KOverS(InkOptics.MinReflectance), sci16.KOverS[15], 1e-9);

        var sce16 = InkOptics.For(new Lab(16, 0, 0), null, "carbon", specularIncluded: false);
        var sce19 = InkOptics.For(new Lab(19, 0, 0), null, "carbon", specularIncluded: false);
        foreach (var (ink, l) in new[] { (sce16, 16.0), (sce19, 19.0) })
        {
            double x = Flat(l);
            double body = x / (((1 - 0.03) * (1 - 0.65)) + (0.65 * x));
            Assert.Equal(KubelkaMunk.KOverS(body), ink.KOverS[15], 1e-6);
            Assert.True(ink.SpectrumDeltaE00 < 0.01);
        }

        Assert.True(sce16.KOverS[15] > sce19.KOverS[15]);
    }

    [Fact]
    public void An_SCE_spectrum_is_the_SCI_spectrum_less_the_surface_reflection()
    {
        double[] sce = [.. Enumerable.Range(0, Chromophores.Count).Select(i => 0.02 + (0.004 * i))];
        double[] sci = [.. sce.Select(v => v + 0.03)];
        var fromSce = InkOptics.For(default, sce, "iron-oxide", specularIncluded: false);
        var fromSci = InkOptics.For(default, sci, "iron-oxide");
        for (int i = 0; i < Chromophores.Count; i++)
        {
            Assert.Equal(fromSci.KOverS[i], fromSce.KOverS[i], 1e-12);
            Assert.Equal(fromSci.Absorption[i], fromSce.Absorption[i], 1e-9);
        }
    }

    /// <summary>
    /// Relative tolerance against the recorded values: the code at 1c6028a and now run the same arithmetic, so they agree
    /// to rounding; adding (or losing) K1 = 0.03 moves K/S by several percent.
    /// </summary>
    private const double Recorded = 1e-9;

    /// <summary>
    /// SCI inks (every catalogue before SCE existed, and the default) get the optics they got before: reflectance, K/S and
    /// K per wavelength as recorded at commit 1c6028a, the commit before SCI/SCE (1e0b5f6), in
    /// Data/sci_ink_optics_1c6028a.csv (data/derive/record-sci-ink-optics.cs, run in a checkout of 1c6028a).
    /// </summary>
    [Theory]
    [InlineData("lab 22 0.3 -0.5 organic")]
    [InlineData("lab 35 12 22 organic")]
    [InlineData("lab 60 5 12 organic")]
    [InlineData("spectrum 0.035+0.0015i carbon s550 30000")]
    public void SCI_data_is_unchanged(string name)
    {
        var rows = CsvData.Read("sci_ink_optics_1c6028a.csv").Where(r => r["case"] == name).ToList();
        Assert.Equal(Chromophores.Count, rows.Count);
        double[] spectrum = [.. Enumerable.Range(0, Chromophores.Count).Select(i => 0.035 + (0.0015 * i))];
        var parts = name.Split(' ');
        InkOptics[] now = parts[0] == "lab"
            ? [.. new bool?[] { null, true }.Select(sci => LabInk(parts, sci))]
            : [InkOptics.For(default, spectrum, "carbon", 30_000), InkOptics.For(default, spectrum, "carbon", 30_000, specularIncluded: true)];
        foreach (var ink in now)
        {
            for (int i = 0; i < Chromophores.Count; i++)
            {
                Assert.Equal(Chromophores.WavelengthAt(i), rows[i].D("nm"));
                Near(rows[i].D("reflectance"), ink.Reflectance[i], $"{name}, R at {rows[i]["nm"]} nm");
                Near(rows[i].D("k_over_s"), ink.KOverS[i], $"{name}, K/S at {rows[i]["nm"]} nm");
                Near(rows[i].D("absorption"), ink.Absorption[i], $"{name}, K at {rows[i]["nm"]} nm");
            }
        }
    }

    /// <summary>A Lab-only organic ink from the case's name, with the mode left to the default (null) or stated.</summary>
    private static InkOptics LabInk(string[] parts, bool? sci)
    {
        var lab = new Lab(double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture));
        return sci is { } included ? InkOptics.For(lab, null, parts[4], specularIncluded: included) : InkOptics.For(lab, null, parts[4]);
    }

    private static void Near(double recorded, double now, string what) =>
        Assert.True(Math.Abs(now - recorded) <= Recorded * Math.Abs(recorded), $"{what}: {now:R} now, {recorded:R} at 1c6028a");
}
