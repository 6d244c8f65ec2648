using System.Text.Json;
using Microsoft.Playwright;

namespace SmpShade.Api.Tests.Browser;

/// <summary>Problems the service answers are shown on the page, with their title, detail and code.</summary>
[Collection(BrowserSuite.Name)]
public sealed class PageErrorTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task A_file_that_is_not_an_image_shows_the_services_problem_as_a_message()
    {
        await using var context = await fixture.NewContextAsync(1024, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("photo-input").SetInputFilesAsync(new FilePayload
            {
                Name = "scalp.jpg",
                MimeType = "image/jpeg",
                Buffer = "this is a shopping list, not a photo"u8.ToArray(),
            }),
            r => PageSteps.IsApi(r, "/api/v1/analyses"));
        Assert.InRange(response.Status, 400, 499);
        using var problem = JsonDocument.Parse(await response.TextAsync());

        var message = page.GetByTestId("error-message").Filter(new() { HasText = "Guessing the regions" });
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(message).ToContainTextAsync(problem.RootElement.GetProperty("title").GetString()!);
        await Assertions.Expect(message).ToContainTextAsync("code: " + problem.RootElement.GetProperty("code").GetString());
        if (problem.RootElement.TryGetProperty("detail", out var detail) && !string.IsNullOrEmpty(detail.GetString()))
        {
            await Assertions.Expect(message).ToContainTextAsync(detail.GetString()!);
        }
        // Announced to screen readers: messages live in a role=alert region.
        Assert.Equal("alert", await page.Locator("#messages").GetAttributeAsync("role"));
        await PageSteps.ScreenshotAsync(page, "error-not-an-image");
    }

    [ChromiumFact]
    public async Task Recording_an_outcome_with_a_key_the_service_does_not_know_shows_its_problem_in_the_form()
    {
        await using var context = await fixture.NewContextAsync(1024, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Pigment supplier").FillAsync("smpshade-sample");
        await page.GetByLabel("Pigment SKU").FillAsync("CB-01");
        await page.GetByLabel("Water parts (per 1 part ink)").FillAsync("6");
        await page.GetByLabel("Months since treatment").FillAsync("4");
        string[] values = ["62.5", "12.1", "16.8", "41.0", "1.5", "-2.2"];
        string[] fields = ["skin-l", "skin-a", "skin-b", "healed-l", "healed-a", "healed-b"];
        for (int i = 0; i < fields.Length; i++)
        {
            await page.Locator("#outcome-" + fields[i]).FillAsync(values[i]);
        }
        await page.GetByLabel("API key", new() { Exact = false }).FillAsync("smp_not_a_key_the_service_issued");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Record the result" }).ClickAsync(),
            r => PageSteps.IsApi(r, "/api/v1/outcomes"));
        Assert.InRange(response.Status, 400, 499);
        Assert.Equal("smp_not_a_key_the_service_issued", await response.Request.HeaderValueAsync("x-api-key"));
        using var problem = JsonDocument.Parse(await response.TextAsync());

        var message = page.Locator("#outcome-status [data-testid=error-message]");
        await Assertions.Expect(message).ToContainTextAsync(problem.RootElement.GetProperty("title").GetString()!);
        await Assertions.Expect(message).ToContainTextAsync("code: " + problem.RootElement.GetProperty("code").GetString());
        await PageSteps.ScreenshotAsync(page, "error-outcome-key");
    }
}
