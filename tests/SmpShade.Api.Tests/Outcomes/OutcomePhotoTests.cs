using System.Net;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Api.Tests.Photos;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>Outcomes measured from a follow-up photo (the photo is analysed as in analyses, then dropped).</summary>
[Collection(OutcomesApi.Name)]
public sealed class OutcomePhotoTests(OutcomesFactory factory)
{
    private const string Outcome = """{"supplier":"synth","sku":"S-DBR","catalogueVersion":1,"waterParts":2,"monthsSinceTreatment":9}""";

    [Fact]
    public async Task A_follow_up_photo_gives_the_healed_and_skin_colours_the_analysis_measures()
    {
        await factory.EnsureCatalogueAsync();
        using var client = factory.WithKey(await factory.IssueKeyAsync("clinic"));
        byte[] photo = PhotoFiles.Generated("scene.png");
        using var form = PhotoFiles.Form(photo, PhotoFiles.SceneRegions, "scene.png");
        form.Add(new StringContent(Outcome), "outcome");
        var response = await client.PostAsync("/api/v1/outcomes", form);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var doc = JsonDocument.Parse(text);
        var body = doc.RootElement;
        Assert.Equal("photo", body.GetProperty("measurement").GetString());

        // The same photo and regions through POST /api/v1/analyses: the outcome stores exactly those colours.
        using var analysisForm = PhotoFiles.Form(photo, PhotoFiles.SceneRegions, "scene.png");
        using var analysis = JsonDocument.Parse(await (await client.PostAsync("/api/v1/analyses", analysisForm)).Content.ReadAsStringAsync());
        var skin = Lab(analysis.RootElement.GetProperty("skin").GetProperty("lab"));
        var dots = Lab(analysis.RootElement.GetProperty("hair").GetProperty("lab"));
        Assert.True(DeltaE.Ciede2000(skin, Lab(body.GetProperty("skinLab"))) < 0.01);
        Assert.True(DeltaE.Ciede2000(dots, Lab(body.GetProperty("healedLab"))) < 0.01);

        // And those are the scene's painted colours (ImageMagick, Images/Generated/SOURCES.md): skin sRGB 226,182,154, strands 55,40,32.
        Assert.True(DeltaE.Ciede2000(RgbColourSpace.Srgb.ToLab(226 / 255.0, 182 / 255.0, 154 / 255.0), skin) < 1.0);
        Assert.True(DeltaE.Ciede2000(RgbColourSpace.Srgb.ToLab(55 / 255.0, 40 / 255.0, 32 / 255.0), dots) < 1.0);
        // The analysis comes back too, with the regions as marked (not guessed).
        Assert.False(body.GetProperty("analysis").GetProperty("regions").GetProperty("guessed").GetBoolean());
    }

    [Fact]
    public async Task A_follow_up_photo_without_marked_regions_is_refused()
    {
        using var client = factory.Admin();
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene.png"), null, "scene.png");
        form.Add(new StringContent(Outcome), "outcome");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/outcomes", form), HttpStatusCode.BadRequest, "outcome.regions_required");
    }

    [Fact]
    public async Task A_follow_up_photo_with_Lab_values_as_well_is_refused()
    {
        using var client = factory.Admin();
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene.png"), PhotoFiles.SceneRegions, "scene.png");
        form.Add(new StringContent(Outcome.Replace("}", ""","healedLab":{"l":40,"a":2,"b":1}}""", StringComparison.Ordinal)), "outcome");
        var problem = await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/outcomes", form), HttpStatusCode.BadRequest, "outcome.lab_and_photo");
        Assert.Equal("healedLab", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_follow_up_form_without_a_photo_or_outcome_part_is_refused()
    {
        using var client = factory.Admin();
        using var noPhoto = PhotoFiles.Form(null, PhotoFiles.SceneRegions);
        noPhoto.Add(new StringContent(Outcome), "outcome");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/outcomes", noPhoto), HttpStatusCode.BadRequest, "photo.missing");

        using var noOutcome = PhotoFiles.Form(PhotoFiles.Generated("scene.png"), PhotoFiles.SceneRegions, "scene.png");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/outcomes", noOutcome), HttpStatusCode.BadRequest, "request.invalid");
    }

    private static Lab Lab(JsonElement e) => new(e.GetProperty("l").GetDouble(), e.GetProperty("a").GetDouble(), e.GetProperty("b").GetDouble());
}
