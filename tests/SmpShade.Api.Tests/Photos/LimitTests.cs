using System.Net;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Photos;

/// <summary>A service with small photo limits, so ordinary test photos exceed them.</summary>
public sealed class SmallLimitsFactory : SmpShadeFactory
{
    public SmallLimitsFactory()
    {
        Settings["Photos:MaxBytes"] = "8000";
        Settings["Photos:MaxPixels"] = "10000";
    }
}

/// <summary>The byte and pixel limits come from configuration (Photos section) and answer 413.</summary>
public sealed class LimitTests(SmallLimitsFactory factory) : IClassFixture<SmallLimitsFactory>
{
    [Fact]
    public async Task Upload_rejects_a_photo_larger_than_the_byte_limit()
    {
        var photo = PhotoFiles.Generated("scene_Rec2020_8.jpg");
        Assert.True(photo.Length > 8000, "the test photo exceeds the configured limit");
        using var form = PhotoFiles.Form(photo, PhotoFiles.SceneRegions);
        var response = await factory.CreateClient().PostAsync("/api/v1/analyses", form);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "image.too_large");
        Assert.Equal("Photos up to 8000 bytes are accepted.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_rejects_a_request_body_far_over_the_limit()
    {
        // 3 MB of form data against an 8 kB photo limit (+ 1 MB for the form): refused by the body limit itself.
        using var form = PhotoFiles.Form(new byte[3 * 1024 * 1024], PhotoFiles.SceneRegions);
        var response = await factory.CreateClient().PostAsync("/api/v1/analyses", form);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "image.too_large");
    }

    [Fact]
    public async Task Upload_rejects_a_photo_with_more_pixels_than_configured()
    {
        // 256 × 256 = 65 536 pixels > 10 000; the PNG itself (the sRGB scene) is small enough in bytes.
        var photo = PhotoFiles.Generated("scene.png");
        Assert.True(photo.Length < 8000);
        using var form = PhotoFiles.Form(photo, PhotoFiles.SceneRegions, "scene.png");
        var response = await factory.CreateClient().PostAsync("/api/v1/analyses", form);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "image.too_many_pixels");
        Assert.Equal("256×256 exceeds the limit of 10000 pixels.", problem.GetProperty("detail").GetString());
    }
}
