using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SmpShade.Api.Photos;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// An endpoint that takes the photo form: a <c>photo</c> file, an optional <c>options</c> JSON part and, when
/// <see cref="JsonPart"/> is set, one more JSON part of <see cref="JsonPartType"/>.
/// </summary>
public sealed record PhotoFormMetadata(string? JsonPart = null, Type? JsonPartType = null, string? JsonPartDescription = null);

/// <summary>Marks an endpoint's photo form for the OpenAPI document (<see cref="OpenApiRequestBodies"/>).</summary>
public static class PhotoFormConventions
{
    public static TBuilder AcceptsPhotoForm<TBuilder>(this TBuilder builder, string? jsonPart = null, Type? jsonPartType = null,
        string? jsonPartDescription = null) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PhotoFormMetadata(jsonPart, jsonPartType, jsonPartDescription));
}

/// <summary>
/// Request bodies as clients must send them: the photo forms as multipart with each part's media type (encodings),
/// catalogue bodies typed per media type (CSV text with its columns, CxF3 XML, JSON), and a working example on every
/// body (<see cref="OpenApiExamples"/>; a test sends each one to the service).
/// </summary>
internal sealed class OpenApiRequestBodies : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is null)
        {
            return;
        }

        var form = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<PhotoFormMetadata>().FirstOrDefault();
        if (form is not null)
        {
            body.Content["multipart/form-data"] = PhotoForm(form, context);
        }

        foreach (var (mediaType, content) in body.Content.ToList())
        {
            if (content is not OpenApiMediaType media)
            {
                continue;
            }

            if (mediaType == "text/csv")
            {
                media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = OpenApiExamples.CsvDescription };
                media.Example = JsonValue.Create(OpenApiExamples.CatalogueCsv);
            }
            else if (mediaType.EndsWith("xml", StringComparison.Ordinal))
            {
                media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = OpenApiExamples.CxfDescription };
                media.Example = JsonValue.Create(OpenApiExamples.CatalogueCxf);
            }
            else if (mediaType == "application/json" && media.Schema is OpenApiSchemaReference reference
                && OpenApiExamples.Json.TryGetValue(reference.Reference.Id ?? "", out string? example))
            {
                media.Example = JsonNode.Parse(example);
            }
        }
    }

    private static OpenApiMediaType PhotoForm(PhotoFormMetadata form, OperationFilterContext context)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["photo"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "binary",
                Description = "The photo: JPEG, PNG (8 or 16 bit), WebP or TIFF, one frame, at most Photos:MaxBytes (25 MB) and 50 MP. "
                    + "Measured in memory, never stored or logged.",
            },
            ["options"] = JsonPart(typeof(AnalysisOptions), OpenApiExamples.AnalysisOptions, context,
                "Where hair, skin and the reference are (normalised 0..1 on the upright photo) and what the reference is; "
                + "omit for guessed regions and no reference. At most 64 kB."),
        };
        var encoding = new Dictionary<string, OpenApiEncoding>
        {
            ["photo"] = new() { ContentType = "image/jpeg, image/png, image/webp, image/tiff" },
            ["options"] = new() { ContentType = "application/json" },
        };
        if (form.JsonPart is not null && form.JsonPartType is not null)
        {
            properties[form.JsonPart] = JsonPart(form.JsonPartType, OpenApiExamples.FormParts[form.JsonPart], context, form.JsonPartDescription);
            encoding[form.JsonPart] = new() { ContentType = "application/json" };
        }

        return new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = new HashSet<string> { "photo" } },
            Encoding = encoding,
        };
    }

    // allOf around the reference so the part can carry its own description and example (OpenAPI 3.0 ignores siblings of $ref).
    private static OpenApiSchema JsonPart(Type type, string example, OperationFilterContext context, string? description) => new()
    {
        AllOf = [context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository)],
        Description = description,
        Examples = [JsonNode.Parse(example)!],
    };
}
