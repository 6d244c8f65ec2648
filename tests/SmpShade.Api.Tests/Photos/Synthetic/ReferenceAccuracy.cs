using System.Globalization;
using System.Text;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Tests.Photos.Synthetic;

/// <summary>One measured colour against its truth.</summary>
public sealed record AccuracyRow(string Reference, string Illuminant, string Scene, double SkinDeltaE00, double HairDeltaE00,
    ReferenceResult Result);

/// <summary>
/// Renders every scene under every illuminant and measures skin and hair with each reference type, using
/// <see cref="ChartGeometry"/> and the test's own region means (<see cref="PhotoSampler"/>).
/// </summary>
public static class ReferenceAccuracy
{
    public static IReadOnlyList<(string Name, Spectrum Spd)> Illuminants { get; } =
        [("D65", Cie.D65), ("A", Cie.A), ("F11", CieF11.Spd)];

    public static IReadOnlyList<(string Name, double[] Skin, double[] Hair)> Scenes { get; } =
    [
        ("light skin, dark brown hair", SyntheticSpectra.LightSkin, SyntheticSpectra.DarkBrownHair),
        ("light skin, grey hair", SyntheticSpectra.LightSkin, SyntheticSpectra.GreyHair),
        ("medium skin, dark brown hair", SyntheticSpectra.MediumSkin, SyntheticSpectra.DarkBrownHair),
        ("dark skin, black hair", SyntheticSpectra.DarkSkin, SyntheticSpectra.BlackHair),
    ];

    public static IReadOnlyList<string> ReferenceTypes { get; } = ["colorChecker24", "greyCard", "none"];

    public static IReadOnlyList<AccuracyRow> Measure(IReadOnlyList<double[]>? sensitivities = null)
    {
        var rows = new List<AccuracyRow>();
        int seed = 1;
        foreach (var (illuminantName, spd) in Illuminants)
        {
            foreach (var (sceneName, skin, hair) in Scenes)
            {
                SyntheticPhoto photo = SyntheticScene.Render($"{sceneName} under {illuminantName}", spd, skin, hair, seed++, sensitivities);
                var sampler = new PhotoSampler(photo.Jpeg);
                LinearRgb skinMean = sampler.Mean(photo.Skin);
                LinearRgb hairMean = sampler.Mean(photo.Hair, photo.IsHairStrandCentre);
                foreach (string type in ReferenceTypes)
                {
                    ReferenceResult result = Correct(type, photo, sampler);
                    rows.Add(new AccuracyRow(type, illuminantName, sceneName,
                        DeltaE.Ciede2000(photo.SkinTruth, result.ForSkin.ToXyz(skinMean).ToLab(WhitePoint.D65)),
                        DeltaE.Ciede2000(photo.HairTruth, result.Correction.ToXyz(hairMean).ToLab(WhitePoint.D65)),
                        result));
                }
            }
        }

        return rows;
    }

    /// <summary>Markdown table: reference type × illuminant → mean and max ΔE00 for skin and hair over the scenes.</summary>
    public static string Table(IReadOnlyList<AccuracyRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine("| reference | illuminant | skin mean ΔE00 | skin max | hair mean ΔE00 | hair max | chart LOO mean / max |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var group in rows.GroupBy(r => (r.Reference, r.Illuminant)))
        {
            string loo = group.First().Result.LooMeanDeltaE00 is null
                ? "–"
                : string.Join("; ", group.Select(r => string.Create(CultureInfo.InvariantCulture,
                    $"{r.Result.LooMeanDeltaE00:0.00} / {r.Result.LooMaxDeltaE00:0.00} ({r.Result.Model})")));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Reference} | {group.Key.Illuminant} | {group.Average(r => r.SkinDeltaE00):0.00} | {group.Max(r => r.SkinDeltaE00):0.00} | {group.Average(r => r.HairDeltaE00):0.00} | {group.Max(r => r.HairDeltaE00):0.00} | {loo} |"));
        }

        return text.ToString();
    }

    private static ReferenceResult Correct(string type, SyntheticPhoto photo, PhotoSampler sampler) => type switch
    {
        "colorChecker24" => ReferenceCorrector.ColorChecker(RgbColourSpace.Srgb,
            [.. ChartGeometry.PatchSamplingQuads(photo.ChartCorners).Select(sampler.Mean)]),
        "greyCard" => ReferenceCorrector.GreyCard(RgbColourSpace.Srgb,
            sampler.Mean(photo.Card with { X = photo.Card.X + 10, Y = photo.Card.Y + 10, Width = photo.Card.Width - 20, Height = photo.Card.Height - 20 }),
            ReferenceCorrector.NeutralCardLab()),
        _ => ReferenceCorrector.None(RgbColourSpace.Srgb),
    };
}
