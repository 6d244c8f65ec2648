using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SmpShade.Api.Tests.Browser;

/// <summary>
/// The practitioner's flow in a real Chromium against the real service: a real portrait in,
/// regions adjusted, analysed, ranked pigments out; on a desktop and on a 390 px phone.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PageFlowTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task A_practitioner_uploads_a_portrait_redraws_the_hair_region_analyses_and_sees_ranked_pigments()
    {
        await using var context = await fixture.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var guess = await PageSteps.UploadPortraitAsync(page);
        await PageSteps.MarkCrownAndForeheadAsync(page, guess);
        await Assertions.Expect(page.Locator("#region-text")).ToContainTextAsync(
            "Hair: rectangle at x 44 %, y 5 %, 16 % wide, 3 % high. Skin: rectangle at x 45 %, y 10 %, 12 % wide, 3 % high.");

        // Listen for the ranking before clicking: it follows the analysis within milliseconds.
        var matchesWait = page.WaitForResponseAsync(r => PageSteps.IsApi(r, "/api/v1/matches"));
        var analysisResponse = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("analyse-button").ClickAsync(), r => PageSteps.IsApi(r, "/api/v1/analyses"));
        string analysisBody = await analysisResponse.TextAsync();
        Assert.True(analysisResponse.Ok, $"analysis failed: {analysisResponse.Status} {analysisBody}");
        using var analysis = JsonDocument.Parse(analysisBody);
        // The region drawn is the region the service measured (it answers with the regions used):
        // within a pixel of the canvas (≤ 1/500 of the photo here).
        var regions = analysis.RootElement.GetProperty("regions");
        double[] hair = [0.44, 0.05, 0.16, 0.03];
        double[] skin = [0.45, 0.10, 0.12, 0.03];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(hair[i], regions.GetProperty("hair").GetProperty("rect")[i].GetDouble(), 0.005);
            Assert.Equal(skin[i], regions.GetProperty("skin").GetProperty("rect")[i].GetDouble(), 0.005);
        }
        // The swatches give the service's numbers as text (1 decimal), not only as a colour.
        double hairL = analysis.RootElement.GetProperty("hair").GetProperty("lab").GetProperty("l").GetDouble();
        double skinL = analysis.RootElement.GetProperty("skin").GetProperty("lab").GetProperty("l").GetDouble();
        await Assertions.Expect(page.GetByTestId("hair-swatch")).ToHaveAttributeAsync("aria-label", new Regex(Regex.Escape("L* " + Fixed(hairL, 1))));
        await Assertions.Expect(page.GetByTestId("skin-swatch")).ToHaveAttributeAsync("aria-label", new Regex(Regex.Escape("L* " + Fixed(skinL, 1))));

        var matches = await matchesWait;
        string matchBody = await matches.TextAsync();
        Assert.True(matches.Ok, $"matching failed: {matches.Status} {matchBody}");
        using var ranked = JsonDocument.Parse(matchBody);
        int count = ranked.RootElement.GetProperty("candidates").GetArrayLength();
        Assert.True(count > 0, "the bundled sample catalogue gives candidates");
        await Assertions.Expect(page.GetByTestId("candidate")).ToHaveCountAsync(count);
        await Assertions.Expect(page.GetByTestId("results")).ToBeVisibleAsync();
        // Each candidate names its pigment and gives its ΔE00 as text; the chart plots the top ten.
        var best = ranked.RootElement.GetProperty("candidates")[0];
        var first = page.GetByTestId("candidate").First;
        await Assertions.Expect(first).ToContainTextAsync(best.GetProperty("pigment").GetProperty("sku").GetString()!);
        // ΔE00 is shown as a practitioner reads it: one decimal (the page's rounding, js/colour.js fmt).
        await Assertions.Expect(first.Locator("dt:text-is('ΔE00') + dd")).ToHaveTextAsync(StartsWith(Fixed(best.GetProperty("deltaE00").GetDouble(), 1)));
        await Assertions.Expect(page.Locator("#ab-chart circle.cand")).ToHaveCountAsync(Math.Min(count, 10));
        await PageSteps.ScreenshotAsync(page, "desktop-results");

        // "How it looks in N years" asks again with `years`.
        await page.Locator("#years").FillAsync("5");
        var again = await page.RunAndWaitForRequestAsync(() => page.Locator("#years-go").ClickAsync(), r => PageSteps.IsApi(r, "/api/v1/matches"));
        Assert.Equal(5, PageSteps.JsonOf(again).GetProperty("years").GetInt32());
        var agedResponse = await again.ResponseAsync() ?? throw new InvalidOperationException("no matches answer");
        Assert.True(agedResponse.Ok, $"matching after 5 years failed: {agedResponse.Status} {await agedResponse.TextAsync()}");
        await Assertions.Expect(page.Locator("#match-meta")).ToContainTextAsync("after 5 years");
        using var aged = JsonDocument.Parse(await agedResponse.TextAsync());
        var agedBest = aged.RootElement.GetProperty("candidates")[0];
        await Assertions.Expect(page.GetByTestId("candidate").First.Locator("dt:text-is('ΔE00') + dd")).ToHaveTextAsync(StartsWith(Fixed(agedBest.GetProperty("deltaE00").GetDouble(), 1)));

        // A candidate's button fills the outcome form with its pigment and dilution, and today's skin.
        await page.GetByTestId("candidate").First.GetByRole(AriaRole.Button, new() { Name = "Record a healed result for this" }).ClickAsync();
        var pigment = agedBest.GetProperty("pigment");
        await Assertions.Expect(page.Locator("#outcome-supplier")).ToHaveValueAsync(pigment.GetProperty("supplier").GetString()!);
        await Assertions.Expect(page.Locator("#outcome-sku")).ToHaveValueAsync(pigment.GetProperty("sku").GetString()!);
        await Assertions.Expect(page.Locator("#outcome-water")).ToHaveValueAsync(agedBest.GetProperty("waterParts").GetDouble().ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#outcome-skin-l")).ToHaveValueAsync(skinL.ToString("F1", CultureInfo.InvariantCulture));
    }

    /// <summary>A number as the page prints it (fixed decimals, a true minus sign).</summary>
    // The value, then the end or " (score …)" when the start-lighter penalty makes the score differ.
    private static System.Text.RegularExpressions.Regex StartsWith(string value) =>
        new("^" + System.Text.RegularExpressions.Regex.Escape(value) + @"( \(score [^)]*\))?$");

    private static string Fixed(double value, int digits) =>
        value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('-', '−');

    [ChromiumFact]
    public async Task On_a_390_px_phone_the_flow_works_without_horizontal_scrolling()
    {
        await using var context = await fixture.NewContextAsync(390, 844, phone: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var (scroll, client) = await PageSteps.WidthsAsync(page);
        Assert.True(scroll <= client, $"the empty page scrolls sideways: {scroll} > {client}");

        var guess = await PageSteps.UploadPortraitAsync(page);
        await PageSteps.MarkCrownAndForeheadAsync(page, guess);
        var matches = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("analyse-button").TapAsync(), r => PageSteps.IsApi(r, "/api/v1/matches"));
        Assert.True(matches.Ok, $"matching failed: {matches.Status} {await matches.TextAsync()}");
        await Assertions.Expect(page.GetByTestId("candidate").First).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("candidate").CountAsync() > 0);

        (scroll, client) = await PageSteps.WidthsAsync(page);
        Assert.True(scroll <= client, $"the page with results scrolls sideways: {scroll} > {client}");
        Assert.Equal(390, client);
        await PageSteps.ScreenshotAsync(page, "phone-390-results");
    }

    [ChromiumFact]
    public async Task The_regions_move_and_resize_with_the_keyboard_and_Analyse_is_reachable_with_Tab()
    {
        await using var context = await fixture.NewContextAsync(1024, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var guess = await PageSteps.UploadPortraitAsync(page);
        await page.GetByLabel("Skin", new() { Exact = true }).CheckAsync();
        // Beside the forehead in this portrait, then moved onto it and made taller with the keyboard.
        await PageSteps.RedrawAsync(page, guess.GetProperty("regions").GetProperty("skin"), (0.40, 0.10, 0.12, 0.03));
        await Assertions.Expect(page.Locator("#region-text")).ToContainTextAsync("Skin: rectangle at x 40 %, y 10 %, 12 % wide, 3 % high");

        await page.Locator("#photo-canvas").FocusAsync();
        for (int i = 0; i < 5; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight"); // 1 % of the photo per press
        }
        for (int i = 0; i < 2; i++)
        {
            await page.Keyboard.PressAsync("Shift+ArrowDown"); // grows the height by 1 %
        }
        await Assertions.Expect(page.Locator("#region-text")).ToContainTextAsync("Skin: rectangle at x 45 %, y 10 %, 12 % wide, 5 % high");

        for (int i = 0; i < 10 && await page.EvaluateAsync<string?>("() => document.activeElement?.dataset.testid") != "analyse-button"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("analyse-button", await page.EvaluateAsync<string?>("() => document.activeElement?.dataset.testid"));
        var response = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => PageSteps.IsApi(r, "/api/v1/analyses"));
        string body = await response.TextAsync();
        Assert.True(response.Ok, $"analysis failed: {response.Status} {body}");
        using var analysis = JsonDocument.Parse(body);
        var rect = analysis.RootElement.GetProperty("regions").GetProperty("skin").GetProperty("rect");
        Assert.Equal(0.45, rect[0].GetDouble(), 0.005);
        Assert.Equal(0.05, rect[3].GetDouble(), 0.005);
        await Assertions.Expect(page.GetByTestId("candidate").First).ToBeVisibleAsync();
    }
}
