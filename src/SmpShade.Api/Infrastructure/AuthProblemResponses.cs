using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SmpShade.Api.Auth;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// Documents what <see cref="ApiKeyMiddleware"/> does before a handler runs, on every operation it guards: the key it
/// needs (a security requirement, and the roles in words), and its answers 401 (no key where one is needed, or a key
/// that is not valid), 429 (too many failed key attempts) and, for role-bound endpoints, 403. Problems are added only
/// where the endpoint does not declare the status itself, so a feature never has to remember the middleware's answers.
/// </summary>
internal sealed class AuthProblemResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var roles = metadata.OfType<RequireRolesMetadata>().FirstOrDefault();
        bool read = metadata.OfType<ReadAccessMetadata>().Any();
        var key = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.ApiKeyScheme, context.Document)] = [] };
        if (roles is null && !read)
        {
            operation.Security = []; // open: no key is read
            return;
        }

        // A read endpoint takes a key or none (the empty requirement); which one depends on Auth:RequireKeyForReads.
        operation.Security = roles is null ? [key, new OpenApiSecurityRequirement()] : [key];
        string who = roles is null
            ? "Key: none needed unless the service runs with Auth:RequireKeyForReads=true; a key that is sent is always checked."
            : $"Key: role {string.Join(" or ", roles.Roles)}" + (roles.Roles.Contains(Roles.Supplier) ? " (a supplier key only for its own supplier)." : ".");
        operation.Description = string.IsNullOrEmpty(operation.Description) ? who : operation.Description + "\n\n" + who;

        operation.Responses ??= [];
        Add(operation, context, StatusCodes.Status401Unauthorized, "No key where one is needed (`auth.key_required`), or a key that is not valid (`auth.key_invalid`).");
        if (roles is not null)
        {
            Add(operation, context, StatusCodes.Status403Forbidden, "The key's role may not do this (`auth.forbidden`).");
        }

        Add(operation, context, StatusCodes.Status429TooManyRequests, "Too many failed key attempts from this address (`auth.too_many_attempts`); see Retry-After.");
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string description)
    {
        string key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing))
        {
            if (existing is OpenApiResponse response && response.Description is "Unauthorized" or "Forbidden" or "Too Many Requests")
            {
                response.Description = description;
            }

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
