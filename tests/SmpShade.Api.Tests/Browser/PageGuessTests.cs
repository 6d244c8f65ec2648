using System.Text.Json;
using Microsoft.Playwright;

namespace SmpShade.Api.Tests.Browser;

/// <summary>
/// What a new user sees first (issue 13): a real portrait in, the service's own hair and skin regions drawn on the
/// person, analysed as guessed, ranked pigments out. Its screenshot (desktop-guessed) is the README's page picture.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PageGuessTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task The_services_own_regions_on_a_portrait_are_drawn_and_measured_as_guessed()
    {
        await using var context = await fixture.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var guess = await PageSteps.UploadPortraitAsync(page);
        var regions = guess.GetProperty("regions");
        Assert.Equal("people", regions.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Array, regions.GetProperty("hair").GetProperty("polygon").ValueKind);
        // The page describes the drawn hair region as the outline the service answered.
        await Assertions.Expect(page.Locator("#region-text")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Hair: [0-9]+-point outline"));

        var matchesWait = page.WaitForResponseAsync(r => PageSteps.IsApi(r, "/api/v1/matches"));
        var analysis = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("analyse-button").ClickAsync(), r => PageSteps.IsApi(r, "/api/v1/analyses"));
        Assert.True(analysis.Ok, await analysis.TextAsync());
        using var answer = JsonDocument.Parse(await analysis.TextAsync());
        // The page sent the guessed regions back as drawn: the same polygon, measured.
        Assert.Equal(regions.GetProperty("hair").GetProperty("polygon").GetArrayLength(),
            answer.RootElement.GetProperty("regions").GetProperty("hair").GetProperty("polygon").GetArrayLength());
        Assert.True((await matchesWait).Ok);
        await Assertions.Expect(page.GetByTestId("results")).ToBeVisibleAsync();
        await PageSteps.ScreenshotAsync(page, "desktop-guessed");
    }

    /// <summary>
    /// A photo with no face (the synthetic scene): the guess comes from colours and is more likely wrong than right, and the
    /// page says so while the regions are being checked, with what to do, not only after Analyse (which measures the regions
    /// as drawn, no longer a guess). A portrait's guess shows no such warning.
    /// </summary>
    [ChromiumFact]
    public async Task A_guess_more_likely_wrong_than_right_is_shown_while_the_regions_are_checked()
    {
        await using var context = await fixture.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        string scene = Path.Combine(AppContext.BaseDirectory, "Images", "Generated", "scene.png");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("photo-input").SetInputFilesAsync(scene), r => PageSteps.IsApi(r, "/api/v1/analyses"));
        using var guess = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal("colours", guess.RootElement.GetProperty("regions").GetProperty("method").GetString());
        Assert.True(guess.RootElement.GetProperty("regions").GetProperty("confidence").GetDouble() < 0.5);
        var low = page.Locator("#guess-warnings li[data-code='regions.low_confidence']");
        await Assertions.Expect(low).ToBeVisibleAsync();
        await Assertions.Expect(low).ToContainTextAsync("The guessed regions may well be wrong");
        await Assertions.Expect(low).ToContainTextAsync("Unless this is a close-up of the scalp, draw the hair (yellow) and skin (blue) outlines yourself");
        await Assertions.Expect(page.Locator("#guess-warnings li[data-code='regions.no_face']")).ToBeVisibleAsync();

        await PageSteps.UploadPortraitAsync(page);
        await Assertions.Expect(page.Locator("#guess-warnings li[data-code='regions.low_confidence']")).ToHaveCountAsync(0);
    }
}
