using Microsoft.EntityFrameworkCore;

namespace SmpShade.Api.Data;

/// <summary>
/// Work that must run on one replica at a time when several share one PostgreSQL: the start-up work every replica
/// does (migrating the schema, seeding the bootstrap admin key, loading the sample catalogue: each checks "already
/// done?" inside the lock, so replicas starting together do it once) and training the healed-tone correction. On
/// PostgreSQL it is a session advisory lock held on the context's connection (the server releases it if the process
/// dies); SQLite is one process's file and needs none.
/// </summary>
public static class DatabaseLock
{
    /// <summary>Start-up work; the ASCII of "SmpShade" (any 64-bit number no other application on the database uses).</summary>
    public const long FirstStart = 0x536D_7053_6861_6465;

    /// <summary>Training the healed-tone correction; the ASCII of "SmpTrain".</summary>
    public const long Training = 0x536D_7054_7261_696E;

    /// <summary>Waits for the lock <paramref name="key"/> on <paramref name="db"/>'s connection; dispose the result to release it.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(SmpShadeDbContext db, long key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return Released.Instance;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", cancellationToken);
        return new Held(db, key);
    }

    private sealed class Held(SmpShadeDbContext db, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Released : IAsyncDisposable
    {
        public static readonly Released Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
