namespace SmpShade.Api.Data;

/// <summary>
/// Counts this process's writes that a match reads: catalogue versions stored and decisions about the healed-tone
/// correction in force (<see cref="Count"/> after each one that reached the database, committed or not). On SQLite
/// <see cref="Matching.MatchInputs"/> reuses what a match read while this count and the file's
/// <see cref="SqliteDataVersion"/> (which also moves on other processes' commits) stand; on PostgreSQL
/// (<see cref="Sqlite"/> false) every match reads the database.
/// </summary>
public sealed class LocalWrites(bool sqlite)
{
    private long generation;

    /// <summary>True on SQLite, where matches may reuse what they read (<see cref="Matching.MatchInputs"/>).</summary>
    public bool Sqlite { get; } = sqlite;

    /// <summary>Changes after every counted write.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Called after a write that reached the database (in a finally: a counted write that failed only costs a read).</summary>
    public void Count() => Interlocked.Increment(ref generation);
}
