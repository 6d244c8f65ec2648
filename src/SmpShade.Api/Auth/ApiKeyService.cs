using Microsoft.EntityFrameworkCore;
using SmpShade.Api.Data;

namespace SmpShade.Api.Auth;

/// <summary>
/// Issues, checks and revokes API keys against the database. Generated keys are found by their lookup id and
/// checked with SHA-256; a chosen key (the configured bootstrap key) is stored with a slow salted hash
/// (<see cref="ApiKeyHasher.SlowHash"/>), and one still stored in the old SHA-256 form is accepted and rehashed.
/// </summary>
public sealed class ApiKeyService(SmpShadeDbContext db, TimeProvider time, ChosenKeyVerifier chosen)
{
    /// <summary>
    /// The caller a presented key belongs to, or null when it is unknown or revoked; with a failure, the id of the
    /// active key whose lookup id the presented key carries (someone guessing that key's secret), or null.
    /// </summary>
    public async Task<(ApiCaller? Caller, string? TargetedKeyId)> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        string hash = ApiKeyHasher.Hash(presented);
        if (!IsGenerated(presented))
        {
            var row = await AuthenticateChosenAsync(presented, hash, cancellationToken);
            return (row is null ? null : Caller(row), null);
        }

        var candidates = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix == presented.Substring(0, ApiKeyHasher.PrefixLength) && k.RevokedAt == null)
            .ToListAsync(cancellationToken);
        var key = candidates.FirstOrDefault(k => ApiKeyHasher.Matches(hash, k.Hash));
        return key is null ? (null, candidates.FirstOrDefault()?.Id) : (Caller(key), null);
    }

    /// <summary>Stores a new key's hash and returns the row and the key, which is never available again.</summary>
    public async Task<(ApiKey Row, string Key)> CreateAsync(string name, string role, string? supplier, CancellationToken cancellationToken)
    {
        string key = ApiKeyHasher.NewKey();
        var row = await AddAsync(name, role, supplier, key[..ApiKeyHasher.PrefixLength], ApiKeyHasher.Hash(key), cancellationToken);
        return (row, key);
    }

    /// <summary>
    /// Stores the configured bootstrap key with the slow salted hash (and tells <see cref="ChosenKeyVerifier"/> that
    /// the row is that key's).
    /// </summary>
    public async Task<ApiKey> StoreChosenAsync(string key, string name, string role, string? supplier, CancellationToken cancellationToken)
    {
        var row = await AddAsync(name, role, supplier, ApiKeyHasher.SlowPrefix(ApiKeyHasher.SlowIterations), ApiKeyHasher.SlowHash(key), cancellationToken);
        chosen.KnowConfigured(ApiKeyHasher.Hash(key), [row]);
        return row;
    }

    /// <summary>
    /// Whether the configured bootstrap key is stored, even revoked; one in the old SHA-256 form is rehashed on the way.
    /// The rows it matches are told to <see cref="ChosenKeyVerifier"/>, so wrong keys need not be slow-hashed against them.
    /// </summary>
    public async Task<bool> ChosenExistsAsync(string key, CancellationToken cancellationToken)
    {
        string hash = ApiKeyHasher.Hash(key);
        if (await FindLegacyAsync(hash, cancellationToken) is { } legacy)
        {
            await RehashAsync(legacy, key, cancellationToken);
            chosen.KnowConfigured(hash, [legacy]);
            return true;
        }

        var slow = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix.StartsWith(ApiKeyHasher.SlowPrefixStart)).ToListAsync(cancellationToken);
        var matching = slow.Where(k => ApiKeyHasher.SlowMatches(key, k.Hash, k.Prefix)).ToList();
        chosen.KnowConfigured(hash, matching);
        return matching.Count > 0;
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

    private async Task<ApiKey?> AuthenticateChosenAsync(string presented, string hash, CancellationToken cancellationToken)
    {
        if (chosen.TryRecall(hash, out var known))
        {
            // Verified before in this process: still active and not rehashed since?
            var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == known.Id && k.RevokedAt == null, cancellationToken);
            if (row is not null && row.Hash == known.StoredHash)
            {
                return row;
            }

            chosen.Forget(hash);
        }

        if (await FindLegacyAsync(hash, cancellationToken) is { } legacy)
        {
            await RehashAsync(legacy, presented, cancellationToken);
            chosen.Verified(hash, legacy);
            return legacy.RevokedAt is null ? legacy : null;
        }

        var rows = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix.StartsWith(ApiKeyHasher.SlowPrefixStart) && k.RevokedAt == null)
            .ToListAsync(cancellationToken);
        // Wrong keys cost no slow hash while every active slow-hashed row is the configured key's (ChosenKeyVerifier).
        return rows.Count == 0 || chosen.CannotMatch(hash, rows) ? null : await chosen.VerifyAsync(presented, hash, rows, cancellationToken);
    }

    /// <summary>A chosen key as stored before slow hashes: SHA-256, found by the start of that hash.</summary>
    private Task<ApiKey?> FindLegacyAsync(string hash, CancellationToken cancellationToken)
    {
        string prefix = string.Concat(LegacyPrefix, hash.AsSpan(0, 14));
        return db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash && k.Prefix == prefix, cancellationToken);
    }

    private async Task RehashAsync(ApiKey row, string key, CancellationToken cancellationToken)
    {
        row.Hash = ApiKeyHasher.SlowHash(key);
        row.Prefix = ApiKeyHasher.SlowPrefix(ApiKeyHasher.SlowIterations);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ApiKey> AddAsync(string name, string role, string? supplier, string prefix, string hash, CancellationToken cancellationToken)
    {
        var row = new ApiKey
        {
            Id = ApiKeyHasher.NewId(),
            Name = name,
            Role = role,
            Supplier = supplier,
            Prefix = prefix,
            Hash = hash,
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    private static ApiCaller Caller(ApiKey key) => new(key.Id, key.Role, key.Supplier);

    /// <summary>Generated keys: <c>smp_</c>, a 12-character lookup id, <c>_</c>, the secret (60 characters in all).</summary>
    private static bool IsGenerated(string key) =>
        key.Length == 60 && key.StartsWith("smp_", StringComparison.Ordinal) && key[16] == '_';

    private const string LegacyPrefix = "h:";
}
