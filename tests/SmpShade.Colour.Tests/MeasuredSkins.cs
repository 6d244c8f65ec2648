using System.Globalization;
using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

/// <summary>
/// The 50 measured skins of Data/nist_skin_reflectance_even_subjects.csv (NIST, Cooksey et al. 2017; source lines at
/// its top), resampled to the model's 400–700 nm grid, with their D65 colour, and fitted by the default model as the
/// service fits a client (colour only). The instrument includes the specular reflection: so does the fit's model.
/// </summary>
public static class MeasuredSkins
{
    /// <summary>The same held-out subjects as data/derive/fit-skin-constants.cs: every fifth in file order.</summary>
    public static bool IsHeldOut(int index) => index % 5 == 4;

    public static HealedToneModel SpecularModel { get; } = new(new HealedToneOptions { SpecularIncluded = true });

    public static IReadOnlyList<(string Name, double[] Reflectance, Lab Lab)> All { get; } = Load();

    private static readonly Lazy<SkinFit[]> Fits = new(() => [.. All.AsParallel().AsOrdered().Select(s => HealingFixture.Model.FitSkin(s.Lab))]);

    private static readonly Lazy<SkinFit[]> SpecularFits = new(() => [.. All.AsParallel().AsOrdered().Select(s => SpecularModel.FitSkin(s.Lab))]);

    /// <summary>Subject i fitted by the default model (specular excluded, as from a photo): for the ink properties.</summary>
    public static SkinFit Fit(int index) => Fits.Value[index];

    /// <summary>Subject i fitted by the model with the specular reflection, as the instrument measured it.</summary>
    public static SkinFit SpecularFit(int index) => SpecularFits.Value[index];

    private static List<(string, double[], Lab)> Load()
    {
        var lines = File.ReadLines(CsvData.PathOf("nist_skin_reflectance_even_subjects.csv")).Where(l => !l.StartsWith('#')).ToList();
        string[] names = lines[0].Split(',')[1..];
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var result = new List<(string, double[], Lab)>();
        for (int s = 0; s < names.Length; s++)
        {
            var r = new double[Chromophores.Count];
            for (int i = 0; i < r.Length; i++)
            {
                // Linear interpolation on the file's 3 nm grid.
                double nm = Chromophores.WavelengthAt(i);
                int j = rows.FindLastIndex(row => row[0] <= nm);
                double t = rows[j][0] == nm ? 0 : (nm - rows[j][0]) / (rows[j + 1][0] - rows[j][0]);
                r[i] = rows[j][s + 1] + (t == 0 ? 0 : t * (rows[j + 1][s + 1] - rows[j][s + 1]));
            }

            result.Add((names[s], r, HealedToneModel.Colour.ToLab(r)));
        }

        return result;
    }
}
