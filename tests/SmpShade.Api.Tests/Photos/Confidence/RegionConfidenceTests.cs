using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SmpShade.Api.Photos;
using Xunit.Abstractions;

namespace SmpShade.Api.Tests.Photos.Confidence;

/// <summary>
/// The guessed regions' confidence on the held-out source photos of the calibration set (<see cref="RegionConfidenceSet"/>,
/// never used to fit it), recomputed from the service's answers. The Brier score is held to the figure
/// data/derive/region-confidence.txt reported for them (0.0604 on 44 guesses, unrounded), with room only for the answer's
/// rounding to two decimals. Calibration is checked where it matters to a practitioner, for overconfidence
/// (<see cref="Overconfidence"/>: no bin of five or more guesses, and not the guesses the page does not warn about, right
/// less often than their confidence claims beyond what chance allows at a family-wise one-sided 5 %). The expected
/// calibration error is printed, not bounded: on these photos it is 0.12 because the model is underconfident (all 19
/// guesses rated 0.88 are right: docs/auto-regions.md), which a practitioner does not pay for, and a bound on it was
/// raised once to pass a refit (0.08 to 0.125), which is what this check replaces.
/// </summary>
public sealed class RegionConfidenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Held_out_photos_confidence_stays_as_calibrated_as_reported()
    {
        Assert.True(PhotoFiles.People.Available, PhotoFiles.People.Unavailable);
        using var withModels = PhotoFiles.Analyzer();
        using var withoutModels = new PhotoAnalyzer(Options.Create(new PhotoOptions()));
        var guesses = RegionConfidenceSet.Photos().Where(p => p.HeldOut)
            .Select(p => RegionConfidenceSet.Judge(p, withModels, withoutModels)).OfType<JudgedGuess>().Where(g => g.Judged).ToList();
        var calibrated = guesses.Select(g => (g.Confidence, g.Right)).ToList();
        var raw = guesses.Select(g => (g.Score, g.Right)).ToList();
        double brier = CalibrationFigures.Brier(calibrated), ece = CalibrationFigures.ExpectedCalibrationError(calibrated);
        output.WriteLine($"{guesses.Count} guesses, {guesses.Count(g => g.Right)} right; Brier {brier:F4} (raw {CalibrationFigures.Brier(raw):F4}), "
            + $"ECE {ece:F4} (raw {CalibrationFigures.ExpectedCalibrationError(raw):F4})");
        foreach (var bin in CalibrationFigures.Reliability(calibrated))
        {
            output.WriteLine($"  [{bin.From:F1}, {bin.To:F1}): {bin.Count}, predicted {bin.MeanPredicted:F2}, observed {bin.Observed:F2}");
        }

        Assert.InRange(guesses.Count, 40, 48);
        Assert.InRange(brier, 0, 0.065);

        var checks = Overconfidence.Check(calibrated, RegionConfidence.LowThreshold);
        output.WriteLine($"overconfidence, one-sided {Overconfidence.Level:P0} over {checks.Count} groups:");
        foreach (var check in checks)
        {
            output.WriteLine($"  {check}");
        }

        output.WriteLine("the raw score read as a probability:");
        foreach (var check in Overconfidence.Check(raw, RegionConfidence.LowThreshold))
        {
            output.WriteLine($"  {check}");
        }

        Assert.All(checks, c => Assert.False(c.Overconfident, c.ToString()));
        Assert.Contains(checks, c => c.Name.StartsWith("at or above", StringComparison.Ordinal));
        // The check can fail on these very guesses: the same model with its odds 20 times too high (3 more in the logit,
        // so its ranking of the guesses is kept) is caught. (2 more is not: 44 guesses cannot tell it; docs/auto-regions.md.)
        var oddsTooHigh = guesses.Select(g => (1 / (1 + (Math.Exp(-3) * (1 - g.Confidence) / g.Confidence)), g.Right)).ToList();
        var variant = Overconfidence.Check(oddsTooHigh, RegionConfidence.LowThreshold);
        output.WriteLine("the same with its odds 20 times too high:");
        foreach (var check in variant)
        {
            output.WriteLine($"  {check}");
        }

        Assert.Contains(variant, c => c.Overconfident);

        // Better calibrated than the raw score read as a probability, and right guesses rate higher than wrong ones.
        Assert.True(ece < CalibrationFigures.ExpectedCalibrationError(raw), "no better calibrated than the raw score");
        Assert.True(guesses.Where(g => g.Right).Average(g => g.Confidence) > guesses.Where(g => !g.Right).Average(g => g.Confidence) + 0.3);
        // Every well-filled bin says what happens: predicted within 0.15 of the observed share.
        Assert.All(CalibrationFigures.Reliability(calibrated).Where(b => b.Count >= 10),
            b => Assert.InRange(b.MeanPredicted - b.Observed, -0.15, 0.15));
    }

    /// <summary>
    /// The colours warning's "right on 4 of 6 close-ups of a hairline" (<see cref="RegionConfidence.Warning"/>): the set's
    /// hairline close-ups (one per portrait, region-confidence-set.csv) judged again from the service's answers.
    /// </summary>
    [Fact]
    public void Colour_guesses_on_hairline_close_ups_are_right_as_often_as_the_warning_says()
    {
        using var withModels = PhotoFiles.Analyzer();
        using var withoutModels = new PhotoAnalyzer(Options.Create(new PhotoOptions()));
        var closeUps = RegionConfidenceSet.Photos().Where(p => p.Transform == "hairline close-up")
            .Select(p => RegionConfidenceSet.Judge(p, withModels, withoutModels)).OfType<JudgedGuess>().Where(g => g.Judged).ToList();
        Assert.All(closeUps, g => Assert.Equal("colours", g.Method));
        Assert.Equal(6, closeUps.Count);
        Assert.Equal(4, closeUps.Count(g => g.Right));
    }

    [Fact]
    public void A_guess_more_likely_wrong_than_right_warns_and_says_to_draw_the_regions()
    {
        var result = PhotoFiles.Analyse(PhotoFiles.Generated("scene.png"), null);
        Assert.Equal("colours", result.Regions.Method);
        Assert.True(result.Regions.Confidence < RegionConfidence.LowThreshold);
        var warning = Assert.Single(result.Warnings, w => w.Code == "regions.low_confidence");
        // A colours guess: the message says where such guesses hold (close-ups) instead of calling every one wrong.
        Assert.Contains("Unless this is a close-up of the scalp, draw the hair and skin regions", warning.Message, StringComparison.Ordinal);
        Assert.Contains("right on 4 of 6 close-ups of a hairline", warning.Message, StringComparison.Ordinal);

        var portrait = PhotoFiles.Analyse(PhotoFiles.Real("portrait-short-hair-dark-skin_sRGB.jpg"), null);
        Assert.True(portrait.Regions.Confidence >= RegionConfidence.LowThreshold);
        Assert.DoesNotContain(portrait.Warnings, w => w.Code == "regions.low_confidence");
    }

    /// <summary>The set's truth follows the pixels: a box turned or mirrored as ImageSharp turns or mirrors the photo still holds the marked pixel.</summary>
    [Theory]
    [InlineData(1, RotateMode.Rotate90)]
    [InlineData(2, RotateMode.Rotate180)]
    [InlineData(3, RotateMode.Rotate270)]
    [InlineData(0, RotateMode.None)]
    public void Boxes_turn_with_the_photo(int quarters, RotateMode mode)
    {
        using var image = new Image<Rgb24>(40, 20, new Rgb24(0, 0, 0));
        image[5, 3] = new Rgb24(255, 255, 255); // inside the box [0.1, 0.1, 0.05, 0.1] (pixels 4-6, 2-4)
        var box = new Box(0.1, 0.1, 0.05, 0.1).Turned(quarters);
        image.Mutate(c => c.Rotate(mode));
        var (x, y) = Marked(image);
        Assert.True(box.Contains((x + 0.5) / image.Width, (y + 0.5) / image.Height), $"{box} misses the pixel at {x}, {y}");

        image.Mutate(c => c.Flip(FlipMode.Horizontal));
        (x, y) = Marked(image);
        Assert.True(box.Mirrored().Contains((x + 0.5) / image.Width, (y + 0.5) / image.Height));
    }

    private static (int X, int Y) Marked(Image<Rgb24> image)
    {
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                if (image[x, y].R > 128)
                {
                    return (x, y);
                }
            }
        }

        throw new InvalidOperationException("no marked pixel");
    }
}
