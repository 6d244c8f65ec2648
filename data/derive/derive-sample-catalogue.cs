#:project ../../src/SmpShade.Colour/SmpShade.Colour.csproj
// Derives measured pigments' Kubelka–Munk absorption K(λ) and scattering S(λ), and from them data/sample-catalogue.csv.
// Run from the repository root:  dotnet run data/derive/derive-sample-catalogue.cs
// Writes data/derive/pigment-optics.txt (the derivation's figures) and data/sample-catalogue.csv. Method (data/README.md,
// docs/science.md §4):
//  1. Golden Heavy Body K and S (pigment_ks_spectra.csv): two-constant K/S in units where titanium white has S = 1, so
//     every S is relative to rutile white. The per-base scattering defaults of SmpShade.Colour.Healing.InkChemistry are
//     recomputed here from it (bone black; the high-index inorganic pigments; the organic pigments) and checked.
//  2. FORS masstone reflectance (pigment_reflectance_fors_earths_blacks.csv, Cosentino 2014; probe geometry not stated,
//     surface reflection included): a masstone is taken as infinitely thick; Saunderson's correction with the service's
//     K1 = 0.03, K2 = 0.65, except that the surface reflection the probe collected, c, is calibrated so that FORS bone black
//     (PBk9) has the K/S of Golden bone black (PBk9) at 550 nm: R_obs = c + (1 − K1)(1 − K2)R∞/(1 − K2R∞).
//  3. S(λ) of each FORS pigment from its base (carbon: bone black's measured relative S and shape; iron oxides: the
//     inorganic analogy; titanium white: 1) times rutile white's absolute S (an assumption, InkChemistry.WhiteScatteringPerCm);
//     K(λ) = (K/S)(λ)·S(λ).
//  4. Each recipe (recipes.csv) mixes K and S by volume weight; its drawdown as a d/8 SCI instrument reports it is the
//     body R∞ through the surface (InkOptics.ObservedReflectance); CIELAB under the CIE D50 SPD, 1931 2° observer, written
//     as a D50 measurement (the import adapts it to D65 with Bradford) with its 31 reflectances and its S at 550 nm.
using System.Globalization;
using System.Text;
using SmpShade.Colour.Healing;
using SmpShade.Colour.Spectra;

var inv = CultureInfo.InvariantCulture;
string dir = Path.Combine("data", "derive");
const int N = 31, At550 = InkChemistry.ReferenceIndex;
double white = InkChemistry.WhiteScatteringPerCm;
var report = new StringBuilder();
void Say(string line) { report.AppendLine(line); Console.WriteLine(line); }
static bool Data(string l) => !l.StartsWith('#') && !l.StartsWith("name,", StringComparison.Ordinal);
static double Rinf(double ks) => 1 + ks - Math.Sqrt((ks * ks) + (2 * ks));

// 1. Golden K and S, 400–700 nm (the file runs 380–750: skip two columns).
var golden = new Dictionary<string, (double[] K, double[] S, string Index)>();
foreach (var cells in File.ReadLines(Path.Combine(dir, "pigment_ks_spectra.csv")).Where(Data).Select(l => l.Split(',')))
{
    double[] v = [.. cells.Skip(3).Select(x => double.Parse(x, inv)).Skip(2).Take(N)];
    var e = golden.TryGetValue(cells[0], out var found) ? found : (K: new double[N], S: new double[N], Index: cells[1]);
    golden[cells[0]] = cells[2] == "K" ? (v, e.S, cells[1]) : (e.K, v, cells[1]);
}

Say("# Measured pigment optics (data/derive/derive-sample-catalogue.cs); S and K in cm^-1 per unit volume fraction.");
Say($"rutile white S (ASSUMPTION, InkChemistry.WhiteScatteringPerCm): {white:E2}");
double boneS = golden["BoneBlack"].S[At550];
string[] inorganic = ["BismuthVanadateYellow", "CadmiumRedLight", "CadmiumOrange"];
string[] organic = ["HansaYellowOpaque", "DiarylideYellow", "PyrroleOrange", "PyrroleRed", "QuinacridoneRed", "QuinacridoneMagenta",
    "DioxazinePurple", "PhthaloBlueRedShade", "PhthaloBlueGreenShade", "PhthaloGreenBlueShade", "PhthaloGreenYellowShade"];
