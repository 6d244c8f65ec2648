using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Tests;

/// <summary>The 24 ColorChecker patches: spectra rendered under D50, and the common sRGB values as a loose check.</summary>
public sealed class ColorCheckerTests
{
    // BabelColor's Lab comes from its own D50 integration of the same spectra (published as xyY to 4 decimals).
    // Ours samples the 1 nm CMFs and the 5 nm D50 SPD on the spectra's 10 nm, 380–730 nm grid without the
    // ASTM E308 bandpass-corrected weights; that choice alone moves saturated colours by a few tenths of ΔE
    // (ASTM E308 §7), and the 4-decimal xy adds up to ~0.05. 0.5 ΔE00 covers both and is below the
    // perceptibility threshold, so a wrong CMF, illuminant or white would still fail.
    private const double SpectralTolerance = 0.5;

    // Loose check, not a measurement: the "common" sRGB8 values are 8-bit and were derived from an older chart
    // average (reference README), and the X-Rite 2014 Lab is a different chart generation; cyan lies outside sRGB.
    // ΔE00 up to a few units is expected; a broken transfer function, matrix or adaptation gives tens.
    private const double LooseSrgbMaxDeltaE = 5;
    private const double LooseSrgbMeanDeltaE = 2;

    public static TheoryData<int> Patches() => [.. Enumerable.Range(1, 24)];

    [Theory]
    [MemberData(nameof(Patches))]
    public void A_patch_spectrum_rendered_under_D50_matches_the_BabelColor_Lab(int patch)
    {
        var reference = CsvData.Read("colorchecker24_reference.csv").Single(r => (int)r.D("index") == patch);
        var spectrumRow = CsvData.Read("colorchecker_babelcolor_average_reflectance.csv").Single(r => r["patch"] == reference["name"]);
        double[] reflectance = [.. Enumerable.Range(0, 36).Select(i => spectrumRow.D((380 + 10 * i).ToString()))];

        var d50 = new SpectralColour(Cie.D50, 380, 10, 36);
        Lab rendered = d50.ToLab(reflectance);
        var published = new Lab(reference.D("Babel_L"), reference.D("Babel_a"), reference.D("Babel_b"));

        double de = DeltaE.Ciede2000(published, rendered);
        Assert.True(de <= SpectralTolerance, $"{reference["name"]}: rendered {rendered}, BabelColor {published}, ΔE00 {de:F3}");
    }

    [Fact]
    public void Loose_check_the_common_sRGB8_values_decode_near_the_X_Rite_2014_Lab()
    {
        var deltas = new List<double>();
        foreach (var row in CsvData.Read("colorchecker24_reference.csv"))
        {
            Lab d65 = RgbColourSpace.Srgb.ToLab8((byte)row.D("sRGB8_R"), (byte)row.D("sRGB8_G"), (byte)row.D("sRGB8_B"));
            Lab d50 = d65.Adapt(WhitePoint.D65, WhitePoint.D50);
            var xrite = new Lab(row.D("XRite2014_L"), row.D("XRite2014_a"), row.D("XRite2014_b"));
            deltas.Add(DeltaE.Ciede2000(xrite, d50));
        }

        Assert.True(deltas.Max() <= LooseSrgbMaxDeltaE, $"max ΔE00 {deltas.Max():F2}: {string.Join(" ", deltas.Select(d => d.ToString("F2")))}");
        Assert.True(deltas.Average() <= LooseSrgbMeanDeltaE, $"mean ΔE00 {deltas.Average():F2}");
    }
}
