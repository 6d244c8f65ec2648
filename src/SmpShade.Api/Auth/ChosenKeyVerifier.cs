using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SmpShade.Api.Auth;

/// <summary>
/// Checks a presented key against the slow-hashed (chosen) keys. The slow hash costs about a third of a second of CPU,
/// so it runs one at a time (a flood of wrong keys takes at most one core), and a key that verified is remembered in
/// this process by its SHA-256, so its later requests cost one row lookup like a generated key's. Singleton.
/// </summary>
/// <remarks>
/// <para>
/// A flood of wrong keys would still queue the admin's first request behind one slow hash per wrong key. So the
/// process also keeps the configured bootstrap key's SHA-256 (it holds the key itself anyway, in its configuration)
/// and the slow-hashed rows that key verified against on start. While every active slow-hashed row is one of those,
/// a presented key whose SHA-256 differs from the configured key's cannot verify against any of them (a PBKDF2 row
/// matches only the key it was made from), so it is refused without the slow hash.
/// </para>
/// <para>
/// Why this is safe: nothing new is stored (the database holds the same salted PBKDF2 as before, so a stolen copy
/// costs a guesser exactly what it did); the comparison is constant-time on SHA-256 digests; and as soon as an active
/// slow-hashed row exists that this process has not seen the configured key verify against (another key configured
/// on another replica, a row restored from a backup, none configured here), every presented key takes the slow check
/// as before. A stored pre-filter (a short tag of the key beside its hash) was rejected: whatever fraction of wrong
/// keys a tag turns away online, it turns away offline too, dividing a stolen hash's cost per guess by the same factor.
/// </para>
/// </remarks>
public sealed class ChosenKeyVerifier : IDisposable
{
    private const int MaxRemembered = 1000; // only keys that verified are remembered: a handful in practice

    private readonly ConcurrentDictionary<string, (string Id, string StoredHash)> verified = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim one = new(1, 1);
    private Configured? configured;
    private int slowChecks;

    private sealed record Configured(string Hash, ImmutableHashSet<(string Id, string StoredHash)> Rows);

    /// <summary>Slow checks run (each one PBKDF2 per active slow-hashed row): for tests only, hence internal.</summary>
    internal int SlowChecks => slowChecks;

    /// <summary>The key row a presented key (by its SHA-256) verified against before, and that row's stored hash then.</summary>
    public bool TryRecall(string presentedHash, out (string Id, string StoredHash) row) => verified.TryGetValue(presentedHash, out row);

    public void Forget(string presentedHash) => verified.TryRemove(presentedHash, out _);

    /// <summary>
    /// Records the configured bootstrap key (by its SHA-256) and rows its slow hash was just checked or stored against.
    /// Rows of another key replace what was known; rows of the same key are added.
    /// </summary>
    public void KnowConfigured(string keyHash, IEnumerable<ApiKey> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var known = rows.Select(r => (r.Id, r.Hash));
        ImmutableInterlocked.Update(ref configured, c => c is not null && ApiKeyHasher.Matches(keyHash, c.Hash)
            ? c with { Rows = c.Rows.Union(known) }
            : new Configured(keyHash, [.. known]));
    }

    /// <summary>
    /// True when <paramref name="presentedHash"/> cannot verify against any of <paramref name="activeRows"/> (all active
    /// slow-hashed rows): each is known to be the configured key's, and the presented key is not that key.
    /// </summary>
    public bool CannotMatch(string presentedHash, IReadOnlyList<ApiKey> activeRows)
    {
        ArgumentNullException.ThrowIfNull(activeRows);
        var c = Volatile.Read(ref configured);
        return c is not null && activeRows.All(r => c.Rows.Contains((r.Id, r.Hash))) && !ApiKeyHasher.Matches(presentedHash, c.Hash);
    }

    /// <summary>A row <paramref name="presentedHash"/>'s key verified against (or was rehashed into): known, if it is the configured key.</summary>
    public void Verified(string presentedHash, ApiKey row)
    {
        if (Volatile.Read(ref configured) is { } c && ApiKeyHasher.Matches(presentedHash, c.Hash))
        {
            KnowConfigured(presentedHash, [row]);
        }
    }

    /// <summary>The row among <paramref name="rows"/> whose slow hash <paramref name="presented"/> matches, remembered; or null.</summary>
    public async Task<ApiKey?> VerifyAsync(string presented, string presentedHash, IReadOnlyList<ApiKey> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await one.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref slowChecks);
            var row = rows.FirstOrDefault(k => ApiKeyHasher.SlowMatches(presented, k.Hash, k.Prefix));
            if (row is not null && verified.Count < MaxRemembered)
            {
                verified[presentedHash] = (row.Id, row.Hash);
            }

            if (row is not null)
            {
                Verified(presentedHash, row);
            }

            return row;
        }
        finally
        {
            one.Release();
        }
    }

    public void Dispose() => one.Dispose();
}
