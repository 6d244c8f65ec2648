using System.Text.Json.Serialization;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Auth;

// The key endpoints' wire shapes (docs/api.md, Keys); camelCase on the wire.

/// <summary>Unknown fields are refused: a typo or a field the service does not have (an expiry) must not issue a key silently.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateKeyRequest([property: WireValues(typeof(Roles))] string? Role, string? Supplier, string? Name);

public sealed record CreatedKey(string Id, string Key, [property: WireValues(typeof(Roles))] string Role, string? Supplier, string Name, DateTimeOffset CreatedAt);

public sealed record KeyInfo(string Id, string Name, [property: WireValues(typeof(Roles))] string Role, string? Supplier, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

public sealed record KeyList(IReadOnlyList<KeyInfo> Items);
