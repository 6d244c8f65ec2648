#:project ../../src/SmpShade.Colour/SmpShade.Colour.csproj
// Fits the healed-tone model's global skin constants to measured human skin, and reports how well the model reproduces
// skin it was not fitted to. Run from the repository root:  dotnet run data/derive/fit-skin-constants.cs
// Data: nist_skin_reflectance_even_subjects.csv (NIST, Cooksey et al. 2017; source lines at its top), 50 subjects.
// Held out: every fifth subject in file order (subjects 10, 20, …, 100: 10 skins); the other 40 fit the constants.
// Per skin, melanin and blood are fitted to the measured colour exactly as the service does (HealedToneModel.FitSkin).
// The instrument includes the specular reflection, so the model does too.
// Global constants: the bloodless-tissue absorption scale and the blood oxygen saturation, fitted twice, to the mean
// ΔE00 and to the mean spectral RMSE over the 40 fitting skins. Rule, declared before looking at the held-out skins:
// a fitted set replaces the literature values only if, on the fitting skins, it lowers the median ΔE00 without raising
// the median spectral RMSE by more than 10 %. Scattering stays at Jacques (2013)'s skin mean: fitted to bare skin it
// drifts to about twice that, which bare skin tolerates but which makes the tissue above the ink scatter twice as much
// back (neat carbon black heals at L* ≈ 55 on light skin): a compensating constant the model must not have.
// Writes data/derive/skin-constants.txt.
using System.Globalization;
using System.Text;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

var inv = CultureInfo.InvariantCulture;
string dir = Path.Combine("data", "derive");
var lines = File.ReadLines(Path.Combine(dir, "nist_skin_reflectance_even_subjects.csv")).Where(l => !l.StartsWith('#')).ToList();
string[] names = lines[0].Split(',')[1..];
var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, inv)).ToArray()).ToList();
// Resample each subject to the model's grid (400–700 nm, 10 nm) by linear interpolation on the file's 3 nm grid.
double[][] spectra = [.. names.Select((_, s) => Enumerable.Range(0, Chromophores.Count).Select(i =>
{
    double nm = Chromophores.WavelengthAt(i);
    int j = rows.FindLastIndex(r => r[0] <= nm);
    if (rows[j][0] == nm)
    {
        return rows[j][s + 1];
    }

    double t = (nm - rows[j][0]) / (rows[j + 1][0] - rows[j][0]);
    return rows[j][s + 1] + (t * (rows[j + 1][s + 1] - rows[j][s + 1]));
}).ToArray())];
Lab[] labs = [.. spectra.Select(r => HealedToneModel.Colour.ToLab(r))];
int[] heldOut = [.. Enumerable.Range(0, names.Length).Where(i => i % 5 == 4)];
int[] fitting = [.. Enumerable.Range(0, names.Length).Except(heldOut)];

HealedToneOptions Options(double[] p) => new()
{
    SpecularIncluded = true, BaselineAbsorptionScale = Math.Exp(p[0]), BloodSaturation = Math.Clamp(p[1], 0.3, 1),
};

(double DeltaE, double Rmse)[] Evaluate(HealedToneOptions options, int[] subjects)
{
    var model = new HealedToneModel(options);
    return [.. subjects.AsParallel().AsOrdered().Select(s =>
    {
        var fit = model.FitSkin(labs[s]);
        double rmse = Math.Sqrt(fit.Skin.Reflectance.Select((r, i) => (r - spectra[s][i]) * (r - spectra[s][i])).Average());
        return (fit.DeltaE00, rmse);
    })];
}

static double Percentile(IEnumerable<double> values, double p)
{
    var sorted = values.Order().ToArray();
    double rank = p * (sorted.Length - 1);
    int lo = (int)Math.Floor(rank);
    int hi = Math.Min(lo + 1, sorted.Length - 1);
    return sorted[lo] + ((rank - lo) * (sorted[hi] - sorted[lo]));
}

double[] literature = [0, 0.75];
var byColour = NelderMead.Minimise(p => Evaluate(Options(p), fitting).Average(e => e.DeltaE), literature, [0.5, 0.1], iterations: 40, tolerance: 1e-3);
var bySpectrum = NelderMead.Minimise(p => Evaluate(Options(p), fitting).Average(e => e.Rmse), literature, [0.5, 0.1], iterations: 40, tolerance: 1e-3);

var report = new StringBuilder();
report.AppendLine("# Written by data/derive/fit-skin-constants.cs from nist_skin_reflectance_even_subjects.csv (NIST, Cooksey et al. 2017).");
string heldOutLabel = "held out (subjects " + string.Join(' ', heldOut.Select(i => names[i].Replace("subject", "", StringComparison.Ordinal))) + ")";
var fittingFigures = new Dictionary<string, (double DeltaE, double Rmse)>();
double[] chosen = literature;
string chosenName = "literature";
foreach (var (name, p) in new[] { ("literature", literature), ("fitted to colour", byColour), ("fitted to spectra", bySpectrum) })
{
    var o = Options(p);
    report.AppendLine(inv, $"{name}: baselineAbsorptionScale={o.BaselineAbsorptionScale:F4} bloodSaturation={o.BloodSaturation:F4}");
    foreach (var (label, set) in new[] { ("fitting (40)", fitting), (heldOutLabel, heldOut) })
    {
        var e = Evaluate(o, set);
        double medianDeltaE = Percentile(e.Select(x => x.DeltaE), 0.5), medianRmse = Percentile(e.Select(x => x.Rmse), 0.5);
        report.AppendLine(inv, $"  {label}: ΔE00 median {medianDeltaE:F2}, 95th percentile {Percentile(e.Select(x => x.DeltaE), 0.95):F2}, max {e.Max(x => x.DeltaE):F2}; spectral RMSE median {medianRmse:F4}, max {e.Max(x => x.Rmse):F4}");
        if (set == fitting)
        {
            fittingFigures[name] = (medianDeltaE, medianRmse);
        }
    }

    var (de, rmse) = fittingFigures[name];
    var (bestDe, _) = fittingFigures[chosenName];
    if (name != "literature" && de < bestDe && rmse <= 1.1 * fittingFigures["literature"].Rmse)
    {
        (chosen, chosenName) = (p, name);
    }
}

var kept = Options(chosen);
report.AppendLine(inv, $"adopted ({chosenName}): baselineAbsorptionScale={kept.BaselineAbsorptionScale:F4} bloodSaturation={kept.BloodSaturation:F4}");
Console.Write(report);
File.WriteAllText(Path.Combine(dir, "skin-constants.txt"), report.ToString());
