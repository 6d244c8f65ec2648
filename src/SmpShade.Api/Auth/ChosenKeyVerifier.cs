using System.Collections.Concurrent;

namespace SmpShade.Api.Auth;

/// <summary>
/// Checks a presented key against the slow-hashed (chosen) keys. The slow hash costs about a third of a second of CPU,
/// so it runs one at a time (a flood of wrong keys takes at most one core), and a key that verified is remembered in
/// this process by its SHA-256, so its later requests cost one row lookup like a generated key's. Singleton.
/// </summary>
public sealed class ChosenKeyVerifier : IDisposable
{
    private const int MaxRemembered = 1000; // only keys that verified are remembered: a handful in practice

    private readonly ConcurrentDictionary<string, (string Id, string StoredHash)> verified = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim one = new(1, 1);

    /// <summary>The key row a presented key (by its SHA-256) verified against before, and that row's stored hash then.</summary>
    public bool TryRecall(string presentedHash, out (string Id, string StoredHash) row) => verified.TryGetValue(presentedHash, out row);

    public void Forget(string presentedHash) => verified.TryRemove(presentedHash, out _);

    /// <summary>The row among <paramref name="rows"/> whose slow hash <paramref name="presented"/> matches, remembered; or null.</summary>
    public async Task<ApiKey?> VerifyAsync(string presented, string presentedHash, IReadOnlyList<ApiKey> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await one.WaitAsync(cancellationToken);
        try
        {
            var row = rows.FirstOrDefault(k => ApiKeyHasher.SlowMatches(presented, k.Hash, k.Prefix));
            if (row is not null && verified.Count < MaxRemembered)
            {
                verified[presentedHash] = (row.Id, row.Hash);
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
