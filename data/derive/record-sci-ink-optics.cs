#:project ../../src/SmpShade.Colour/SmpShade.Colour.csproj
// Records catalogue inks' optics as the healed-tone model computed them at commit 1c6028a, the last commit before
// catalogues could say their colours were measured without the specular component (1e0b5f6). Every catalogue before
// that was taken as specular-included (SCI), and SpecularComponentTests.SCI_data_is_unchanged checks that SCI inks still
// get these values. Not run against the current code (that would compare the code with itself): run it in a checkout of
// 1c6028a, from that checkout's root:
//   mkdir /tmp/sci-1c6028a && git archive 1c6028a | tar -x -C /tmp/sci-1c6028a && cp data/derive/record-sci-ink-optics.cs /tmp/sci-1c6028a/data/derive/
//   cd /tmp/sci-1c6028a && dotnet run -c Release data/derive/record-sci-ink-optics.cs > sci_ink_optics_1c6028a.csv
// and copy the output to tests/SmpShade.Colour.Tests/Data/. Cases: three Lab-only inks with the organic base's
// scattering (the inks the test used before) and a carbon ink given as a 31-value reflectance with its own scattering.
using System.Globalization;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

var inv = CultureInfo.InvariantCulture;
double[] spectrum = [.. Enumerable.Range(0, Chromophores.Count).Select(i => 0.035 + (0.0015 * i))];
(string Name, InkOptics Ink)[] cases =
[
    ("lab 22 0.3 -0.5 organic", InkOptics.For(new Lab(22, 0.3, -0.5), null, "organic")),
    ("lab 35 12 22 organic", InkOptics.For(new Lab(35, 12, 22), null, "organic")),
    ("lab 60 5 12 organic", InkOptics.For(new Lab(60, 5, 12), null, "organic")),
    ("spectrum 0.035+0.0015i carbon s550 30000", InkOptics.For(default, spectrum, "carbon", 30_000)),
];
Console.WriteLine("# Ink optics computed at commit 1c6028a (before SCI/SCE, 1e0b5f6) by data/derive/record-sci-ink-optics.cs:");
Console.WriteLine("# InkOptics.For(lab or reflectance, base, scattering at 550 nm); doubles in round-trip format.");
Console.WriteLine("case,nm,reflectance,k_over_s,absorption");
foreach (var (name, ink) in cases)
{
    for (int i = 0; i < Chromophores.Count; i++)
    {
        Console.WriteLine(string.Join(",", name, Chromophores.WavelengthAt(i).ToString(inv), ink.Reflectance[i].ToString("R", inv),
            ink.KOverS[i].ToString("R", inv), ink.Absorption[i].ToString("R", inv)));
    }
}
