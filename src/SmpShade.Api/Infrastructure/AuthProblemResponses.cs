using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SmpShade.Api.Auth;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// Documents the problems <see cref="ApiKeyMiddleware"/> answers before a handler runs, on every operation it guards:
/// 401 (no key where one is needed, or a key that is not valid), 429 (too many failed key attempts) and, for
/// role-bound endpoints, 403. Added only where the endpoint does not declare the status itself, so a feature never
/// has to remember the middleware's answers to be described truthfully.
/// </summary>
internal sealed class AuthProblemResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        bool roles = metadata.OfType<RequireRolesMetadata>().Any();
        if (!roles && !metadata.OfType<ReadAccessMetadata>().Any())
        {
            return;
        }

        operation.Responses ??= [];
        Add(operation, context, StatusCodes.Status401Unauthorized, "Unauthorized");
        if (roles)
        {
            Add(operation, context, StatusCodes.Status403Forbidden, "Forbidden");
        }

        Add(operation, context, StatusCodes.Status429TooManyRequests, "Too Many Requests");
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string description)
    {
        string key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        var schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}
