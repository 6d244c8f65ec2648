using System.Text.Json;
using Microsoft.Playwright;

namespace SmpShade.Api.Tests.Browser;

/// <summary>The other ways in: a dropped photo, and a colour chart marked by its corners.</summary>
[Collection(BrowserSuite.Name)]
public sealed class PageInputTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task A_photo_dropped_on_the_drop_zone_is_shown_and_its_regions_are_guessed()
    {
        await using var context = await fixture.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        string base64 = Convert.ToBase64String(await File.ReadAllBytesAsync(PageSteps.PortraitPath));

        // What a desktop browser does when a file is dropped: a drop event carrying the file.
        var response = await page.RunAndWaitForResponseAsync(
            () => page.EvaluateAsync(
                """
                async b64 => {
                  const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
                  const data = new DataTransfer();
                  data.items.add(new File([bytes], 'dropped.jpg', { type: 'image/jpeg' }));
                  const zone = document.getElementById('drop');
                  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
                  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
                }
                """, base64),
            r => PageSteps.IsApi(r, "/api/v1/analyses"));
        Assert.True(response.Ok, $"the region guess failed: {response.Status} {await response.TextAsync()}");
        await Assertions.Expect(page.Locator("#photo-canvas")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#region-text")).Not.ToContainTextAsync("not set");
        // The canvas keeps the photo's proportions (910 × 1137 pixels).
        var box = await page.Locator("#photo-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no canvas");
        Assert.Equal(1137.0 / 910.0, box.Height / box.Width, 0.01);
    }

    [ChromiumFact]
    public async Task A_cleared_custom_target_field_is_sent_as_missing_not_as_zero()
    {
        await using var context = await fixture.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await PageSteps.UploadPortraitAsync(page);
        await page.Locator("#mode").SelectOptionAsync("custom");
        await page.Locator("#target-l").FillAsync("");

        var request = await page.RunAndWaitForRequestAsync(
            () => page.GetByTestId("analyse-button").ClickAsync(), r => PageSteps.IsApi(r, "/api/v1/matches"));
        // Number("") is 0: an emptied L* field would silently match against black.
        var l = PageSteps.JsonOf(request).GetProperty("targetLab").GetProperty("l");
        Assert.Equal(JsonValueKind.Null, l.ValueKind);
        var message = page.GetByTestId("error-message").Filter(new() { HasText = "Matching pigments" });
        await Assertions.Expect(message).ToContainTextAsync("targetLab is missing");
    }

    [ChromiumFact]
    public async Task A_colour_chart_is_marked_with_four_taps_and_analysed_with_it()
    {
        await using var context = await fixture.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await PageSteps.UploadPortraitAsync(page);

        await page.Locator("#reference-type").SelectOptionAsync("colorChecker24");
        await Assertions.Expect(page.GetByLabel("Reference", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#region-text")).ToContainTextAsync("Chart corners: 0 of 4 marked.");
        var canvas = page.Locator("#photo-canvas");
        (double X, double Y)[] corners = [(0.10, 0.70), (0.30, 0.70), (0.30, 0.85), (0.10, 0.85)];
        foreach (var (x, y) in corners)
        {
            await canvas.ClickAsync(new LocatorClickOptions { Position = await PositionAsync(canvas, x, y) });
        }
        await Assertions.Expect(page.Locator("#region-text")).ToContainTextAsync("Chart corners: 4 of 4 marked.");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("analyse-button").ClickAsync(), r => PageSteps.IsApi(r, "/api/v1/analyses"));
        using var body = JsonDocument.Parse(await response.TextAsync());
        // There is no chart in this portrait: the service either fits it badly and says so, or
        // refuses it. Either way the page shows the service's own words.
        if (response.Ok)
        {
            Assert.Equal("colorChecker24", body.RootElement.GetProperty("reference").GetProperty("type").GetString());
            await Assertions.Expect(page.GetByTestId("results")).ToContainTextAsync("ColorChecker 24");
            foreach (var warning in body.RootElement.GetProperty("warnings").EnumerateArray())
            {
                await Assertions.Expect(page.Locator($"#warnings li[data-code='{warning.GetProperty("code").GetString()}']")).ToHaveCountAsync(1);
            }
        }
        else
        {
            var message = page.GetByTestId("error-message").Filter(new() { HasText = "Analysing" });
            await Assertions.Expect(message).ToContainTextAsync(body.RootElement.GetProperty("title").GetString()!);
        }
        await PageSteps.ScreenshotAsync(page, "chart-corners");
    }

    private static async Task<Position> PositionAsync(ILocator canvas, double x, double y)
    {
        var box = await canvas.BoundingBoxAsync() ?? throw new InvalidOperationException("no canvas");
        return new Position { X = (float)(box.Width * x), Y = (float)(box.Height * y) };
    }
}
