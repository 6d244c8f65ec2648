using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Browser;

/// <summary>Step 5: a healed result recorded through the page's form (POST /api/v1/outcomes).</summary>
[Collection(BrowserSuite.Name)]
public sealed class PageOutcomeTests(BrowserFixture fixture)
{
    private static readonly string[] Fields = ["skin-l", "skin-a", "skin-b", "healed-l", "healed-a", "healed-b"];

    [ChromiumFact]
    public async Task Recording_an_outcome_with_a_clinic_key_stores_what_the_form_says()
    {
        using var api = fixture.CreateApiClient();
        string key = await ClinicKeyAsync(api);
        var (supplier, sku, water) = await FirstPigmentAsync(api);

        await using var context = await fixture.NewContextAsync(1024, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        double[] values = [62.5, 12.1, 16.8, 41.0, 1.5, -2.2];
        await FillFormAsync(page, supplier, sku, water, values, key);

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Record the result" }).ClickAsync(),
            r => PageSteps.IsApi(r, "/api/v1/outcomes"));
        string body = await response.TextAsync();
        Assert.True(response.Status == 201, $"expected 201 Created: {response.Status} {body}");
        using var saved = JsonDocument.Parse(body);
        long id = saved.RootElement.GetProperty("id").GetInt64();
        await Assertions.Expect(page.Locator("#outcome-status")).ToContainTextAsync($"Recorded as outcome {id}.");

        // What was stored is what the form said.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/outcomes/{id}");
        request.Headers.Add("X-Api-Key", key);
        using var stored = JsonDocument.Parse(await (await api.SendAsync(request)).Content.ReadAsStringAsync());
        var root = stored.RootElement;
        Assert.Equal(supplier, root.GetProperty("supplier").GetString());
        Assert.Equal(sku, root.GetProperty("sku").GetString());
        Assert.Equal(water, root.GetProperty("waterParts").GetDouble());
        Assert.Equal(4, root.GetProperty("monthsSinceTreatment").GetDouble());
        string[] labs = ["skinLab", "skinLab", "skinLab", "healedLab", "healedLab", "healedLab"];
        string[] parts = ["l", "a", "b", "l", "a", "b"];
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], root.GetProperty(labs[i]).GetProperty(parts[i]).GetDouble(), 1e-9);
        }
        await PageSteps.ScreenshotAsync(page, "outcome-recorded");
    }

    [ChromiumFact]
    public async Task Recording_an_outcome_with_a_key_the_service_does_not_know_shows_its_problem_in_the_form()
    {
        await using var context = await fixture.NewContextAsync(1024, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await FillFormAsync(page, "smpshade-sample", "CB-01", 6, [62.5, 12.1, 16.8, 41.0, 1.5, -2.2], "smp_not_a_key_the_service_issued");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Record the result" }).ClickAsync(),
            r => PageSteps.IsApi(r, "/api/v1/outcomes"));
        Assert.Equal(401, response.Status);
        Assert.Equal("smp_not_a_key_the_service_issued", await response.Request.HeaderValueAsync("x-api-key"));
        using var problem = JsonDocument.Parse(await response.TextAsync());

        var message = page.Locator("#outcome-status [data-testid=error-message]");
        await Assertions.Expect(message).ToContainTextAsync(problem.RootElement.GetProperty("title").GetString()!);
        await Assertions.Expect(message).ToContainTextAsync("code: " + problem.RootElement.GetProperty("code").GetString());
        await PageSteps.ScreenshotAsync(page, "error-outcome-key");
    }

    private static async Task FillFormAsync(IPage page, string supplier, string sku, double water, double[] labs, string key)
    {
        await page.GetByLabel("Pigment supplier").FillAsync(supplier);
        await page.GetByLabel("Pigment SKU").FillAsync(sku);
        await page.GetByLabel("Water parts (per 1 part ink)").FillAsync(water.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Months since treatment").FillAsync("4");
        for (int i = 0; i < Fields.Length; i++)
        {
            await page.Locator("#outcome-" + Fields[i]).FillAsync(labs[i].ToString(CultureInfo.InvariantCulture));
        }
        await page.GetByLabel("API key", new() { Exact = false }).FillAsync(key);
    }

    /// <summary>A clinic key issued by the bootstrap admin key, as a clinic would get one.</summary>
    private static async Task<string> ClinicKeyAsync(HttpClient api)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/keys") { Content = JsonContent.Create(new { role = "clinic", name = "browser test clinic" }) };
        request.Headers.Add("X-Api-Key", TestKeys.Admin);
        using var response = await api.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"issuing a clinic key failed: {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>A pigment of the sample catalogue the service loads on first start, and its first dilution.</summary>
    private static async Task<(string Supplier, string Sku, double Water)> FirstPigmentAsync(HttpClient api)
    {
        using var suppliers = JsonDocument.Parse(await api.GetStringAsync("api/v1/suppliers"));
        string supplier = suppliers.RootElement.GetProperty("items")[0].GetProperty("supplier").GetString()!;
        using var pigments = JsonDocument.Parse(await api.GetStringAsync($"api/v1/suppliers/{supplier}/pigments"));
        var pigment = pigments.RootElement.GetProperty("items")[0];
        return (supplier, pigment.GetProperty("sku").GetString()!, pigment.GetProperty("waterParts")[0].GetDouble());
    }
}