double Median(IEnumerable<double> xs) { var s = xs.Order().ToArray(); return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2; }
double Transparent(string name) => Median(Enumerable.Range(0, N).Where(i => golden[name].K[i] / golden[name].S[i] < 0.1).Select(i => golden[name].S[i]));
double ironRelative = Median(inorganic.Select(Transparent));
double organicRelative = Median(organic.Select(n => golden[n].S[At550]));
Say($"carbon: bone black S/S_white at 550 nm = {boneS:F4} (InkChemistry {InkChemistry.CarbonRelativeScattering})");
Say($"iron oxide (analogy): median over {string.Join(", ", inorganic.Select(n => $"{golden[n].Index} {Transparent(n):F3}"))} where K/S < 0.1 = {ironRelative:F3} (InkChemistry {InkChemistry.IronOxideRelativeScattering})");
Say($"organic: median S/S_white at 550 nm over {organic.Length} organic pigments = {organicRelative:F3} (InkChemistry {InkChemistry.OrganicRelativeScattering})");
if (Math.Abs(boneS - InkChemistry.CarbonRelativeScattering) > 5e-5 || Math.Abs(ironRelative - InkChemistry.IronOxideRelativeScattering) > 5e-4
    || Math.Abs(organicRelative - InkChemistry.OrganicRelativeScattering) > 5e-4)
{
    throw new InvalidOperationException("InkChemistry's constants no longer match this derivation.");
}

// 2. FORS: calibrate the collected surface reflection c on bone black at 550 nm.
var fors = new Dictionary<string, (double[] R, string Index)>();
foreach (var cells in File.ReadLines(Path.Combine(dir, "pigment_reflectance_fors_earths_blacks.csv")).Where(Data).Select(l => l.Split(',')))
{
    fors[cells[0]] = ([.. cells.Skip(2).Select(x => double.Parse(x, inv))], cells[1]);
}

const double K1 = InkOptics.SurfaceK1, K2 = InkOptics.SurfaceK2;
double Body(double observedMinusSurface) => Math.Max(InkOptics.MinReflectance, observedMinusSurface / (((1 - K1) * (1 - K2)) + (K2 * observedMinusSurface)));
double goldenBoneKs = golden["BoneBlack"].K[At550] / golden["BoneBlack"].S[At550];
double bodyTerm = (1 - K1) * (1 - K2) * Rinf(goldenBoneKs) / (1 - (K2 * Rinf(goldenBoneKs)));
double c = fors["BoneBlack"].R[At550] - bodyTerm;
Say($"FORS collected surface reflection c = {c:F4} (FORS bone black R(550) {fors["BoneBlack"].R[At550]:F4}, Golden bone black K/S(550) {goldenBoneKs:F2})");
double[] ratio = [.. Enumerable.Range(0, N).Select(i => KubelkaMunk.KOverS(Body(fors["BoneBlack"].R[i] - c)) / (golden["BoneBlack"].K[i] / golden["BoneBlack"].S[i]))];
Say($"check, same pigment by two methods: FORS/Golden bone black K/S over 400–700 nm: {ratio.Min():F2}–{ratio.Max():F2} (median {Median(ratio):F2})");

