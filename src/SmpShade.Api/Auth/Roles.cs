namespace SmpShade.Api.Auth;

/// <summary>The roles an API key carries.</summary>
[Infrastructure.WireVocabulary("KeyRole", "An API key's role: `admin` (everything), `supplier` (its own catalogue), `clinic` (records outcomes).")]
public static class Roles
{
    public const string Admin = "admin", Supplier = "supplier", Clinic = "clinic";

    public static readonly IReadOnlyList<string> All = [Admin, Supplier, Clinic];
}

/// <summary>The authenticated caller of a request.</summary>
/// <param name="KeyId">The id of the key used.</param>
/// <param name="Role">One of <see cref="Roles"/>.</param>
/// <param name="Supplier">The supplier slug a supplier key is bound to.</param>
public sealed record ApiCaller(string KeyId, string Role, string? Supplier)
{
    /// <summary>True when this caller may change the given supplier's catalogue: admin, or that supplier's own key.</summary>
    public bool MayWriteSupplier(string supplier) =>
        Role == Roles.Admin || (Role == Roles.Supplier && string.Equals(Supplier, supplier, StringComparison.Ordinal));
}

public static class CallerExtensions
{
    /// <summary>The caller authenticated by a valid <c>X-Api-Key</c>, or null (no key, or an endpoint without key checks).</summary>
    public static ApiCaller? GetCaller(this HttpContext context) => context.Features.Get<ApiCaller>();
}
