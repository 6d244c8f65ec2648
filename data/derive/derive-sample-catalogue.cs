#:project ../../src/SmpShade.Colour/SmpShade.Colour.csproj
// Derives data/sample-catalogue.csv from recipes.csv and the Kubelka–Munk K/S spectra in pigment_ks_spectra.csv.
// Run from the repository root:  dotnet run data/derive/derive-sample-catalogue.cs
// Method (see data/README.md): mix K and S linearly by the recipe's weights, opaque masstone R∞ = 1 + K/S − √((K/S)² + 2K/S),
// Saunderson correction with K1 = 0.03, K2 = 0.65 (the values Unicolour uses with these spectra), then CIELAB under the
// CIE D50 SPD with the 1931 2° observer, relative to that illuminant's white. The values are written as D50 measurements,
// so loading the sample exercises the service's Bradford D50 → D65 import path.
using System.Globalization;
using System.Text;
using SmpShade.Colour.Spectra;

const double K1 = 0.03, K2 = 0.65;
var inv = CultureInfo.InvariantCulture;
string dir = Path.Combine("data", "derive");

var ks = new Dictionary<string, (double[] K, double[] S)>();
foreach (var line in File.ReadLines(Path.Combine(dir, "pigment_ks_spectra.csv")).Where(l => !l.StartsWith('#') && !l.StartsWith("name,", StringComparison.Ordinal)))
{
    var cells = line.Split(',');
    // Columns 380..750 nm every 10 nm; keep 400..700 (indices 2..32 of the spectrum).
    double[] values = cells.Skip(3).Select(v => double.Parse(v, inv)).Skip(2).Take(31).ToArray();
    var entry = ks.GetValueOrDefault(cells[0], (new double[31], new double[31]));
    ks[cells[0]] = cells[2] == "K" ? (values, entry.Item2) : (entry.Item1, values);
}

var colour = new SpectralColour(Cie.D50, 400, 10, 31);
var csv = new StringBuilder();
csv.AppendLine("# ILLUSTRATIVE SAMPLE CATALOGUE: NOT measurements of any commercial product. Derived by data/derive/derive-sample-catalogue.cs");
csv.AppendLine("# from Kubelka-Munk spectra of artist pigments (PBk9 bone black, PW6, PO73, PY83, PB29, PB15, PV23...); see data/README.md.");
csv.AppendLine("# Lab: CIELAB, CIE D50, 2 deg observer (as a spectrophotometer would report); the service adapts it to D65 (Bradford) on import.");
csv.Append("sku,name,line,base,l,a,b,illuminant,observer,water_parts");
csv.AppendLine(string.Concat(Enumerable.Range(0, 31).Select(i => $",r{400 + (10 * i)}")));
foreach (var line in File.ReadLines(Path.Combine(dir, "recipes.csv")).Where(l => !l.StartsWith('#') && !l.StartsWith("sku,", StringComparison.Ordinal)))
{
    var c = line.Split(',');
    var (sku, name, productLine, pigmentBase, ladder, withReflectance, recipe) = (c[0], c[1], c[2], c[3], c[4], c[5] == "yes", c[6]);
    var k = new double[31];
    var s = new double[31];
    foreach (var part in recipe.Split(';'))
    {
        var (pigment, weight) = (part.Split(':')[0], double.Parse(part.Split(':')[1], inv));
        for (int i = 0; i < 31; i++)
        {
            k[i] += weight * ks[pigment].K[i];
            s[i] += weight * ks[pigment].S[i];
        }
    }

    var r = new double[31];
    for (int i = 0; i < 31; i++)
    {
        double a = k[i] / s[i];
        double rInf = 1 + a - Math.Sqrt((a * a) + (2 * a));
        r[i] = K1 + ((1 - K1) * (1 - K2) * rInf / (1 - (K2 * rInf)));
    }

    var lab = colour.ToLab(r);
    csv.Append(inv, $"{sku},{name},{productLine},{pigmentBase},{lab.L:F2},{lab.A:F2},{lab.B:F2},D50,2,{ladder}");
    csv.AppendLine(string.Concat(r.Select(v => "," + (withReflectance ? v.ToString("F4", inv) : ""))));
}

File.WriteAllText(Path.Combine("data", "sample-catalogue.csv"), csv.ToString());
Console.WriteLine(csv.ToString());
