#:project ../../tests/SmpShade.Api.Tests/SmpShade.Api.Tests.csproj
// Calibrates the guessed regions' confidence (src/SmpShade.Api/Photos/RegionConfidence.cs, docs/auto-regions.md "What
// confidence means"). Run from the repository root:  /work/heavy.sh dotnet run -c Release data/derive/region-confidence.cs
// (a few minutes). Writes data/derive/region-confidence-set.csv (every judged guess) and region-confidence.txt (the fit
// and its figures).
// The set: tests/SmpShade.Api.Tests/Photos/Confidence/RegionConfidenceSet.cs, the tests' real photos and transformations
// of them whose truth carries over exactly (crops, quarter turns, mirroring, strong downscaling, colour casts, solid blocks,
// the fallback without models), each analysed as a request with no regions and judged right or wrong by the rule written
// there. Held out (declared there before fitting): whole source photos, never used to fit.
// The fit: per method (people, colours), Platt scaling p = 1/(1 + exp(-(a + b logit(raw)))) with the raw score clamped
// to [0.005, 0.995], by Newton's method on the log-likelihood with Platt's targets (Platt 1999, "Probabilistic outputs
// for support vector machines": t+ = (N+ + 1)/(N+ + 2), t- = 1/(N- + 2), so a small set cannot make it certain).
// Reported on the held-out part against the raw score read as a probability: reliability in five bins, Brier score, ECE.
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmpShade.Api.Photos;
using SmpShade.Api.Photos.People;
using SmpShade.Api.Tests.Photos;
using SmpShade.Api.Tests.Photos.Confidence;

var inv = CultureInfo.InvariantCulture;
string dir = Path.Combine("data", "derive");
using var withModels = PhotoFiles.Analyzer();
using var withoutModels = new PhotoAnalyzer(Options.Create(new PhotoOptions()));
if (!PhotoFiles.People.Available)
{
    throw new InvalidOperationException("The models are not beside the script's build: " + PhotoFiles.People.Unavailable);
}

var judged = new List<JudgedGuess>();
var refused = new List<LabelledPhoto>();
var otherPerson = new List<LabelledPhoto>();
var csv = new StringBuilder("source,transform,held_out,models_off,method,score,hair_in_head,hair_in_face,hair_right,skin_right,right\n");
foreach (var photo in RegionConfidenceSet.Photos())
{
    var guess = RegionConfidenceSet.Judge(photo, withModels, withoutModels);
    if (guess is null)
    {
        refused.Add(photo);
        csv.Append(inv, $"{photo.Source},{photo.Transform},{photo.HeldOut},{photo.ModelsOff},refused,,,,,,\n");
        continue;
    }

    if (guess.Judged)
    {
        judged.Add(guess);
    }
    else
    {
        otherPerson.Add(photo);
    }

    csv.Append(inv, $"{photo.Source},{photo.Transform},{photo.HeldOut},{photo.ModelsOff},{guess.Method},{guess.Score:F4},{guess.HairInHead:F3},{guess.HairInFace:F3},{guess.HairRight},{guess.SkinRight},{(guess.Judged ? guess.Right.ToString() : "other person")}\n");
    Console.WriteLine($"{photo.Source} | {photo.Transform}: {guess.Method} {guess.Score:F3} hair {guess.HairRight} ({guess.HairInHead:F2} in head, {guess.HairInFace:F2} in face) skin {guess.SkinRight}");
}

File.WriteAllText(Path.Combine(dir, "region-confidence-set.csv"), csv.ToString());

const double Clamp = 0.005;
static double Logit(double raw)
{
    double r = Math.Clamp(raw, Clamp, 1 - Clamp);
    return Math.Log(r / (1 - r));
}

static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

// Newton's method on the cross-entropy with Platt's smoothed targets.
static (double A, double B) Platt(IReadOnlyList<JudgedGuess> cases)
{
    int positives = cases.Count(c => c.Right), negatives = cases.Count - positives;
    double hi = (positives + 1.0) / (positives + 2.0), lo = 1.0 / (negatives + 2.0);
    double a = 0, b = 1;
    for (int iteration = 0; iteration < 100; iteration++)
    {
        double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
        foreach (var c in cases)
        {
            double x = Logit(c.Score), p = Sigmoid(a + (b * x)), t = c.Right ? hi : lo, w = p * (1 - p);
            (ga, gb) = (ga + (p - t), gb + ((p - t) * x));
            (haa, hab, hbb) = (haa + w, hab + (w * x), hbb + (w * x * x));
        }

        double det = (haa * hbb) - (hab * hab);
        double da = ((hbb * ga) - (hab * gb)) / det, db = ((haa * gb) - (hab * ga)) / det;
        // Backtracking: halve the Newton step until the loss does not rise (a full step can overshoot when the score
        // hardly separates the classes; Lin, Lin and Weng 2007, "A note on Platt's probabilistic outputs", do the same).
        double step = 1, before = Loss(cases, a, b, hi, lo);
        while (step > 1e-6 && Loss(cases, a - (step * da), b - (step * db), hi, lo) > before)
        {
            step /= 2;
        }

        (a, b) = (a - (step * da), b - (step * db));
        if (step * (Math.Abs(da) + Math.Abs(db)) < 1e-10)
        {
            break;
        }
    }

    return (a, b);
}

