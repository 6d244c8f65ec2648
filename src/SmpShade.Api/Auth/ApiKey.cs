namespace SmpShade.Api.Auth;

/// <summary>A stored API key: only its SHA-256 hash and a short lookup prefix are kept, never the key itself.</summary>
public sealed class ApiKey
{
    /// <summary>Public id (used in <c>DELETE /api/v1/keys/{id}</c> and recorded as "loaded by").</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>One of <see cref="Roles"/>.</summary>
    public required string Role { get; set; }

    /// <summary>The supplier slug a <c>supplier</c> key is bound to; null for other roles.</summary>
    public string? Supplier { get; set; }

    /// <summary>The first characters of the key, indexed, so a presented key is found without scanning every hash.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, lower-case hex.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
