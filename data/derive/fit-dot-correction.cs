#:project ../../tests/SmpShade.Colour.Tests/SmpShade.Colour.Tests.csproj
// Fits the lateral dot correction (SmpShade.Colour.Healing.DotSpread, docs/science.md §7) to the Monte Carlo of
// dot-monte-carlo.cs and reports its error on cases not used to fit it. Run from the repository root after it:
//   dotnet run -c Release data/derive/fit-dot-correction.cs        (seconds)
// Writes data/derive/dot-correction.txt.
// The correction: R_dot = R_plane + f·(R_skin − R_plane) per wavelength, f = 1/(1 + (d/(c·ℓ·(1 + q·ρ)))^p), d the dot
// diameter, ℓ a length of the ink-free dermis at that wavelength and ρ = R_plane/R_skin (how much light the ink leaves:
// a weak ink lets light travel further under the dot); c, p (and q) fitted by least squares on R_dot (so cases where
// the ink barely differs from skin weigh little), for candidate forms: ℓ the transport length 1/μs′ or the diffusion
// length 1/μeff, with q or q = 0. The one with the lowest error on the fitting cases is kept (chosen before looking at
// the held-out ones).
// Held out (declared before fitting): skins 2 and 5 of the six (by L*), the mixed-chemistry ink, the 0.7 mm dot; a
// case is held out if any of these applies. Fitting: the other skins × carbon and iron-oxide × 0.3, 0.5, 1.0 mm.
// Colour error: per case the Monte Carlo's f at its 11 wavelengths is interpolated linearly to the model's 31, giving
// the Monte Carlo dot's spectrum R_plane + f·(R_skin − R_plane) (planar answers exact, 16-node adding-doubling); its
// colour against the correction's, ΔE00, D65.
using System.Globalization;
using System.Text;
using SmpShade.Colour;
using SmpShade.Colour.Healing;
using SmpShade.Colour.Tests;

var inv = CultureInfo.InvariantCulture;
string dir = Path.Combine("data", "derive");
var cases = File.ReadLines(Path.Combine(dir, "dot-monte-carlo.csv")).Where(l => !l.StartsWith('#')).Skip(1)
    .Select(l => l.Split(',')).Select(v => new Row(v[0], D(v[1]), D(v[2]), D(v[3]), v[4], D(v[5]), D(v[6]), D(v[7]), D(v[8]), D(v[9]),
        D(v[12]), D(v[13]), D(v[14]), D(v[15]))).ToList();
string[] subjects = [.. cases.GroupBy(c => c.Subject).OrderByDescending(g => g.First().SkinL).Select(g => g.Key)];
bool HeldOut(Row r) => r.Subject == subjects[1] || r.Subject == subjects[4] || r.Ink == "mixed" || r.DotMm == 0.7;
var fitting = cases.Where(r => !HeldOut(r)).ToList();
var held = cases.Where(HeldOut).ToList();

var forms = new (string Name, Func<double, double, double> Cm, bool WithQ)[]
{
    ("transport length 1/mus'", (mua, musr) => 1 / musr, false),
    ("diffusion length 1/mueff", (mua, musr) => 1 / Math.Sqrt(3 * mua * (mua + musr)), false),
    ("transport length 1/mus' x (1 + q rho)", (mua, musr) => 1 / musr, true),
    ("diffusion length 1/mueff x (1 + q rho)", (mua, musr) => 1 / Math.Sqrt(3 * mua * (mua + musr)), true),
};

var report = new StringBuilder();
report.AppendLine("# Written by data/derive/fit-dot-correction.cs from dot-monte-carlo.csv.");
report.AppendLine($"cases: {cases.Count} ({fitting.Count} fitting, {held.Count} held out); held-out skins {subjects[1]}, {subjects[4]}; ink mixed; dot 0.7 mm");
var fits = forms.Select(form =>
{
    var theta = Fit(fitting, form.Cm, form.WithQ);
    return (form.Name, form.Cm, Theta: theta, Rmse: Rmse(fitting, form.Cm, theta));
}).ToList();
foreach (var f in fits)
{
    report.AppendLine(FormattableString.Invariant($"form {f.Name}: c {f.Theta[0]:F4} p {f.Theta[1]:F4} q {f.Theta[2]:F4}; fitting R_dot RMSE {f.Rmse:F4}, held out {Rmse(held, f.Cm, f.Theta):F4}"));
}

var best = fits.MinBy(f => f.Rmse);
report.AppendLine(FormattableString.Invariant($"kept: {best.Name}, c = {best.Theta[0]:F4}, p = {best.Theta[1]:F4}, q = {best.Theta[2]:F4}"));
double Error(Row r) => Math.Abs(Predict(r, best.Cm, best.Theta) - r.Dot);
report.AppendLine($"R_dot error, held out: median {Median(held.Select(Error)):F4}, 95th percentile {Percentile(held.Select(Error), 0.95):F4}, max {held.Max(Error):F4}; fitting: max {fitting.Max(Error):F4}");
report.AppendLine($"Monte Carlo standard error of R_dot: median {Median(cases.Select(r => r.Se)):F4}, max {cases.Max(r => r.Se):F4}");
report.AppendLine($"f from the Monte Carlo (R_dot - R_plane)/(R_skin - R_plane), 0.5 mm: median {Median(cases.Where(r => r.DotMm == 0.5 && r.Skin - r.Plane > 0.02).Select(r => (r.Dot - r.Plane) / (r.Skin - r.Plane))):F3}");