// Cross-entropy against Platt's targets.
static double Loss(IReadOnlyList<JudgedGuess> cases, double a, double b, double hi, double lo) => cases.Sum(c =>
{
    double p = Math.Clamp(Sigmoid(a + (b * Logit(c.Score))), 1e-15, 1 - 1e-15), t = c.Right ? hi : lo;
    return -((t * Math.Log(p)) + ((1 - t) * Math.Log(1 - p)));
});

var fits = new Dictionary<string, (double A, double B)>();
var text = new StringBuilder("# Written by data/derive/region-confidence.cs from the set it judged (region-confidence-set.csv).\n");
text.Append(inv, $"photos: {judged.Count + refused.Count + otherPerson.Count}, of which {refused.Count} refused (a 422: no guess, no confidence) and {otherPerson.Count} measured a person other than the boxed one in a photo of several (not judged): ");
text.Append(string.Join("; ", otherPerson.Select(p => $"{p.Source} | {p.Transform}")) + "\n");
text.Append("held-out sources: " + string.Join("; ", RegionConfidenceSet.HeldOutSources) + "\n");
foreach (string method in new[] { "people", "colours" })
{
    var fitting = judged.Where(j => j.Method == method && !j.Case.HeldOut).ToList();
    var fit = Platt(fitting);
    fits[method] = fit;
    text.Append(inv, $"{method}: fitting {fitting.Count} guesses ({fitting.Count(c => c.Right)} right); Platt a {fit.A:F4} b {fit.B:F4}\n");
}

double Calibrated(JudgedGuess g) => Sigmoid(fits[g.Method].A + (fits[g.Method].B * Logit(g.Score)));

void Figures(string name, IReadOnlyList<JudgedGuess> cases)
{
    if (cases.Count == 0)
    {
        text.Append(inv, $"{name}: no guesses\n");
        return;
    }

    var raw = cases.Select(c => (c.Score, c.Right)).ToList();
    var calibrated = cases.Select(c => (Calibrated(c), c.Right)).ToList();
    text.Append(inv, $"{name}: {cases.Count} guesses, {cases.Count(c => c.Right)} right ({cases.Count(c => c.Right) / (double)cases.Count:P0})\n");
    text.Append(inv, $"  Brier raw {CalibrationFigures.Brier(raw):F4}, calibrated {CalibrationFigures.Brier(calibrated):F4}; ");
    text.Append(inv, $"ECE raw {CalibrationFigures.ExpectedCalibrationError(raw):F4}, calibrated {CalibrationFigures.ExpectedCalibrationError(calibrated):F4}\n");
    foreach (var (label, set) in new[] { ("raw", raw), ("calibrated", calibrated) })
    {
        text.Append(inv, $"  reliability {label} (bin: n, mean predicted, observed):");
        foreach (var bin in CalibrationFigures.Reliability(set))
        {
            text.Append(bin.Count == 0 ? FormattableString.Invariant($" [{bin.From:F1},{bin.To:F1}) 0;")
                : FormattableString.Invariant($" [{bin.From:F1},{bin.To:F1}) {bin.Count}, {bin.MeanPredicted:F2}, {bin.Observed:F2};"));
        }

        text.Append('\n');
    }
}

Figures("fitting, all", judged.Where(j => !j.Case.HeldOut).ToList());
Figures("held out, all", judged.Where(j => j.Case.HeldOut).ToList());
foreach (string method in new[] { "people", "colours" })
{
    Figures($"held out, {method}", judged.Where(j => j.Case.HeldOut && j.Method == method).ToList());
}

text.Append("per guess (source | transform: method, raw, calibrated, hair right, skin right; * held out):\n");
foreach (var g in judged)
{
    text.Append(inv, $"  {(g.Case.HeldOut ? "*" : " ")} {g.Case.Source} | {g.Case.Transform}: {g.Method}, {g.Score:F3}, {Calibrated(g):F3}, {g.HairRight}, {g.SkinRight}\n");
}

File.WriteAllText(Path.Combine(dir, "region-confidence.txt"), text.ToString());
Console.WriteLine(text.ToString());
