using System.Net;
using System.Net.Http.Headers;
using SmpShade.Api.Photos;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Photos;

/// <summary>Bad input answers 4xx problem details with a stable code, never 500 (issue 3).</summary>
[Collection(SharedApi.Name)]
public sealed class BadPhotoTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<System.Text.Json.JsonElement> PostAsync(HttpContent content, HttpStatusCode status, string code, string title)
    {
        var response = await client.PostAsync("/api/v1/analyses", content);
        var problem = await ProblemAssert.IsProblemAsync(response, status, code);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal($"https://smpshade.org/problems/{code}", problem.GetProperty("type").GetString());
        return problem;
    }

    [Fact]
    public async Task Upload_without_a_photo_part_is_refused()
    {
        using var form = PhotoFiles.Form(null, PhotoFiles.SceneRegions);
        var problem = await PostAsync(form, HttpStatusCode.BadRequest, "photo.missing", "The request has no photo.");
        Assert.Equal("Add the photo as a file part named 'photo'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_that_is_not_multipart_is_refused_as_unsupported_media()
    {
        using var content = new ByteArrayContent(PhotoFiles.Generated("scene_sRGB_8.jpg"));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        // Routing refuses it (the endpoint accepts only multipart/form-data), with the framework status's stable code.
        var response = await client.PostAsync("/api/v1/analyses", content);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task Upload_of_an_empty_file_is_refused_as_corrupt()
    {
        using var form = PhotoFiles.Form([], PhotoFiles.SceneRegions);
        var problem = await PostAsync(form, HttpStatusCode.BadRequest, "image.corrupt", "The photo could not be read.");
        Assert.Equal("The photo file is empty.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_of_a_truncated_jpeg_is_refused_as_corrupt()
    {
        var bytes = PhotoFiles.Generated("scene_sRGB_8.jpg");
        using var form = PhotoFiles.Form(bytes[..(bytes.Length * 2 / 3)], PhotoFiles.SceneRegions);
        await PostAsync(form, HttpStatusCode.BadRequest, "image.corrupt", "The photo could not be read.");
    }

    [Fact]
    public async Task Upload_of_a_truncated_png_is_refused_as_corrupt()
    {
        var bytes = PhotoFiles.Generated("scene_DisplayP3_16.png");
        using var form = PhotoFiles.Form(bytes[..(bytes.Length / 2)], PhotoFiles.SceneRegions, "scene.png");
        await PostAsync(form, HttpStatusCode.BadRequest, "image.corrupt", "The photo could not be read.");
    }

    [Fact]
    public async Task Upload_of_text_is_refused_as_corrupt()
    {
        using var form = PhotoFiles.Form("this is not a photo, just some words"u8.ToArray(), PhotoFiles.SceneRegions, "notes.txt");
        await PostAsync(form, HttpStatusCode.BadRequest, "image.corrupt", "The photo could not be read.");
    }

    [Theory]
    [InlineData("scene.gif", "GIF")]
    [InlineData("scene.heic", "HEIF/HEIC")]
    public async Task Upload_of_an_unsupported_format_is_refused_with_415(string file, string name)
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated(file), PhotoFiles.SceneRegions, file);
        var problem = await PostAsync(form, HttpStatusCode.UnsupportedMediaType, "image.unsupported_format", "Unsupported image format.");
        Assert.Equal($"{name} is not accepted; send JPEG, PNG (8 or 16 bit), WebP or TIFF.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_multi_page_tiff_is_refused_before_any_page_is_decoded()
    {
        // Page 2's strip lies past the end of the file: only a decoder that reads page 2 notices (image.corrupt).
        using var form = PhotoFiles.Form(Bombs.MultiPageTiff(64, 64, 3), PhotoFiles.SceneRegions, "pages.tif");
        await PostAsync(form, (HttpStatusCode)422, "image.too_many_frames", "Send a single still photo.");
    }

    [Fact]
    public async Task An_animated_webp_is_refused_as_several_frames()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("animated.webp"), PhotoFiles.SceneRegions, "animated.webp");
        await PostAsync(form, (HttpStatusCode)422, "image.too_many_frames", "Send a single still photo.");
    }

    [Fact]
    public async Task A_tiff_whose_strip_lies_past_the_end_of_the_file_is_refused_as_corrupt()
    {
        // ImageSharp 2.1 throws a NullReferenceException on this file.
        using var form = PhotoFiles.Form(Bombs.MultiPageTiff(64, 64, 1, damagedFirstPage: true), PhotoFiles.SceneRegions, "damaged.tif");
        await PostAsync(form, HttpStatusCode.BadRequest, "image.corrupt", "The photo could not be read.");
    }

    [Fact]
    public async Task A_single_page_tiff_written_by_the_test_helper_is_measured()
    {
        // The control for the multi-page test: the same file with one page is a valid photo.
        using var form = PhotoFiles.Form(Bombs.MultiPageTiff(64, 64, 1), PhotoFiles.SceneRegions, "page.tif");
        var response = await client.PostAsync("/api/v1/analyses", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    public async Task Upload_rejects_an_image_larger_than_the_pixel_limit_before_decoding(string kind)
    {
        // 30000 × 30000 claimed in a header of a few hundred bytes: decoding would need 2.7 GB (Rgb24).
        var bomb = kind == "png" ? Bombs.Png(30000, 30000) : Bombs.Jpeg(PhotoFiles.Generated("scene_sRGB_8.jpg"), 30000, 30000);
        using var form = PhotoFiles.Form(bomb, PhotoFiles.SceneRegions);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var problem = await PostAsync(form, HttpStatusCode.RequestEntityTooLarge, "image.too_many_pixels", "The photo has too many pixels.");
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal("30000×30000 exceeds the limit of 50000000 pixels.", problem.GetProperty("detail").GetString());
        // The whole request (host included) allocates far less than one decoded row band of such an image.
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated} bytes allocated while refusing a bomb");
    }

    [Theory]
    [InlineData("{not json", "options.invalid")]
    [InlineData("""{"regions":{"hair":{"rect":[0.1,0.1,0.2]},"skin":{"rect":[0.1,0.5,0.2,0.2]}}}""", "region.invalid")]
    [InlineData("""{"regions":{"hair":{"rect":[0.9,0.1,0.2,0.2]},"skin":{"rect":[0.1,0.5,0.2,0.2]}}}""", "region.invalid")]
    [InlineData("""{"regions":{"hair":{"rect":[0.1,0.1,0,0.2]},"skin":{"rect":[0.1,0.5,0.2,0.2]}}}""", "region.invalid")]
    [InlineData("""{"regions":{"hair":{"polygon":[[0.1,0.1],[0.2,0.2],[0.3,0.3]]},"skin":{"rect":[0.1,0.5,0.2,0.2]}}}""", "region.invalid")]
    [InlineData("""{"regions":{"hair":{"polygon":[[0.1,0.1],[1.2,0.2],[0.3,0.6]]},"skin":{"rect":[0.1,0.5,0.2,0.2]}}}""", "region.invalid")]
    [InlineData("""{"regions":{"hair":{"rect":["NaN",0.1,0.2,0.2]},"skin":{"rect":[0.1,0.5,0.2,0.2]}}}""", "options.invalid")]
    [InlineData("""{"regions":{"hair":{"rect":[0.1,0.1,0.2,0.2]}}}""", "regions.incomplete")]
    [InlineData("""{"regions":{"hair":{"rect":[0.1,0.1,0.2,0.2],"circle":1},"skin":{"rect":[0.1,0.5,0.2,0.2]}}}""", "options.invalid")]
    [InlineData("""{"colour":"blue"}""", "options.invalid")]
    [InlineData("""{"reference":{"type":"whiteCard"}}""", "reference.unknown_type")]
    [InlineData("""{"reference":{"type":"colorChecker24","corners":[[0.1,0.1],[0.9,0.1],[0.9,0.9]]}}""", "reference.corners_invalid")]
    [InlineData("""{"reference":{"type":"greyCard"}}""", "reference.region_missing")]
    [InlineData("""{"regions":{"reference":{"rect":[0.6,0.6,0.3,0.3]}},"reference":{"type":"greyCard","reflectance":1.5}}""", "reference.invalid")]
    [InlineData("""{"regions":{"reference":{"rect":[0.6,0.6,0.3,0.3]}},"reference":{"type":"greyCard","reflectance":0.005}}""", "reference.invalid")]
    [InlineData("""{"regions":{"reference":{"rect":[0.6,0.6,0.3,0.3]}},"reference":{"type":"greyCard","lab":{"l":0.5,"a":0,"b":0}}}""", "reference.invalid")]
    [InlineData("""{"regions":{"reference":{"rect":[0.6,0.6,0.3,0.3]}},"reference":{"type":"greyCard","lab":{"l":50,"a":0,"b":300}}}""", "reference.invalid")]
    public async Task Malformed_options_are_refused_with_a_stable_code(string options, string code)
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), options);
        var response = await client.PostAsync("/api/v1/analyses", form);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    /// <summary>A chart without corners is searched for (issue 13); a photo without one is a clear 422, not a 400.</summary>
    [Fact]
    public async Task A_chart_without_corners_in_a_photo_without_a_chart_is_unprocessable_with_a_reference_code()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Real("portrait-light-skin_sRGB.png"), """{"reference":{"type":"colorChecker24"}}""", "portrait.png");
        var response = await client.PostAsync("/api/v1/analyses", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = PhotoFiles.Json(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("reference.chart_", problem.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Contains("tap its four corners", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"reflectance":0.0113}""")] // L* 10, the darkest card accepted (OptionsValidator.MinCardL)
    [InlineData("""{"lab":{"l":10,"a":0,"b":0}}""")]
    [InlineData("""{"lab":{"l":96,"a":-128,"b":128}}""")]
    public async Task Grey_cards_at_the_edges_of_the_accepted_range_are_not_refused_as_invalid(string card)
    {
        // Such a card region (the scene's grey patch) may still give an implausible colour (422), but not a 400.
        string options = """{"regions":{"hair":{"rect":[0.125,0.06,0.75,0.38]},"skin":{"rect":[0.05,0.6,0.5,0.35]},"reference":{"rect":[0.62,0.62,0.25,0.25]}},"reference":{"type":"greyCard",""" + card[1..] + "}";
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), options);
        var response = await client.PostAsync("/api/v1/analyses", form);
        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Options_sent_as_a_file_part_are_used_not_ignored()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"));
        var options = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(PhotoFiles.SceneRegions));
        options.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(options, "options", "options.json"); // what curl -F options=@options.json sends

        var response = await client.PostAsync("/api/v1/analyses", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var regions = PhotoFiles.Json(await response.Content.ReadAsStringAsync()).GetProperty("regions");
        Assert.False(regions.GetProperty("guessed").GetBoolean());
        Assert.Equal(0.125, regions.GetProperty("hair").GetProperty("rect")[0].GetDouble()); // PhotoFiles.SceneRegions
    }

    [Fact]
    public async Task Two_photo_parts_are_refused_rather_than_one_chosen()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        form.Add(new ByteArrayContent(PhotoFiles.Generated("dark-skin_8.jpg")), "photo", "other.jpg");
        await PostAsync(form, HttpStatusCode.BadRequest, "photo.duplicate", "Send one photo per request.");
    }

    [Fact]
    public async Task Two_options_parts_are_refused_rather_than_joined()
    {
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        form.Add(new StringContent(PhotoFiles.SceneRegions), "options");
        await PostAsync(form, HttpStatusCode.BadRequest, "options.duplicate", "Send one 'options' part.");
    }

    [Fact]
    public async Task Options_over_64_kB_are_refused_as_too_large()
    {
        string huge = """{"regions":null""" + new string(' ', AnalysisForm.MaxJsonPartBytes) + "}";
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), huge);
        await PostAsync(form, HttpStatusCode.RequestEntityTooLarge, "options.too_large", "The 'options' part is too large.");
    }

    [Fact]
    public async Task A_form_with_too_many_parts_is_not_called_a_too_large_photo()
    {
        // ASP.NET Core's form reader stops at 1024 values (FormOptions.ValueCountLimit); the photo itself is small.
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), PhotoFiles.SceneRegions);
        for (int i = 0; i < 1100; i++)
        {
            form.Add(new StringContent("x"), $"field{i}");
        }

        await PostAsync(form, HttpStatusCode.BadRequest, "request.invalid_form", "The multipart form could not be read.");
    }

    [Fact]
    public async Task A_region_smaller_than_a_pixel_is_unprocessable()
    {
        const string options = """{"regions":{"hair":{"rect":[0.5,0.2,0.0005,0.0005]},"skin":{"rect":[0.1,0.6,0.3,0.3]}}}""";
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), options);
        var problem = await PostAsync(form, HttpStatusCode.UnprocessableEntity, "region.empty", "The hair region holds no pixels.");
        Assert.Equal("regions.hair is smaller than one pixel of this 256×256 photo.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_small_region_is_measured_with_a_sample_too_small_warning()
    {
        // 0.03 × 0.03 of 256 px ≈ 8 × 8 = 64 pixels, below the default 200.
        const string options = """{"regions":{"hair":{"rect":[0.125,0.06,0.75,0.38]},"skin":{"rect":[0.1,0.6,0.03,0.03]}}}""";
        using var form = PhotoFiles.Form(PhotoFiles.Generated("scene_sRGB_8.jpg"), options);
        var response = await client.PostAsync("/api/v1/analyses", form);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains(PhotoFiles.Json(body).GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "sample.too_small");
    }
}
