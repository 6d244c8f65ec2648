using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SmpShade.Api.Catalogue;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// Document-wide details: what each tag is for, and the problem body's extensions (<c>code</c> on every problem,
/// <c>errors</c> on a catalogue's row errors, <c>field</c>, <c>columns</c>/<c>fields</c>, <c>traceId</c>), so a
/// generated client can read them as typed properties.
/// </summary>
internal sealed class OpenApiDocumentDetails : IDocumentFilter
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Analyses", "Practitioners: measure hair and skin colour (CIELAB D65) in a photo with a grey card or a ColorChecker. Nothing of the photo is stored."),
        ("Matching", "Practitioners and clinic software: rank every catalogue pigment at every dilution by its predicted healed colour on this client's skin."),
        ("Outcomes", "Clinic software: record what a pigment actually healed to (clinic or admin key); the service learns its error from them."),
        ("Models", "Admins: train the learnt healed-tone correction and see which version is in force."),
        ("Catalogue", "Suppliers: load a catalogue (CSV, JSON or CxF3) as a new immutable version; anyone may read suppliers and pigments."),
        ("Keys", "Admins: issue, list and revoke API keys."),
    ];

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));

        if (swaggerDoc.Components?.Schemas?.TryGetValue("ProblemDetails", out var problem) == true && problem is OpenApiSchema schema)
        {
            swaggerDoc.Components.Schemas[nameof(RowError)] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "One bad row of a catalogue file.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["row"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "CSV: the file's line (header = 1); JSON and CxF: the pigment's index from 1." },
                    ["column"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The column or field at fault." },
                    ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What is wrong, in words." },
                },
                // RowError(int Row, string Column, string Reason): each always written (OpenApiNullability's rule for answers).
                Required = new HashSet<string> { "row", "column", "reason" },
            };
            schema.Description = "RFC 9457 problem details. Switch on `code`, never on the title or detail.";
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Stable machine-readable code of the mistake, e.g. `catalogue.row_invalid`; the full list is in docs/api.md.",
                Examples = [JsonValue.Create("catalogue.row_invalid")],
            };
            schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, for the service's logs." };
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "`catalogue.row_invalid` only: every bad row of the file (nothing was stored).",
                Items = new OpenApiSchemaReference(nameof(RowError), swaggerDoc),
            };
            schema.Properties["errorCount"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "`catalogue.row_invalid` only: how many row errors there are." };
            schema.Properties["accepted"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "`request.unsupported_media_type` (415) only: the media types the operation takes." };
            schema.Properties["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Matches and outcomes: the request field at fault, e.g. `skinLab`." };
            schema.Properties["columns"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "CSV catalogues: the unknown, repeated or missing columns." };
            schema.Properties["fields"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "JSON catalogues: the unknown or repeated fields." };
            schema.Required = new HashSet<string> { "code" };
        }
    }
}
