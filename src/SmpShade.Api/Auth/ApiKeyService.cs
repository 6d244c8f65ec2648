using Microsoft.EntityFrameworkCore;
using SmpShade.Api.Data;

namespace SmpShade.Api.Auth;

/// <summary>Issues, checks and revokes API keys against the database.</summary>
public sealed class ApiKeyService(SmpShadeDbContext db, TimeProvider time)
{
    /// <summary>
    /// The caller a presented key belongs to, or null when it is unknown or revoked; with a failure, the id of the
    /// active key whose lookup id the presented key carries (someone guessing that key's secret), or null.
    /// </summary>
    public async Task<(ApiCaller? Caller, string? TargetedKeyId)> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        string hash = ApiKeyHasher.Hash(presented);
        string prefix = LookupPrefix(presented, hash);
        var candidates = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix == prefix && k.RevokedAt == null)
            .ToListAsync(cancellationToken);
        var key = candidates.FirstOrDefault(k => ApiKeyHasher.Matches(hash, k.Hash));
        return key is null ? (null, candidates.FirstOrDefault()?.Id) : (new ApiCaller(key.Id, key.Role, key.Supplier), null);
    }

    /// <summary>Stores a new key's hash and returns the row and the key, which is never available again.</summary>
    public async Task<(ApiKey Row, string Key)> CreateAsync(string name, string role, string? supplier, CancellationToken cancellationToken)
    {
        string key = ApiKeyHasher.NewKey();
        var row = await StoreAsync(key, name, role, supplier, cancellationToken);
        return (row, key);
    }

    /// <summary>Stores a key chosen elsewhere (the configured bootstrap key).</summary>
    public async Task<ApiKey> StoreAsync(string key, string name, string role, string? supplier, CancellationToken cancellationToken)
    {
        string hash = ApiKeyHasher.Hash(key);
        var row = new ApiKey
        {
            Id = ApiKeyHasher.NewId(),
            Name = name,
            Role = role,
            Supplier = supplier,
            Prefix = LookupPrefix(key, hash),
            Hash = hash,
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    public async Task<List<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        (await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToList();

    /// <summary>Revokes a key; false when no key has that id. Revoking twice keeps the first time.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<bool> HasActiveAdminAsync(CancellationToken cancellationToken) =>
        db.ApiKeys.AnyAsync(k => k.Role == Roles.Admin && k.RevokedAt == null, cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        string hash = ApiKeyHasher.Hash(key);
        return db.ApiKeys.AnyAsync(k => k.Hash == hash, cancellationToken);
    }

    /// <summary>
    /// Generated keys are found by their non-secret lookup id (<c>smp_</c> + 12 characters); any other key
    /// (a configured one) by the start of its hash, so no characters of such a key are ever stored.
    /// </summary>
    private static string LookupPrefix(string key, string hash) =>
        key.Length == 60 && key.StartsWith("smp_", StringComparison.Ordinal) && key[16] == '_'
            ? key[..ApiKeyHasher.PrefixLength]
            : "h:" + hash[..14];
}
