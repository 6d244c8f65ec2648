using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmpShade.Api.Photos;
using SmpShade.Api.Photos.People;

namespace SmpShade.Api.Tests.Photos;

/// <summary>Test photos (Images/, copied to the output) and request builders.</summary>
public static class PhotoFiles
{
    /// <summary>The generated 256×256 scene's regions (Images/Generated/SOURCES.md): strands at x 26–230, y 12–111.</summary>
    public const string SceneRegions =
        """{"regions":{"hair":{"rect":[0.125,0.06,0.75,0.38]},"skin":{"rect":[0.05,0.6,0.5,0.35]}}}""";

    public static byte[] Generated(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "Generated", name));

    public static byte[] Real(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "Real", name));

    /// <summary>A multipart form with a photo part and an optional options part.</summary>
    public static MultipartFormDataContent Form(byte[]? photo, string? options = null, string fileName = "photo.jpg", string partName = "photo")
    {
        var form = new MultipartFormDataContent();
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, partName, fileName);
        }

        if (options is not null)
        {
            form.Add(new StringContent(options), "options");
        }

        return form;
    }

    private static readonly Lazy<PeopleModels> SharedPeople =
        new(() => new PeopleModels(Options.Create(new PhotoOptions()), NullLogger<PeopleModels>.Instance));

    /// <summary>MediaPipe's models as the build restored them beside the tests (loaded once per test run).</summary>
    public static PeopleModels People => SharedPeople.Value;

    /// <summary>An analyser with the default options (or changed ones) and the people-finding models.</summary>
    public static PhotoAnalyzer Analyzer(Action<PhotoOptions>? change = null)
    {
        var options = new PhotoOptions();
        change?.Invoke(options);
        return new PhotoAnalyzer(Options.Create(options), People);
    }

    /// <summary>Analyses bytes with options JSON through the same parsing as the endpoint.</summary>
    public static AnalysisResult Analyse(byte[] photo, string? options = SceneRegions)
    {
        using var analyzer = Analyzer();
        using var slot = analyzer.Reserve(CancellationToken.None);
        return slot.Analyze(photo, AnalysisForm.ParseOptions(options), CancellationToken.None);
    }

    public static JsonElement Json(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }
}
