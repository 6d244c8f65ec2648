using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Auth;

/// <summary>Issue, list and revoke API keys (admin only).</summary>
public static class KeyEndpoints
{
    public static RouteGroupBuilder MapKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/keys").WithTags("Keys").RequireRoles(Roles.Admin);
        group.MapPost("/", CreateAsync).WithName("CreateKey").WithSummary("Issue an API key; the key is shown only in this answer.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", ListAsync).WithName("ListKeys").WithSummary("List keys (ids, roles, prefixes; never the keys).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id}", RevokeAsync).WithName("RevokeKey").WithSummary("Revoke a key; it stops working at once.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateAsync(
        CreateKeyRequest request, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var plan = KeyValidation.Validate(request, out var problem);
        if (plan is null)
        {
            return problem!;
        }

        var (row, key) = await keys.CreateAsync(plan.Name, plan.Role, plan.Supplier, cancellationToken);
        return TypedResults.Created($"/api/v1/keys/{row.Id}", new CreatedKey(row.Id, key, row.Role, row.Supplier, row.Name, row.CreatedAt));
    }

    public static async Task<Ok<KeyList>> ListAsync(ApiKeyService keys, CancellationToken cancellationToken)
    {
        var rows = await keys.ListAsync(cancellationToken);
        return TypedResults.Ok(new KeyList(rows.Select(k =>
            new KeyInfo(k.Id, k.Name, k.Role, k.Supplier, k.Prefix, k.CreatedAt, k.RevokedAt)).ToList()));
    }

    /// <summary>Revokes a key.</summary>
    /// <param name="id">The key's id, as issued or listed (not the key itself).</param>
    /// <param name="keys">The key store.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, ApiKeyService keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("key.not_found", "No key has that id.");
}