// Colour: per (skin, ink, water, dot) case, the Monte Carlo dot and the corrected dot over 31 wavelengths.
var converged = new HealedToneModel(new HealedToneOptions { QuadraturePoints = 16 });
(string Name, InkOptics Ink)[] inks = [("carbon", HealingFixture.CarbonBlack), ("iron-oxide", HealingFixture.IronOxideBrown), ("mixed", HealingFixture.DarkBrown)];
var colour = new List<(bool Held, double DeltaE, double PlaneDeltaE, Row First, double DotL, double PlaneL)>();
foreach (var g in cases.GroupBy(r => (r.Subject, r.Ink, r.Water, r.DotMm)))
{
    var rows = g.OrderBy(r => r.Nm).ToList();
    var skin = converged.Skin(rows[0].Melanin, rows[0].Blood);
    var ink = inks.Single(i => i.Name == g.Key.Ink).Ink;
    double load = converged.Load(g.Key.Water, 0);
    var plane = new double[Chromophores.Count];
    var mc = new double[Chromophores.Count];
    var fitted = new double[Chromophores.Count];
    for (int i = 0; i < Chromophores.Count; i++)
    {
        double nm = Chromophores.WavelengthAt(i);
        var (a, s) = SkinStackOptics.Ink(skin, ink, load, i);
        plane[i] = SkinStackOptics.Planar(converged, skin, a, s, i);
        double bare = skin.Reflectance[i];
        int k = Math.Min(rows.FindLastIndex(r => r.Nm <= nm), rows.Count - 2);
        double t = (nm - rows[k].Nm) / (rows[k + 1].Nm - rows[k].Nm);
        double f = F(rows[k]) + (t * (F(rows[k + 1]) - F(rows[k])));
        mc[i] = plane[i] + (f * (bare - plane[i]));
        var (mua, musr) = SkinStackOptics.Dermis(skin, i);
        fitted[i] = plane[i] + (Weight(g.Key.DotMm / 10, best.Cm(mua, musr), best.Theta, plane[i] / bare) * (bare - plane[i]));
    }

    var (labMc, labFit, labPlane) = (HealedToneModel.Colour.ToLab(mc), HealedToneModel.Colour.ToLab(fitted), HealedToneModel.Colour.ToLab(plane));
    colour.Add((HeldOut(rows[0]), DeltaE.Ciede2000(labMc, labFit), DeltaE.Ciede2000(labMc, labPlane), rows[0], labMc.L, labPlane.L));
}

foreach (var (label, set) in new[] { ("fitting", colour.Where(c => !c.Held).ToList()), ("held out", colour.Where(c => c.Held).ToList()) })
{
    report.AppendLine($"{label} ({set.Count} dots): correction vs Monte Carlo dE00 median {Median(set.Select(c => c.DeltaE)):F2}, 95th percentile {Percentile(set.Select(c => c.DeltaE), 0.95):F2}, max {set.Max(c => c.DeltaE):F2}; the plane vs Monte Carlo dot median {Median(set.Select(c => c.PlaneDeltaE)):F2}, max {set.Max(c => c.PlaneDeltaE):F2}");
}

report.AppendLine("per dot (subject, skin L*, ink, water, mm: Monte Carlo dot L*, plane L*, dE00 correction, dE00 plane; * held out):");
foreach (var c in colour.OrderBy(c => c.First.Subject).ThenBy(c => c.First.Ink).ThenBy(c => c.First.Water).ThenBy(c => c.First.DotMm))
{
    report.AppendLine(FormattableString.Invariant($"  {(c.Held ? "*" : " ")} {c.First.Subject} {c.First.SkinL:F1} {c.First.Ink} {c.First.Water} {c.First.DotMm}: {c.DotL:F1} {c.PlaneL:F1} {c.DeltaE:F2} {c.PlaneDeltaE:F2}"));
}

