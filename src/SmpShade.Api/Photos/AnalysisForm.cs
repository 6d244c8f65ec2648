using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;

namespace SmpShade.Api.Photos;

/// <summary>
/// Reads the <c>multipart/form-data</c> of an analysis (a <c>photo</c> file part and an <c>options</c> JSON part).
/// Static and reusable: <c>POST /api/v1/matches</c> accepts the same form. Throws <see cref="PhotoRejectedException"/>.
/// </summary>
public static class AnalysisForm
{
    /// <summary>JSON settings for the options part: web (camelCase, case-insensitive), unknown fields refused.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Slack over the photo limit for the other parts and the multipart framing.</summary>
    private const long FormOverhead = 1024 * 1024;

    /// <summary>The photo bytes and the parsed, validated options of an analysis request.</summary>
    public static async Task<(byte[] Photo, AnalysisOptions Options)> ReadAsync(HttpRequest request, PhotoOptions limits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        if (!request.HasFormContentType)
        {
            throw new PhotoRejectedException(StatusCodes.Status415UnsupportedMediaType, "request.not_multipart",
                "Send the photo as multipart/form-data.", "Expected a multipart/form-data body with a 'photo' file part and an optional 'options' JSON part.");
        }

        // The request body limit: the server stops reading past it (Kestrel), the form reader too (TestServer, proxies).
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limits.MaxBytes + FormOverhead;
        }

        if (request.ContentLength > limits.MaxBytes + FormOverhead)
        {
            throw TooLarge(limits);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = limits.MaxBytes + FormOverhead,
                ValueLengthLimit = 64 * 1024,
            }, cancellationToken);
        }
        catch (InvalidDataException error) when (error.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw TooLarge(limits);
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limits);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or BadHttpRequestException)
        {
            throw PhotoRejectedException.BadRequest("request.invalid_form", "The multipart form could not be read.", error.Message);
        }

        var file = form.Files.GetFile("photo") ?? throw PhotoRejectedException.BadRequest("photo.missing",
            "The request has no photo.", "Add the photo as a file part named 'photo'.");
        if (file.Length > limits.MaxBytes)
        {
            throw TooLarge(limits);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        return (bytes, ParseOptions(form["options"].ToString()));
    }

    /// <summary>Parses and validates an options JSON document (empty means the defaults).</summary>
    public static AnalysisOptions ParseOptions(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return AnalysisOptions.Default;
        }

        AnalysisOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<AnalysisOptions>(json, JsonOptions);
        }
        catch (JsonException error)
        {
            throw PhotoRejectedException.BadRequest("options.invalid", "The options part is not valid JSON for an analysis.", error.Message);
        }

        options ??= AnalysisOptions.Default;
        OptionsValidator.Validate(options);
        return options;
    }

    private static PhotoRejectedException TooLarge(PhotoOptions limits) =>
        new(StatusCodes.Status413PayloadTooLarge, "image.too_large", "The photo is too large.",
            $"Photos up to {limits.MaxBytes} bytes are accepted.");
}
