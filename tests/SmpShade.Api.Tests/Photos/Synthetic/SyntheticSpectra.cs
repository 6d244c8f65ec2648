using System.Globalization;
using SmpShade.Colour;
using SmpShade.Colour.Healing;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Tests.Photos.Synthetic;

/// <summary>
/// The reflectances the synthetic photos are made of, on one grid: 380–730 nm in 5 nm steps (5 nm so that F11's
/// narrow mercury and phosphor lines at 435, 545 and 610 nm are not stepped over; the chart data end at 730 nm).
/// </summary>
public static class SyntheticSpectra
{
    public const double StartNm = 380, StepNm = 5;
    public const int Count = 71;

    /// <summary>The 24 ColorChecker patches, BabelColor average of 30 charts (Data/colorchecker_babelcolor_average_reflectance.csv
    /// names its source), linearly interpolated from 10 nm to the grid.</summary>
    public static IReadOnlyList<(string Name, double[] Reflectance)> ColorChecker { get; } = LoadChart();

    /// <summary>A grey card: flat 18 % reflectance.</summary>
    public static double[] GreyCard { get; } = Flat(0.18);

    /// <summary>The chart's black frame and the gaps between patches (flat 4 %, near the chart's own black 2 patch).</summary>
    public static double[] ChartFrame { get; } = Flat(0.04);

    /// <summary>The wall behind: flat 30 %.</summary>
    public static double[] Background { get; } = Flat(0.30);

    /// <summary>Light skin from the §6 skin model (SmpShade.Colour.Healing): melanin 0.01, blood 0.01 (D65 Lab ≈ 63.5, 8.3, 8.7).</summary>
    public static double[] LightSkin { get; } = ModelSkin(0.01, 0.01);

    /// <summary>Medium skin from the §6 model: melanin 0.05, blood 0.01 (Lab ≈ 50.1, 9.9, 16.1).</summary>
    public static double[] MediumSkin { get; } = ModelSkin(0.05, 0.01);

    /// <summary>Dark skin from the §6 model: melanin 0.12, blood 0.01 (Lab ≈ 35.5, 11.2, 16.6).</summary>
    public static double[] DarkSkin { get; } = ModelSkin(0.12, 0.01);

    /// <summary>
    /// Bare skin reflectance from the retired layered Kubelka–Munk skin (<see cref="RetiredKubelkaMunkSkin"/>, with the
    /// defaults the healed-tone model had when these scenes were made: K2 0.6, epidermis 60 µm, clear dermis 10 µm,
    /// saturation 0.75): a skin structure the service's skin spectra set does not contain. Defined at 400–700 nm in
    /// 10 nm steps: interpolated onto the grid and held flat beyond its ends.
    /// </summary>
    public static double[] ModelSkin(double melaninFraction, double bloodFraction)
    {
        SpectralColour grid = HealedToneModel.Colour;
        double[] r = RetiredKubelkaMunkSkin.Reflectance(melaninFraction, bloodFraction, 0.6, 60, 10, 0.75);
        var spectrum = new Spectrum(grid.StartNm, grid.StepNm, r);
        return FromFunction(spectrum.ValueAt);
    }

    /// <summary>
    /// The 50 measured skins of Data/nist_skin_reflectance_even_subjects.csv (NIST, Cooksey et al. 2017; source lines at
    /// its top), linearly interpolated from the file's 3 nm grid (382–778 nm) onto this grid, 380 nm taking the 382 nm
    /// value. Real skin, drawn by no model: the test of what the skin spectra set assumes.
    /// </summary>
    public static IReadOnlyList<(string Name, double[] Reflectance)> MeasuredSkins { get; } = LoadMeasuredSkins();

    /// <summary>The measured skins held out of the skin model's constants (every fifth in file order, as
    /// data/derive/fit-skin-constants.cs): subjects 10, 20, …, 100.</summary>
    public static IEnumerable<(string Name, double[] Reflectance)> HeldOutMeasuredSkins => MeasuredSkins.Where((_, i) => i % 5 == 4);

