namespace SmpShade.Api.Data;

/// <summary>
/// Counts this process's writes that a match reads: catalogue versions stored and decisions about the healed-tone
/// correction in force (<see cref="Count"/> after each attempt, committed or not). On SQLite the database belongs to
/// this one process (docs/operations.md, "Several replicas"), so while the count stands nothing a match read has
/// changed and <see cref="Matching.MatchInputs"/> reuses it; on PostgreSQL other replicas write too
/// (<see cref="ProcessOwnsDatabase"/> false), so every match reads the database.
/// </summary>
public sealed class LocalWrites(bool processOwnsDatabase)
{
    private long generation;

    /// <summary>True on SQLite: every write to the database goes through this process.</summary>
    public bool ProcessOwnsDatabase { get; } = processOwnsDatabase;

    /// <summary>Changes after every counted write.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Called after a write attempt (in a finally: a counted write that failed only costs a read).</summary>
    public void Count() => Interlocked.Increment(ref generation);
}
