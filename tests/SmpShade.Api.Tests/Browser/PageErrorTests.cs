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
}