// 3. K and S of every measured pigment.
var pigments = new Dictionary<string, (double[] K, double[] S)>();
Say("");
Say("pigment           CI     base        K/S 450   550    650   S(550)    K(550)   masstone L* a* b* (D65, observed SCI)");
foreach (var (name, (r, index)) in fors)
{
    string pigmentBase = name.Contains("Black", StringComparison.Ordinal) ? "carbon" : name == "TitaniumWhite" ? "white" : "iron-oxide";
    double[] s = pigmentBase == "white" ? [.. Enumerable.Repeat(white, N)] : InkChemistry.ScatteringSpectrum(pigmentBase);
    double[] ks = [.. r.Select(v => KubelkaMunk.KOverS(Body(v - c)))];
    double[] k = [.. ks.Select((v, i) => v * s[i])];
    pigments["fors:" + name] = (k, s);
    var lab = SpectralColour.D65Visible10.ToLab([.. ks.Select(v => InkOptics.ObservedReflectance(Rinf(v)))]);
    Say(string.Create(inv, $"{name,-17} {index,-6} {pigmentBase,-10} {ks[5],7:F2} {ks[15],6:F2} {ks[25],6:F2} {s[15],8:F0} {k[15],9:F0}   {lab.L:F1} {lab.A:F1} {lab.B:F1}"));
}

foreach (var (name, (k, s, _)) in golden)
{
    pigments["golden:" + name] = ([.. k.Select(v => v * white)], [.. s.Select(v => v * white)]);
}

// 4. The catalogue.
var colour = new SpectralColour(Cie.D50, 400, 10, N);
var csv = new StringBuilder();
csv.AppendLine("# ILLUSTRATIVE SAMPLE CATALOGUE: NOT measurements of any commercial product. Derived by data/derive/derive-sample-catalogue.cs from");
csv.AppendLine("# MEASURED pigments: FORS masstone reflectance of carbon blacks and iron-oxide earths (Cosentino 2014) and Golden Heavy Body K/S spectra; see data/README.md.");
csv.AppendLine("# Lab: CIELAB, CIE D50, 2 deg observer, specular included (as a d/8 SCI spectrophotometer reports); the service adapts it to D65 (Bradford) on import.");
csv.AppendLine("# scattering: Kubelka-Munk S at 550 nm, cm^-1 per unit volume fraction (docs/science.md section 4).");
csv.Append("sku,name,line,base,l,a,b,illuminant,observer,water_parts,scattering");
csv.AppendLine(string.Concat(Enumerable.Range(0, N).Select(i => $",r{400 + (10 * i)}")));
Say("");
Say("catalogue row     base        L* a* b* (D50)          S(550)");
foreach (var cells in File.ReadLines(Path.Combine(dir, "recipes.csv")).Where(l => !l.StartsWith('#') && !l.StartsWith("sku,", StringComparison.Ordinal)).Select(l => l.Split(',')))
{
    var (sku, name, productLine, pigmentBase, ladder, recipe) = (cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
    var parts = recipe.Split(';').Select(p => (Pigment: p[..p.LastIndexOf(':')], Weight: double.Parse(p[(p.LastIndexOf(':') + 1)..], inv))).ToList();
    double total = parts.Sum(p => p.Weight);
    var k = new double[N];
    var s = new double[N];
    foreach (var (pigment, weight) in parts)
    {
        for (int i = 0; i < N; i++)
        {
            k[i] += weight / total * pigments[pigment].K[i];
            s[i] += weight / total * pigments[pigment].S[i];
        }
    }

    double[] r = [.. Enumerable.Range(0, N).Select(i => InkOptics.ObservedReflectance(Rinf(k[i] / s[i])))];
    var lab = colour.ToLab(r);
    csv.Append(inv, $"{sku},{name},{productLine},{pigmentBase},{lab.L:F2},{lab.A:F2},{lab.B:F2},D50,2,{ladder},{s[At550]:F0}");
    csv.AppendLine(string.Concat(r.Select(v => "," + v.ToString("F4", inv))));
    Say(string.Create(inv, $"{sku,-17} {pigmentBase,-10} {lab.L,6:F2} {lab.A,6:F2} {lab.B,6:F2}   {s[At550],10:F0}"));
}

File.WriteAllText(Path.Combine("data", "sample-catalogue.csv"), csv.ToString());
File.WriteAllText(Path.Combine(dir, "pigment-optics.txt"), report.ToString());
