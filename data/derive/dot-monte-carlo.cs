#:project ../../tests/SmpShade.Colour.Tests/SmpShade.Colour.Tests.csproj
// Monte Carlo of finite SMP dots, the data the lateral dot correction is fitted to (docs/science.md §7). Run once from
// the repository root:  /work/heavy.sh dotnet run -c Release data/derive/dot-monte-carlo.cs
// (≈ 20 min of one core; at most 2 threads). Writes data/derive/dot-monte-carlo.csv; fit-dot-correction.cs fits it.
// Per case: the model's skin stack (tests/SmpShade.Colour.Tests/SkinStackOptics.cs, the service's coefficients) with a
// dot of ink in the ink layer, the dot's mean diffuse reflectance over its area by the validated reciprocal Monte
// Carlo (MonteCarloLayers.Dot, 12,000 photons, seeds fixed), and the exact planar adding-doubling answers (16 nodes)
// for the bare skin and the infinite plane of the same ink.
// Skins: six of the 50 measured NIST skins (nist_skin_reflectance_even_subjects.csv), evenly spaced in L*, melanin and
// blood fitted to each colour as the service does. Inks: the test fixtures' neat carbon black (L* 22), iron-oxide
// brown and mixed-chemistry brown (L* 30), neat and at 2 parts water. Dots 0.3, 0.5, 0.7 and 1.0 mm across.
// Wavelengths every 30 nm from 400 to 700 nm.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using SmpShade.Colour;
using SmpShade.Colour.Healing;
using SmpShade.Colour.Tests;

var inv = CultureInfo.InvariantCulture;
string dir = Path.Combine("data", "derive");
var lines = File.ReadLines(Path.Combine(dir, "nist_skin_reflectance_even_subjects.csv")).Where(l => !l.StartsWith('#')).ToList();
string[] names = lines[0].Split(',')[1..];
var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, inv)).ToArray()).ToList();
double At(int subject, double nm)
{
    int j = rows.FindLastIndex(r => r[0] <= nm);
    if (rows[j][0] == nm)
    {
        return rows[j][subject + 1];
    }

    double t = (nm - rows[j][0]) / (rows[j + 1][0] - rows[j][0]);
    return rows[j][subject + 1] + (t * (rows[j + 1][subject + 1] - rows[j][subject + 1]));
}

var labs = names.Select((_, s) => HealedToneModel.Colour.ToLab([.. Enumerable.Range(0, Chromophores.Count).Select(i => At(s, Chromophores.WavelengthAt(i)))])).ToArray();
int[] byLightness = [.. Enumerable.Range(0, names.Length).OrderByDescending(s => labs[s].L)];
int[] chosen = [.. Enumerable.Range(0, 6).Select(k => byLightness[(int)Math.Round(k * (names.Length - 1) / 5.0)])];

var service = HealingFixture.Model;
var converged = new HealedToneModel(new HealedToneOptions { QuadraturePoints = 16 });
(string Name, InkOptics Ink)[] inks = [("carbon", HealingFixture.CarbonBlack), ("iron-oxide", HealingFixture.IronOxideBrown), ("mixed", HealingFixture.DarkBrown)];
double[] waters = [0, 2];
double[] diameters = [0.3, 0.5, 0.7, 1.0];
int[] wavelengths = [.. Enumerable.Range(0, 11).Select(k => 3 * k)];
const int Photons = 12_000;

var skins = chosen.Select(s =>
{
    var fit = service.FitSkin(labs[s]);
    return (Subject: names[s], Lab: labs[s], Skin: converged.Skin(fit.Skin.MelaninFraction, fit.Skin.BloodFraction));
}).ToArray();

var jobs = (from skin in skins from ink in inks from water in waters from i in wavelengths from d in diameters select (skin, ink, water, i, d)).ToList();
var results = new ConcurrentBag<(int Order, string Line)>();
int done = 0;
Parallel.ForEach(Enumerable.Range(0, jobs.Count), new ParallelOptions { MaxDegreeOfParallelism = 2 }, k =>
{
    var (skin, ink, water, i, d) = jobs[k];
    double load = converged.Load(water, 0);
    var layers = SkinStackOptics.Layers(converged, skin.Skin, i);
    var (mua, musr) = SkinStackOptics.Ink(skin.Skin, ink.Ink, load, i);
    var (dermisMua, dermisMusr) = SkinStackOptics.Dermis(skin.Skin, i);
    double plane = SkinStackOptics.Planar(converged, skin.Skin, mua, musr, i);
    var dot = MonteCarloLayers.Dot(layers, converged.Options.TissueRefractiveIndex,
        SkinStackOptics.Dot(converged, skin.Skin, ink.Ink, load, i, d), Photons, seed: 1000 + k);
    results.Add((k, string.Join(',', skin.Subject, F(skin.Lab.L), F(skin.Skin.MelaninFraction), F(skin.Skin.BloodFraction), ink.Name, F(water),
        F(Chromophores.WavelengthAt(i)), F(d), F(dermisMua), F(dermisMusr), F(mua), F(musr),
        F(skin.Skin.Reflectance[i]), F(plane), F(dot.Reflectance), F(dot.ReflectanceError))));
    if (Interlocked.Increment(ref done) % 50 == 0)
    {
        Console.WriteLine($"{done}/{jobs.Count}");
    }
});

var csv = new StringBuilder();
csv.AppendLine("# Written by data/derive/dot-monte-carlo.cs (MonteCarloLayers.Dot, " + Photons.ToString(inv) + " photons a case; adding-doubling 16 nodes).");
csv.AppendLine("# Reflectances are diffuse (specular left out); coefficients in cm^-1; dot diameter in mm.");
csv.AppendLine("subject,skin_L,melanin,blood,ink,water_parts,nm,dot_mm,dermis_mua,dermis_musr,ink_mua,ink_musr,R_skin,R_plane,R_dot,R_dot_se");
foreach (var (_, line) in results.OrderBy(r => r.Order))
{
    csv.AppendLine(line);
}

File.WriteAllText(Path.Combine(dir, "dot-monte-carlo.csv"), csv.ToString());
Console.WriteLine($"{jobs.Count} cases written to data/derive/dot-monte-carlo.csv");

static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