// What the correction does in the service (2-node model, skins fitted from colour as for a client): neat carbon black
// on the light measured skins (the L* 60–72 window of docs/science.md §6) and the L* 30 brown on subject 44.
var service = HealingFixture.Model;
var nist = File.ReadLines(Path.Combine(dir, "nist_skin_reflectance_even_subjects.csv")).Where(l => !l.StartsWith('#')).ToList();
string[] nistNames = nist[0].Split(',')[1..];
var nistRows = nist.Skip(1).Select(l => l.Split(',').Select(D).ToArray()).ToList();
double[] Spectrum(int subject) => [.. Enumerable.Range(0, Chromophores.Count).Select(i =>
{
    double nm = Chromophores.WavelengthAt(i);
    int j = nistRows.FindLastIndex(r => r[0] <= nm);
    if (nistRows[j][0] == nm)
    {
        return nistRows[j][subject + 1];
    }

    double t = (nm - nistRows[j][0]) / (nistRows[j + 1][0] - nistRows[j][0]);
    return nistRows[j][subject + 1] + (t * (nistRows[j + 1][subject + 1] - nistRows[j][subject + 1]));
})];
Lab DotOf(SkinLayers skin, InkOptics ink, double load, double mm)
{
    var r = new double[Chromophores.Count];
    skin.Healed(ink, load, r);
    for (int i = 0; i < r.Length; i++)
    {
        var (mua, musr) = SkinStackOptics.Dermis(skin, i);
        r[i] += Weight(mm / 10, best.Cm(mua, musr), best.Theta, r[i] / skin.Reflectance[i]) * (skin.Reflectance[i] - r[i]);
    }

    return HealedToneModel.Colour.ToLab(r);
}

var carbon = new List<(double Plane, double Dot)>();
for (int s = 0; s < nistNames.Length; s++)
{
    var skin = service.FitSkin(HealedToneModel.Colour.ToLab(Spectrum(s))).Skin;
    double load = service.Load(0, 0);
    if (skin.Lab.L is >= 60 and <= 72)
    {
        carbon.Add((skin.HealedLab(HealingFixture.CarbonBlack, load).L, DotOf(skin, HealingFixture.CarbonBlack, load, 0.5).L));
    }

    if (nistNames[s] == "subject44")
    {
        report.AppendLine(FormattableString.Invariant($"subject44 (skin L* {skin.Lab.L:F1}), neat L* {HealingFixture.DarkBrown.Lab.L:F1} brown: plane L* {skin.HealedLab(HealingFixture.DarkBrown, load).L:F2}; dot 0.3 mm {DotOf(skin, HealingFixture.DarkBrown, load, 0.3).L:F2}, 0.5 mm {DotOf(skin, HealingFixture.DarkBrown, load, 0.5).L:F2}, 1 mm {DotOf(skin, HealingFixture.DarkBrown, load, 1).L:F2}"));
    }
}

report.AppendLine(FormattableString.Invariant($"neat carbon black on the {carbon.Count} measured skins of L* 60-72: plane L* {carbon.Min(c => c.Plane):F1}-{carbon.Max(c => c.Plane):F1}, 0.5 mm dot L* {carbon.Min(c => c.Dot):F1}-{carbon.Max(c => c.Dot):F1}"));
Console.Write(report);
File.WriteAllText(Path.Combine(dir, "dot-correction.txt"), report.ToString());

static double F(Row r) => Math.Abs(r.Skin - r.Plane) > 1e-4 ? Math.Clamp((r.Dot - r.Plane) / (r.Skin - r.Plane), 0, 1) : 0;

static double Weight(double dCm, double lengthCm, double[] theta, double rho) =>
    1 / (1 + Math.Pow(dCm / (theta[0] * lengthCm * (1 + (theta[2] * rho))), theta[1]));

static double Predict(Row r, Func<double, double, double> cm, double[] theta) =>
    r.Plane + (Weight(r.DotMm / 10, cm(r.DermisMua, r.DermisMusr), theta, r.Plane / r.Skin) * (r.Skin - r.Plane));

static double Rmse(List<Row> rows, Func<double, double, double> cm, double[] theta) => Math.Sqrt(rows.Average(r => Math.Pow(Predict(r, cm, theta) - r.Dot, 2)));

// Least squares on R_dot by coordinate search (each parameter stepped both ways, steps halved when nothing improves).
static double[] Fit(List<Row> rows, Func<double, double, double> cm, bool withQ)
{
    double[] theta = [1, 1, withQ ? 1 : 0];
    double[] step = [0.3, 0.3, withQ ? 0.3 : 0];
    double error = Rmse(rows, cm, theta);
    for (int round = 0; round < 80; round++)
    {
        bool improved = false;
        for (int k = 0; k < 3; k++)
        {
            foreach (int sign in new[] { 1, -1 })
            {
                var trial = (double[])theta.Clone();
                trial[k] += sign * step[k];
                if (trial[0] <= 0 || trial[1] <= 0 || trial[2] < 0 || step[k] == 0)
                {
                    continue;
                }

                double e = Rmse(rows, cm, trial);
                if (e < error)
                {
                    (theta, error, improved) = (trial, e, true);
                }
            }
        }

        if (!improved)
        {
            step = [.. step.Select(x => x / 2)];
        }
    }

    return theta;
}

static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

static double Percentile(IEnumerable<double> values, double q)
{
    var sorted = values.OrderBy(v => v).ToArray();
    double x = q * (sorted.Length - 1);
    int i = (int)Math.Floor(x);
    return i + 1 < sorted.Length ? sorted[i] + ((x - i) * (sorted[i + 1] - sorted[i])) : sorted[i];
}

static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

internal sealed record Row(string Subject, double SkinL, double Melanin, double Blood, string Ink, double Water, double Nm, double DotMm,
    double DermisMua, double DermisMusr, double Skin, double Plane, double Dot, double Se);
