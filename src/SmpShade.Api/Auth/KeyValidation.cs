using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Auth;

/// <summary>A validated key request: a known role, the supplier only for a supplier key, a name of at most 200 characters.</summary>
public sealed record KeyPlan(string Role, string? Supplier, string Name);

/// <summary>Checks a key request at the HTTP boundary (400 problems with stable codes).</summary>
public static class KeyValidation
{
    /// <summary>Longest key name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The plan, or null with <paramref name="problem"/> set.</summary>
    public static KeyPlan? Validate(CreateKeyRequest request, out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        problem = null;
        string? role = request.Role?.Trim().ToLowerInvariant();
        if (role is null || !Roles.All.Contains(role))
        {
            problem = Problems.BadRequest("key.role_invalid", "Unknown role.", "role must be admin, supplier or clinic.");
            return null;
        }

        string? supplier = request.Supplier?.Trim();
        if (role == Roles.Supplier && !SupplierSlug.IsValid(supplier))
        {
            problem = Problems.BadRequest("key.supplier_invalid", "A supplier key needs a supplier slug.",
                "supplier must be lower-case letters, digits and hyphens (1–64).");
            return null;
        }

        if (role != Roles.Supplier && !string.IsNullOrEmpty(supplier))
        {
            problem = Problems.BadRequest("key.supplier_invalid", "Only supplier keys are bound to a supplier.");
            return null;
        }

        string name = string.IsNullOrWhiteSpace(request.Name) ? $"{role} key" : request.Name.Trim();
        if (name.Length > MaxNameLength)
        {
            problem = Problems.BadRequest("key.name_invalid", $"The key name is longer than {MaxNameLength} characters.");
            return null;
        }

        return new KeyPlan(role, role == Roles.Supplier ? supplier : null, name);
    }
}
