using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Photos;

/// <summary>
/// Reads the <c>multipart/form-data</c> of an analysis (a <c>photo</c> file part and an <c>options</c> JSON part).
/// Static and reusable: <c>POST /api/v1/matches</c> accepts the same form. Throws <see cref="ProblemException"/>.
/// </summary>
public static class AnalysisForm
{
    /// <summary>JSON settings for the options part: web (camelCase, case-insensitive), unknown fields refused.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        AllowDuplicateProperties = false, // {"regions": …, "regions": …} is ambiguous: refused, not last-one-wins
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Slack over the photo limit for the other parts and the multipart framing.</summary>
    private const long FormOverhead = 1024 * 1024;

    /// <summary>Largest JSON part (options, match, outcome): a region polygon of a few thousand points fits easily.</summary>
    public const int MaxJsonPartBytes = 64 * 1024;

    /// <summary>
    /// The photo bytes, the parsed, validated options, and the text of the JSON part named <paramref name="part"/>
    /// (<c>match</c>, <c>outcome</c>; null for none) of a photo request. The upload must arrive within
    /// <see cref="PhotoOptions.UploadSeconds"/> (408 <c>request.upload_timeout</c>), because the caller holds an
    /// analysis slot while it does.
    /// </summary>
    public static async Task<PhotoForm> ReadAsync(HttpRequest request, PhotoOptions limits, string? part,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(limits.UploadSeconds));
        try
        {
            return await ReadWithinAsync(request, limits, part, deadline.Token);
        }
        catch (Exception error) when (error is not ProblemException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // However the cut-off read surfaces (cancelled, or an I/O error from the aborted body), it was the deadline.
            // A cancelled body read leaves Kestrel unable to drain the rest of the upload, so the connection is closed
            // here rather than left to a client still sending: on Kestrel the client sees the connection close; servers
            // that can still answer send the 408 below.
            request.HttpContext.Abort();
            throw new ProblemException(StatusCodes.Status408RequestTimeout, "request.upload_timeout", "The upload took too long.",
                FormattableString.Invariant($"The photo and options must arrive within {limits.UploadSeconds} s. Check the connection, or send a smaller photo."));
        }
    }

    private static async Task<PhotoForm> ReadWithinAsync(HttpRequest request, PhotoOptions limits, string? part,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw UnsupportedMediaType.Problem(request, "multipart/form-data");
        }

        // The request body limit: the server stops reading past it (Kestrel), the form reader too (TestServer, proxies).
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limits.MaxBytes + FormOverhead;
        }

        if (request.ContentLength > limits.MaxBytes + FormOverhead)
        {
            throw PhotoDecoder.TooLarge(limits);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = limits.MaxBytes + FormOverhead,
                ValueLengthLimit = MaxJsonPartBytes,

                // Keep the photo in memory: past this threshold (64 kB by default) the form reader writes a file part to
                // ASPNETCORE_*.tmp on disk, and a photo is personal health data that is never to be stored.
                MemoryBufferThreshold = (int)Math.Min(int.MaxValue, limits.MaxBytes + FormOverhead),
            }, cancellationToken);
        }
        catch (InvalidDataException error) when (error.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            throw PhotoDecoder.TooLarge(limits);
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw PhotoDecoder.TooLarge(limits);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or BadHttpRequestException)
        {
            throw ProblemException.BadRequest("request.invalid_form", "The multipart form could not be read.", error.Message);
        }

        var photos = form.Files.GetFiles("photo");
        if (photos.Count > 1)
        {
            throw ProblemException.BadRequest("photo.duplicate", "Send one photo per request.",
                $"The form has {photos.Count} file parts named 'photo'; which one to measure would be a guess.");
        }

        var file = photos.Count == 1 ? photos[0] : throw ProblemException.BadRequest("photo.missing",
            "The request has no photo.", "Add the photo as a file part named 'photo'.");
        string? options = await JsonPartAsync(form, "options", cancellationToken);
        if (file.Length > limits.MaxBytes)
        {
            throw PhotoDecoder.TooLarge(limits);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        var parsed = ParseOptions(options);
        return new PhotoForm(bytes, parsed, part is null ? null : await JsonPartAsync(form, part, cancellationToken));
    }

    /// <summary>
    /// The text of a JSON part (<c>options</c>, <c>match</c>, <c>outcome</c>), sent as a plain field or as a file
    /// (<c>curl -F options=@options.json</c>); null when absent. Two parts of that name, or one over
    /// <see cref="MaxJsonPartBytes"/>, are refused rather than joined with a comma or silently ignored.
    /// </summary>
    private static async Task<string?> JsonPartAsync(IFormCollection form, string name, CancellationToken cancellationToken)
    {
        var fields = form[name];
        var files = form.Files.GetFiles(name);
        if (fields.Count + files.Count > 1)
        {
            throw ProblemException.BadRequest($"{name}.duplicate", $"Send one '{name}' part.",
                $"The form has {fields.Count + files.Count} parts named '{name}'.");
        }

        long length = files.Count == 1 ? files[0].Length : System.Text.Encoding.UTF8.GetByteCount(fields.ToString());
        if (length > MaxJsonPartBytes)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge, $"{name}.too_large", $"The '{name}' part is too large.",
                $"JSON parts up to {MaxJsonPartBytes} bytes are accepted.");
        }

        if (files.Count == 0)
        {
            return fields.Count == 0 ? null : fields.ToString();
        }

        using var reader = new StreamReader(files[0].OpenReadStream(), System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Parses and validates an options JSON document (empty means the defaults).</summary>
    public static AnalysisOptions ParseOptions(string? json)
    {
        var options = RequestJson.Parse<AnalysisOptions>(json, JsonOptions, "options.invalid", "The options part is not valid JSON for an analysis.")
            ?? AnalysisOptions.Default;
        OptionsValidator.Validate(options);
        return options;
    }
}

/// <summary>What a photo request's form carries: the photo, its analysis options, and the feature's own JSON part.</summary>
public sealed record PhotoForm(byte[] Photo, AnalysisOptions Options, string? Part);
