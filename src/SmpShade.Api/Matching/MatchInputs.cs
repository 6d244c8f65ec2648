using System.Collections.Concurrent;
using SmpShade.Api.Data;

namespace SmpShade.Api.Matching;

/// <summary>
/// What a match reads from the database, the prepared catalogue it asked for and the correction in force, kept between
/// matches while <see cref="LocalWrites"/> says nothing changed (SQLite only). Each read opens a pooled SQLite connection,
/// and Microsoft.Data.Sqlite's pool lock was where 16 concurrent matches waited (issue 15, docs/operations.md). A
/// catalogue import or a promotion through this process moves the generation first, so the next match reads again.
/// </summary>
public sealed class MatchInputs(LocalWrites writes)
{
    private const int Capacity = 256;
    private readonly ConcurrentDictionary<string, Entry> entries = new();
    private long reads;

    /// <summary>How many times matches read the database (for tests).</summary>
    internal long Reads => Interlocked.Read(ref reads);

    /// <summary>The catalogue and correction for a match of <paramref name="supplier"/>'s <paramref name="version"/>.</summary>
    public async Task<(PreparedCatalogue Catalogue, IHealedToneCorrection? Correction)> GetAsync(string? supplier, int? version,
        Func<CancellationToken, Task<(PreparedCatalogue, IHealedToneCorrection?)>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        // The generation is taken before reading: a write committed meanwhile moves it, so what was read is read again.
        long generation = writes.Generation;
        string key = $"{supplier ?? "*"}|{version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "current"}";
        if (writes.ProcessOwnsDatabase && entries.TryGetValue(key, out var hit) && hit.Generation == generation)
        {
            return (hit.Catalogue, hit.Correction);
        }

        Interlocked.Increment(ref reads);
        var (catalogue, correction) = await read(cancellationToken);
        if (writes.ProcessOwnsDatabase)
        {
            if (entries.Count >= Capacity)
            {
                entries.Clear();
            }

            entries[key] = new Entry(generation, catalogue, correction);
        }

        return (catalogue, correction);
    }

    private sealed record Entry(long Generation, PreparedCatalogue Catalogue, IHealedToneCorrection? Correction);
}
