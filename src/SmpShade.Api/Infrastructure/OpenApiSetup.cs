using Microsoft.OpenApi;

namespace SmpShade.Api.Infrastructure;

public static class OpenApiSetup
{
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
                    + "predict each pigment's healed tone in the client's skin, rank by CIEDE2000.",
            });
            // The API-key middleware's 401/403/429 answers, on every endpoint it guards.
            options.OperationFilter<AuthProblemResponses>();
            // The code's XML comments describe the request and answer fields (units, ranges, D65) for clinic software.
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
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "SmpShade API v1");
            options.RoutePrefix = "swagger";
        });
        return app;
    }
}
