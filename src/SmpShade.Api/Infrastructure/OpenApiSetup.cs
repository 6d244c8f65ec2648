using Microsoft.OpenApi;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// The OpenAPI document clinic software generates its client from (Kiota in the tests) and CI lints with Redocly's
/// recommended rules (.ci/redocly). What the framework cannot infer is added by the filters named below.
/// </summary>
public static class OpenApiSetup
{
    /// <summary>The security scheme's name in the document: the <c>X-Api-Key</c> header.</summary>
    public const string ApiKeyScheme = "ApiKey";

    public static IServiceCollection AddSmpShadeOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "SmpShade API",
                Version = "v1",
                Description = "Pigment shade matching for scalp micropigmentation: measure hair and skin in CIELAB (D65, 2°), "
                    + "predict each pigment's healed tone in the client's skin, rank by CIEDE2000. Every error is an RFC 9457 "
                    + "problem with a stable `code`. Colour values (Lab, LCh, ΔE00) are answered to 3 decimals, ITA° to 2, normalised coordinates to 4. A body in a media type an operation does not take is 415 `request.unsupported_media_type`, listing the accepted types.",
            });
            // string is not nullable, string? is (Swashbuckle's reading of nullable reference types; OpenApiNullability below).
            options.SupportNonNullableReferenceTypes();
            options.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key (`smp_<id>_<secret>`) issued by an admin. Roles: `admin` (everything), `supplier` "
                    + "(loads its own catalogue), `clinic` (records outcomes). Reads and matching need no key unless the "
                    + "service runs with Auth:RequireKeyForReads=true.",
            });
            // Tag descriptions and the problem schema's `code`, `errors` and other extensions.
            options.DocumentFilter<OpenApiDocumentDetails>();
            // Which key each operation needs, and the API-key middleware's 401/403/429 answers.
            options.OperationFilter<AuthProblemResponses>();
            // Request bodies: the photo forms' parts, catalogue formats per media type, examples.
            options.OperationFilter<OpenApiRequestBodies>();
            // Fields and query parameters with a fixed vocabulary ([WireValues]) as enums, from the lists the validation uses.
            options.SchemaFilter<OpenApiEnums>();
            options.ParameterFilter<OpenApiEnums>();
            // Null and presence as the C# contracts say: nullable fields (also objects and enums), required answer fields.
            options.SchemaFilter<OpenApiNullability>();
            options.DocumentFilter<OpenApiNullability>();
            // The code's XML comments describe the request and answer fields (units, ranges, D65) and the parameters.
            string xml = Path.Combine(AppContext.BaseDirectory, "SmpShade.Api.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
        return services;
    }

    /// <summary>OpenAPI document at /openapi/v1.json, Swagger UI at /swagger.</summary>
    public static WebApplication MapSmpShadeOpenApi(this WebApplication app)
    {
        app.UseSwagger(options =>
        {
            options.RouteTemplate = "openapi/{documentName}.json";
            // 3.1, whose JSON Schema can say "this enum or null" in a form Kiota keeps typed (3.0's nullable needs a type
            // beside the reference, which Kiota turns into a plain string): docs/api.md, "A generated client".
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // Relative: the document is served by the service it describes, wherever that is deployed.
            options.PreSerializeFilters.Add((document, _) =>
                document.Servers = [new OpenApiServer { Url = "/", Description = "The service that served this document." }]);
        });
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "SmpShade API v1");
            options.RoutePrefix = "swagger";
        });
        return app;
    }
}
