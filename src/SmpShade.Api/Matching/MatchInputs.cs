using SmpShade.Api.Data;

namespace SmpShade.Api.Matching;

/// <summary>What a match reads from the database every time it reads: the catalogue fingerprint and the correction in force.</summary>
/// <param name="Fingerprint">The catalogue store's fingerprint (<see cref="IPigmentSource.GetFingerprintAsync"/>), which
/// <see cref="PreparedCatalogueCache"/> keys prepared catalogues by.</param>
/// <param name="Correction">The healed-tone correction in force, or null for physics-only.</param>
public sealed record MatchFacts(long Fingerprint, IHealedToneCorrection? Correction);

/// <summary>
/// The <see cref="MatchFacts"/> the last match read, reused on SQLite while nothing was written to the database file:
/// neither this process's <see cref="LocalWrites"/> nor the file's <see cref="SqliteDataVersion"/> (which moves on every
/// commit by another connection, another process's included) changed since that read began. So an import or a promotion,
/// through this process or another one on the same file, is seen by the next match that starts after it committed.
/// Each read opens a pooled SQLite connection, and Microsoft.Data.Sqlite's pool lock was where 16 concurrent matches
/// waited (issue 15, docs/operations.md); checking data_version takes a lock of its own for a few microseconds instead.
/// Only these two small facts are kept, one generation at a time: prepared catalogues stay in
/// <see cref="PreparedCatalogueCache"/> (bounded), looked up by the fingerprint. On PostgreSQL every match reads.
/// </summary>
public sealed class MatchInputs(LocalWrites writes, SqliteDataVersion? dataVersion = null)
{
    private Entry? last;
    private long reads;

    /// <summary>How many times matches read the database (for tests).</summary>
    internal long Reads => Interlocked.Read(ref reads);

    /// <summary>Whether facts of a generation are kept (0 or 1; for tests: nothing larger is kept here).</summary>
    internal int Held => Volatile.Read(ref last) is null ? 0 : 1;

    /// <summary>The facts for a match: the last ones read if the database has not changed since, else <paramref name="read"/>'s.</summary>
    public async Task<MatchFacts> GetAsync(Func<CancellationToken, Task<MatchFacts>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        // Taken before reading: a write committed meanwhile moves it, so what was read is read again by the next match.
        var generation = Generation();
        if (generation is { } g && Volatile.Read(ref last) is { } hit && hit.Generation == g)
        {
            return hit.Facts;
        }

        Interlocked.Increment(ref reads);
        var facts = await read(cancellationToken);
        if (generation is { } taken)
        {
            Volatile.Write(ref last, new Entry(taken, facts));
        }

        return facts;
    }

    // Null: do not reuse (PostgreSQL, or data_version unreadable).
    private (long Local, long File)? Generation()
    {
        if (!writes.Sqlite)
        {
            return null;
        }

        long local = writes.Generation;
        if (dataVersion is null)
        {
            return (local, 0);
        }

        return dataVersion.Read() is { } file ? (local, file) : null;
    }

    private sealed record Entry((long Local, long File) Generation, MatchFacts Facts);
}
