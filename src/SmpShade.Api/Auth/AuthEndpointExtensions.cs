namespace SmpShade.Api.Auth;

/// <summary>Endpoint conventions that declare who may call an endpoint; <see cref="ApiKeyMiddleware"/> enforces them.</summary>
public static class AuthEndpointExtensions
{
    /// <summary>
    /// Open by default; with <c>Auth:RequireKeyForReads=true</c> a valid key is needed (401 <c>auth.key_required</c> /
    /// <c>auth.key_invalid</c>). A key that is sent is always checked, and its caller is available via GetCaller.
    /// </summary>
    public static TBuilder RequireReadAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ReadAccessMetadata());

    /// <summary>Always needs a valid key (401 without) whose role is one of <paramref name="roles"/> (403 <c>auth.forbidden</c> otherwise).</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequireRolesMetadata(roles));
}

/// <summary>Marks an endpoint readable by anyone unless reads are closed.</summary>
public sealed class ReadAccessMetadata;

/// <summary>Marks an endpoint that needs a key with one of these roles.</summary>
public sealed record RequireRolesMetadata(IReadOnlyList<string> Roles);