    /// <summary>Dark brown hair: melanin load 3 in <see cref="Hair"/> (D65 Lab ≈ 20.8, 9.7, 8.8).</summary>
    public static double[] DarkBrownHair { get; } = Hair(3.0);

    /// <summary>Black hair: melanin load 6 (Lab ≈ 15.7, 1.1, 0.4).</summary>
    public static double[] BlackHair { get; } = Hair(6.0);

    /// <summary>Grey ("salt and pepper") hair: 55 % unpigmented fibres, 45 % dark brown (Lab ≈ 65, 0, 7).</summary>
    public static double[] GreyHair { get; } = Mix(Hair(0), Hair(3.0), 0.55);

    /// <summary>
    /// A hair fibre's diffuse reflectance, derived here (not measured): a 2 % diffusely scattered share of the cuticle's
    /// surface reflection, plus the keratin body's reflectance (0.60, lower in the blue, which makes white hair
    /// yellowish) attenuated twice (in and out) by eumelanin, whose absorption falls as λ^−3.33 (Jacques 1998, as in
    /// docs/science.md §3). <paramref name="melanin"/> is the optical depth at 500 nm one way.
    /// </summary>
    public static double[] Hair(double melanin) => FromFunction(nm =>
    {
        double keratin = 0.60 * (1 - 0.55 * Math.Exp(-(nm - 380) / 55));
        return 0.02 + 0.98 * keratin * Math.Exp(-2 * melanin * Math.Pow(nm / 500, -3.33));
    });

    /// <summary>A reflectance on the service's 380–730 nm, 10 nm grid (VisibleGrid) brought onto this grid by linear interpolation.</summary>
    public static double[] FromVisibleGrid(double[] tenNm)
    {
        var spectrum = new Spectrum(VisibleGrid.StartNm, VisibleGrid.StepNm, tenNm);
        return FromFunction(spectrum.ValueAt);
    }

    /// <summary>Lab under D65 (2°) relative to the grid's own spectral white: the ground truth.</summary>
    public static Lab TruthLab(double[] reflectance) => D65Observer.ToLab(reflectance);

    /// <summary>CIE 1931 2° under D65 on the grid.</summary>
    public static SpectralColour D65Observer { get; } = new(Cie.D65, StartNm, StepNm, Count);

    /// <summary>An illuminant sampled on the grid.</summary>
    public static double[] Sample(Spectrum spd) => FromFunction(spd.ValueAt);

    public static double[] Patch(string name) => ColorChecker.Single(p => p.Name == name).Reflectance;

    public static double[] Mix(double[] a, double[] b, double weightOfA) =>
        [.. a.Zip(b, (x, y) => weightOfA * x + (1 - weightOfA) * y)];

    private static double[] Flat(double value) => FromFunction(_ => value);

    private static double[] FromFunction(Func<double, double> f) =>
        [.. Enumerable.Range(0, Count).Select(i => f(StartNm + i * StepNm))];

    private static List<(string, double[])> LoadMeasuredSkins()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "nist_skin_reflectance_even_subjects.csv");
        var lines = File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        string[] names = lines[0].Split(',')[1..];
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return [.. names.Select((name, s) => (name, FromFunction(nm =>
        {
            int j = Math.Max(0, rows.FindLastIndex(row => row[0] <= nm));
            if (j == rows.Count - 1 || nm <= rows[0][0])
            {
                return rows[j][s + 1];
            }

            double t = (nm - rows[j][0]) / (rows[j + 1][0] - rows[j][0]);
            return rows[j][s + 1] + (t * (rows[j + 1][s + 1] - rows[j][s + 1]));
        })))];
    }

    private static List<(string, double[])> LoadChart()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "colorchecker_babelcolor_average_reflectance.csv");
        var rows = File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1);
        return [.. rows.Select(line =>
        {
            string[] cells = line.Split(',');
            double[] tenNm = [.. cells.Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture))];
            var spectrum = new Spectrum(380, 10, tenNm);
            return (cells[0], FromFunction(spectrum.ValueAt));
        })];
    }
}
