using System.Text.Json;
using Microsoft.Playwright;

namespace SmpShade.Api.Tests.Browser;

/// <summary>What a practitioner does on the page, as reusable steps, plus request inspection.</summary>
internal static class PageSteps
{
    public static string PortraitPath { get; } = Path.Combine(AppContext.BaseDirectory, "Images", "Real", "portrait-short-hair-dark-skin_sRGB.jpg");

    public static bool IsApi(IResponse response, string path) =>
        response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == path;

    public static bool IsApi(IRequest request, string path) =>
        request.Method == "POST" && new Uri(request.Url).AbsolutePath == path;

    /// <summary>Chooses the portrait and waits for the service's region guess (an analysis with no regions).</summary>
    public static Task<JsonElement> UploadPortraitAsync(IPage page) =>
        UploadAsync(page, () => page.GetByTestId("photo-input").SetInputFilesAsync(PortraitPath));

    /// <summary>Chooses a photo made in the test and waits for the service's region guess, whatever it answers.</summary>
    public static Task<IResponse> UploadAsync(IPage page, string name, byte[] jpeg) =>
        page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("photo-input").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "image/jpeg", Buffer = jpeg }),
            r => IsApi(r, "/api/v1/analyses"));

    private static async Task<JsonElement> UploadAsync(IPage page, Func<Task> choose)
    {
        var response = await page.RunAndWaitForResponseAsync(choose, r => IsApi(r, "/api/v1/analyses"));
        string body = await response.TextAsync();
        Assert.True(response.Ok, $"The region guess failed: {response.Status} {body}");
        await Assertions.Expect(page.Locator("#region-text")).ToContainTextAsync("Skin:");
        await Assertions.Expect(page.Locator("#region-text")).Not.ToContainTextAsync("not set");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    /// <summary>Drags on the photo from one normalised point to another with the mouse.</summary>
    public static async Task DragOnPhotoAsync(IPage page, (double X, double Y) from, (double X, double Y) to)
    {
        var canvas = page.Locator("#photo-canvas");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = await canvas.BoundingBoxAsync() ?? throw new InvalidOperationException("the photo canvas is not visible");
        await page.Mouse.MoveAsync((float)(box.X + (box.Width * from.X)), (float)(box.Y + (box.Height * from.Y)));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(box.X + (box.Width * to.X)), (float)(box.Y + (box.Height * to.Y)), new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>
    /// Marks the hair on the crown and the skin mid-forehead of the test portrait, rectangles
    /// read off the photo: hair (0.44, 0.05, 0.16, 0.03), skin (0.45, 0.10, 0.12, 0.03).
    /// </summary>
    public static async Task MarkCrownAndForeheadAsync(IPage page, JsonElement guess)
    {
        await page.GetByLabel("Hair", new() { Exact = true }).CheckAsync();
        await RedrawAsync(page, guess.GetProperty("regions").GetProperty("hair"), (0.44, 0.05, 0.16, 0.03));
        await page.GetByLabel("Skin", new() { Exact = true }).CheckAsync();
        await RedrawAsync(page, guess.GetProperty("regions").GetProperty("skin"), (0.45, 0.10, 0.12, 0.03));
    }

    /// <summary>
    /// Redraws a region as the rectangle (x, y, w, h) with one mouse drag. A drag that starts
    /// inside the current region moves it instead (the page tests rectangles by their edges and
    /// polygons by the even-odd rule), so the drag starts at a corner of the new rectangle outside
    /// the region the service guessed and ends at the opposite corner.
    /// </summary>
    public static async Task RedrawAsync(IPage page, JsonElement guessedRegion, (double X, double Y, double W, double H) rect)
    {
        var outline = Outline(guessedRegion);
        (double X, double Y)[] corners = [(rect.X, rect.Y), (rect.X + rect.W, rect.Y + rect.H), (rect.X + rect.W, rect.Y), (rect.X, rect.Y + rect.H)];
        int start = Array.FindIndex(corners, c => !SmpShade.Api.Photos.Geometry.Contains(outline, c.X, c.Y));
        Assert.True(start >= 0, $"the new rectangle lies wholly inside the guessed region {guessedRegion}; pick another");
        var opposite = corners[start ^ 1];
        await DragOnPhotoAsync(page, corners[start], opposite);
    }

    private static (double X, double Y)[] Outline(JsonElement region) =>
        region.TryGetProperty("rect", out var r) && r.ValueKind == JsonValueKind.Array
            ? [(r[0].GetDouble(), r[1].GetDouble()), (r[0].GetDouble() + r[2].GetDouble(), r[1].GetDouble()),
               (r[0].GetDouble() + r[2].GetDouble(), r[1].GetDouble() + r[3].GetDouble()), (r[0].GetDouble(), r[1].GetDouble() + r[3].GetDouble())]
            : [.. region.GetProperty("polygon").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))];

    public static JsonElement JsonOf(IRequest request)
    {
        using var doc = JsonDocument.Parse(request.PostData ?? throw new InvalidOperationException("no request body"));
        return doc.RootElement.Clone();
    }

    /// <summary>Whether the page scrolls sideways: the document is wider than the viewport.</summary>
    public static async Task<(int ScrollWidth, int ClientWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        // From the top, so sticky parts (the a*b* chart) sit where a reader expects them.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"),
            FullPage = true,
            // CSS pixels: a long phone page at 3 device pixels per CSS pixel passes Chromium's
            // 16384 px capture limit and comes back cut short.
            Scale = ScreenshotScale.Css,
        });
    }
}
