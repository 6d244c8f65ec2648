using Microsoft.EntityFrameworkCore;

namespace SmpShade.Api.Data;

/// <summary>
/// Makes the work every replica does on start (migrating the schema, seeding the bootstrap admin key, loading the
/// sample catalogue) run in one replica at a time, so replicas starting together over one PostgreSQL do it once:
/// each checks "already done?" inside the lock. On PostgreSQL it is a session advisory lock held on the context's
/// connection (released by the server if the process dies); SQLite is one process's file and needs none.
/// </summary>
public static class FirstStartLock
{
    // Any 64-bit number no other application on the same database uses; the ASCII of "SmpShade".
    private const long Key = 0x536D_7053_6861_6465;

    /// <summary>Waits for the lock on <paramref name="db"/>'s connection; dispose the result to release it.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(SmpShadeDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return Released.Instance;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        return new Held(db);
    }

    private sealed class Held(SmpShadeDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Released : IAsyncDisposable
    {
        public static readonly Released Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
