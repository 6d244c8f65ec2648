using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SmpShade.Api.Auth;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Catalogue;

/// <summary><c>PUT /api/v1/suppliers/{supplier}/catalogue</c>: validate the whole file, then store it as one new version.</summary>
public static class CatalogueImportEndpoint
{
    /// <summary>Validates a whole catalogue and stores it as the supplier's next version, all or nothing.</summary>
    /// <param name="supplier">The supplier's slug: lower-case letters, digits and hyphens, 1–64 characters ; a supplier key may only name its own.</param>
    /// <param name="dryRun">true: validate only, store nothing (200 instead of 201).</param>
    /// <param name="specular">How the colours were measured: <c>included</c> (SCI, the default) or <c>excluded</c> (SCE); <c>SCI</c>/<c>SCE</c> are accepted too. A CSV can say it only here; a JSON or CxF file that says it too must agree.</param>
    /// <param name="context">The request, whose body is the catalogue.</param>
    /// <param name="importer">Parses and stores catalogues.</param>
    /// <param name="options">Catalogue settings (the body limit).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    public static async Task<Results<Created<ImportResult>, Ok<ImportResult>, ProblemHttpResult>> PutAsync(
        string supplier, bool? dryRun, [WireValues(typeof(SpecularComponent))] string? specular, HttpContext context, CatalogueImporter importer, IOptions<CatalogueOptions> options,
        CancellationToken cancellationToken)
    {
        var caller = context.GetCaller()!; // RequireRoles guarantees one
        if (!caller.MayWriteSupplier(supplier))
        {
            return Problems.Create(StatusCodes.Status403Forbidden, "auth.forbidden", "This key may not change that catalogue.",
                $"A supplier key only loads its own supplier's catalogue ({caller.Supplier}).");
        }

        if (!SupplierSlug.IsValid(supplier))
        {
            return Problems.BadRequest("catalogue.supplier_invalid", "Bad supplier slug.", "Lower-case letters, digits and hyphens, 1–64 characters.");
        }

        string? stated = specular is null ? null : SpecularComponent.Parse(specular) ?? throw SpecularComponent.Invalid(specular);
        string? format = FormatOf(context.Request.ContentType);
        if (format is null)
        {
            throw UnsupportedMediaType.Problem(context.Request, CatalogueEndpoints.MediaTypes);
        }

        long max = options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            throw CatalogueProblems.TooLarge(max);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        var builder = new CatalogueBuilder(options.Value.MaxPigments, options.Value.MaxDilutionSteps);
        try
        {
            var body = new LimitedStream(context.Request.Body, max);
            await (format switch
            {
                "csv" => CsvCatalogueReader.ReadAsync(body, builder, cancellationToken, CsvCatalogueReader.EncodingOf(Charset(context.Request.ContentType))),
                "cxf" => CxfCatalogueReader.ReadAsync(body, builder, cancellationToken),
                _ => JsonCatalogueReader.ReadAsync(body, builder, cancellationToken),
            });
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's own body limit (set above) names the catalogue's limit, not the generic request.too_large.
            throw CatalogueProblems.TooLarge(max);
        }

        if (builder.RowCount > 0 && !builder.AnyIlluminant)
        {
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "catalogue.illuminant_missing",
                "The catalogue does not state its illuminant.", "Give D50 or D65: values without measurement conditions cannot be compared.");
        }

        if (stated is not null && builder.Specular is { } inFile && inFile != stated)
        {
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "catalogue.specular_conflict",
                "The request and the file disagree on the specular component.",
                $"The request says specular={stated}, the file says {inFile}. Leave the parameter out or make them agree.");
        }

        string mode = stated ?? builder.Specular ?? SpecularComponent.Default;
        if (builder.ErrorCount > 0)
        {
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "catalogue.row_invalid", "Some rows are invalid; nothing was stored.",
                $"{builder.ErrorCount} problem(s); fix them all and send the whole file again.",
                [new("errors", builder.Errors), new("errorCount", builder.ErrorCount)]);
        }

        if (builder.Pigments.Count == 0)
        {
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "catalogue.empty", "The catalogue is empty.", "The file has a header but no rows.");
        }

        if (dryRun == true)
        {
            return TypedResults.Ok(new ImportResult(supplier, null, builder.Pigments.Count, DryRun: true, mode));
        }

        int version = await importer.ImportAsync(supplier, builder.Pigments, format, caller.KeyId, cancellationToken, mode);

        return TypedResults.Created($"/api/v1/suppliers/{supplier}/pigments?version={version}",
            new ImportResult(supplier, version, builder.Pigments.Count, DryRun: false, mode));
    }

    private static string? Charset(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) ? media.Charset.Value : null;

    private static string? FormatOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        string type = media.MediaType.Value?.ToLowerInvariant() ?? "";
        return type switch
        {
            "text/csv" or "application/csv" => "csv",
            "application/json" => "json",
            "application/xml" or "text/xml" or "application/vnd.cxf+xml" => "cxf",
            _ when type.EndsWith("+json", StringComparison.Ordinal) => "json",
            _ => null,
        };
    }
}
