using System.Text.Json;
using Microsoft.Playwright;
using SmpShade.Api.Tests.Photos.Synthetic;
using SmpShade.Colour;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Tests.Browser;

/// <summary>
/// Calibrate once, then use a card: a chart photo under tungsten light saves the camera calibration in the browser; a
/// later card-only photo under the same light sends it back when the practitioner ticks it, and the page says so.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PageCalibrationTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task A_chart_photo_saves_a_calibration_that_a_later_grey_card_photo_uses_when_ticked()
    {
        SyntheticPhoto chart = SyntheticScene.Render("chart under A", Cie.A, SyntheticSpectra.MediumSkin, SyntheticSpectra.BlackHair, 31);
        SyntheticPhoto card = SyntheticScene.Render("card under A", Cie.A, SyntheticSpectra.LightSkin, SyntheticSpectra.DarkBrownHair, 32, withChart: false);
        await using var context = await fixture.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        // The chart photo: four taps on the chart's corners, hair and skin redrawn, analysed.
        await MarkHairAndSkinAsync(page, await PageSteps.UploadAsync(page, "chart.jpg", chart.Jpeg), chart);
        await page.Locator("#reference-type").SelectOptionAsync("colorChecker24");
        var canvas = page.Locator("#photo-canvas");
        foreach (var (x, y) in chart.ChartCorners)
        {
            await canvas.ClickAsync(new LocatorClickOptions { Position = await PositionAsync(canvas, x / chart.Width, y / chart.Height) });
        }

        var chartResponse = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("analyse-button").ClickAsync(), r => PageSteps.IsApi(r, "/api/v1/analyses"));
        Assert.True(chartResponse.Ok, $"chart analysis failed: {chartResponse.Status} {await chartResponse.TextAsync()}");
        using var chartAnswer = JsonDocument.Parse(await chartResponse.TextAsync());
        JsonElement camera = chartAnswer.RootElement.GetProperty("reference").GetProperty("camera").Clone();
        await Assertions.Expect(page.Locator("#calibration-saved")).ToBeVisibleAsync();
        // Kept in the browser as the service gave it. (Chromium does not show Playwright a multipart body with a
        // file in it, so what is sent later is checked by its effect: the answer's skinModel and warning.)
        using var stored = JsonDocument.Parse(await page.EvaluateAsync<string>("() => localStorage.getItem('smpshade.cameraCalibration')"));
        foreach (string channel in new[] { "x", "y", "z" })
        {
            Assert.Equal(camera.GetProperty(channel).EnumerateArray().Select(v => v.GetDouble()),
                stored.RootElement.GetProperty("camera").GetProperty(channel).EnumerateArray().Select(v => v.GetDouble()));
        }

        // The card photo: the calibration is offered under Grey card, not used until ticked.
        var cardGuess = await PageSteps.UploadAsync(page, "card.jpg", card.Jpeg);
        await page.Locator("#reference-type").SelectOptionAsync("greyCard");
        await Assertions.Expect(page.Locator("#calibration")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#use-calibration")).Not.ToBeCheckedAsync();
        PixelRect inner = card.Card with { X = card.Card.X + 15, Y = card.Card.Y + 15, Width = card.Card.Width - 30, Height = card.Card.Height - 30 };
        await PageSteps.DragOnPhotoAsync(page, ((double)inner.X / card.Width, (double)inner.Y / card.Height),
            ((double)(inner.X + inner.Width) / card.Width, (double)(inner.Y + inner.Height) / card.Height));
        await MarkHairAndSkinAsync(page, cardGuess, card);
        await page.Locator("#use-calibration").CheckAsync();

        var cardResponse = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("analyse-button").ClickAsync(), r => PageSteps.IsApi(r, "/api/v1/analyses"));
        string body = await cardResponse.TextAsync();
        Assert.True(cardResponse.Ok, $"card analysis failed: {cardResponse.Status} {body}");
        using var answer = JsonDocument.Parse(body);
        Assert.Equal("skinSpectra", answer.RootElement.GetProperty("reference").GetProperty("skinModel").GetString());
        await Assertions.Expect(page.Locator("#warnings li[data-code='reference.calibration_used']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("results")).ToContainTextAsync("saved chart calibration");
        // The measurement the practitioner sees is the accurate one (issue 3's goal for a card under A is 3).
        var lab = answer.RootElement.GetProperty("skin").GetProperty("lab");
        double error = DeltaE.Ciede2000(card.SkinTruth, new Lab(lab.GetProperty("l").GetDouble(), lab.GetProperty("a").GetDouble(), lab.GetProperty("b").GetDouble()));
        Assert.True(error <= 3, $"skin ΔE00 {error:0.00} from the truth {card.SkinTruth}: {body}");
        await PageSteps.ScreenshotAsync(page, "card-with-calibration");

        // Forgetting it removes the offer.
        await page.Locator("#forget-calibration").ClickAsync();
        await Assertions.Expect(page.Locator("#calibration")).ToBeHiddenAsync();
    }

    /// <summary>
    /// Draws the hair and skin rectangles. The service's guess may have found regions (redrawn around them) or not
    /// (422 <c>regions.not_found</c> when no skin is in the middle of the scene: drawn afresh).
    /// </summary>
    [ChromiumFact]
    public async Task A_chart_left_untapped_is_found_by_the_service_and_its_corners_are_drawn_for_checking()
    {
        SyntheticPhoto chart = SyntheticScene.Render("chart under D65", Cie.D65, SyntheticSpectra.MediumSkin, SyntheticSpectra.BlackHair, 33);
        await using var context = await fixture.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await MarkHairAndSkinAsync(page, await PageSteps.UploadAsync(page, "chart.jpg", chart.Jpeg), chart);
        await page.Locator("#reference-type").SelectOptionAsync("colorChecker24");
        await Assertions.Expect(page.Locator("#region-text")).ToContainTextAsync("the service looks for the chart");

        // No taps: the page used to refuse here; now the service looks for the chart and says where it found it.
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("analyse-button").ClickAsync(), r => PageSteps.IsApi(r, "/api/v1/analyses"));
        Assert.True(response.Ok, $"chart analysis failed: {response.Status} {await response.TextAsync()}");
        using var answer = JsonDocument.Parse(await response.TextAsync());
        var reference = answer.RootElement.GetProperty("reference");
        Assert.Equal("detected", reference.GetProperty("cornersFound").GetString());
        await Assertions.Expect(page.Locator("#region-text")).ToContainTextAsync("Chart corners: found by the service");

        // The readout describes the corners the answer gave (their bounds in % of the frame, as shapes.js rounds), and
        // they lie on the chart the scene was rendered with (its corners, known from the renderer, within 2 % of the
        // frame: the finder's own precision is tested in ChartFinderTests).
        var answered = reference.GetProperty("corners").EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(4, answered.Length);
        static string Percent(double v) => $"{Math.Round(v * 100, MidpointRounding.AwayFromZero)} %";
        double minX = answered.Min(c => c[0]), minY = answered.Min(c => c[1]);
        await Assertions.Expect(page.Locator("#region-text")).ToContainTextAsync(
            $"4-point outline at x {Percent(minX)}, y {Percent(minY)}, {Percent(answered.Max(c => c[0]) - minX)} wide, {Percent(answered.Max(c => c[1]) - minY)} high");

        var rendered = chart.ChartCorners.Select(c => (c.X / chart.Width, c.Y / chart.Height)).ToArray();
        var matched = new HashSet<int>();
        foreach (var corner in answered)
        {
            int index = Enumerable.Range(0, rendered.Length).MinBy(i => Distance(rendered[i], corner));
            double nearest = Distance(rendered[index], corner);
            Assert.True(nearest < 0.02, $"found corner ({corner[0]:F3}, {corner[1]:F3}) is {nearest:F3} of the frame from every rendered corner");
            Assert.True(matched.Add(index), $"two found corners lie on rendered corner {index}");
        }

        static double Distance((double X, double Y) r, double[] c) => Math.Max(Math.Abs(r.X - c[0]), Math.Abs(r.Y - c[1]));
    }

    private static async Task MarkHairAndSkinAsync(IPage page, IResponse guess, SyntheticPhoto photo)
    {
        JsonElement? regions = null;
        if (guess.Ok)
        {
            using var answer = JsonDocument.Parse(await guess.TextAsync());
            regions = answer.RootElement.GetProperty("regions").Clone();
        }

        foreach (var (label, r) in new[] { ("Hair", photo.Hair), ("Skin", photo.Skin) })
        {
            await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
            (double X, double Y, double W, double H) rect = ((double)r.X / photo.Width, (double)r.Y / photo.Height, (double)r.Width / photo.Width, (double)r.Height / photo.Height);
            if (regions is { } guessed)
            {
                await PageSteps.RedrawAsync(page, guessed.GetProperty(label.ToLowerInvariant()), rect);
            }
            else
            {
                await PageSteps.DragOnPhotoAsync(page, (rect.X, rect.Y), (rect.X + rect.W, rect.Y + rect.H));
            }
        }
    }

    private static async Task<Position> PositionAsync(ILocator canvas, double x, double y)
    {
        var box = await canvas.BoundingBoxAsync() ?? throw new InvalidOperationException("no canvas");
        return new Position { X = (float)(box.Width * x), Y = (float)(box.Height * y) };
    }
}
