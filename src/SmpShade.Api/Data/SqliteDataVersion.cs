using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SmpShade.Api.Data;

/// <summary>
/// SQLite's <c>PRAGMA data_version</c>, read on one connection of its own (not pooled, guarded by a lock): its value
/// changes when any other connection, in this process or another, commits to the database file. This connection never
/// writes, so every commit moves it, this process's own (made through pooled connections) and another process's (a
/// second instance, <c>Database:Migrate=Only</c>, the sqlite3 shell, a <c>.restore</c> into the file). Reading it
/// takes no pool lock, only SQLite's shared read lock for a moment, and never waits for it (<see cref="Read"/>).
/// Singleton, SQLite only (<see cref="Matching.MatchInputs"/>).
/// </summary>
public sealed class SqliteDataVersion : IDisposable
{
    private readonly Lock gate = new();
    private readonly string connectionString;
    private SqliteConnection? connection;
    private sqlite3_stmt? statement;
    private bool disposed;

    // data_version is per connection and starts again (at 1) on a new one, so the values of a reopened connection are
    // shifted above every value returned before: otherwise a commit made while it was closed could read as "unchanged".
    private long shift;
    private long highest;
    private bool reopened;

    /// <summary>A reader of the database at <paramref name="connectionString"/> (opened on first use).</summary>
    public SqliteDataVersion(string connectionString)
    {
        // Its own connection, outside the pool: data_version only compares commits made through other connections.
        connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        this.connectionString = connectionString;
    }

    /// <summary>
    /// A value that changes whenever another connection committed to the file since the last call, or null when it cannot
    /// be read at once: another connection holds the file's exclusive lock (a commit being written in rollback-journal
    /// mode, <c>BEGIN EXCLUSIVE</c>, a writer in <c>locking_mode=EXCLUSIVE</c>), or the file cannot be opened. The
    /// caller then reads the database as if it had changed. Never waits for a lock: matches call this on request threads,
    /// under <c>gate</c>, so one wait would queue every match behind it (the earlier command went through
    /// Microsoft.Data.Sqlite's retry loop, which sleeps between tries, until its 1 s timeout: 1052 ms per read under the
    /// lock, one match after the other). The prepared statement is stepped once through SQLitePCL with no busy handler (busy timeout 0), so a
    /// locked file answers SQLITE_BUSY at once; the connection is kept (a lock is no fault of it), so its values stay
    /// comparable with those read before the lock.
    /// </summary>
    public long? Read()
    {
        lock (gate)
        {
            if (disposed)
            {
                return null;
            }

            try
            {
                var prepared = statement ??= Prepare();
                int step = raw.sqlite3_step(prepared);
                long? version = step == raw.SQLITE_ROW ? raw.sqlite3_column_int64(prepared, 0) : null;
                // Ends the read transaction the step began (a statement left unreset would hold the shared lock).
                raw.sqlite3_reset(prepared);
                if (version is not { } v)
                {
                    if (step is not (raw.SQLITE_BUSY or raw.SQLITE_LOCKED))
                    {
                        Close(); // not a lock: reopen next time (the file may have been replaced)
                    }

                    return null;
                }

                if (reopened)
                {
                    shift = highest + 1 - v;
                    reopened = false;
                }

                highest = v + shift;
                return highest;
            }
            catch (SqliteException)
            {
                Close();
                return null;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            Close();
        }
    }

    /// <summary>Closes the connection as a failed read does (for tests: the next read opens a new one).</summary>
    internal void CloseForTests()
    {
        lock (gate)
        {
            Close();
        }
    }

    private sqlite3_stmt Prepare()
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        reopened = true;
        // Microsoft.Data.Sqlite sets no busy handler (it retries busy commands itself, and this statement bypasses its
        // commands); the explicit 0 keeps SQLite from waiting should that ever change.
        raw.sqlite3_busy_timeout(connection.Handle, 0);
        int rc = raw.sqlite3_prepare_v2(connection.Handle, "PRAGMA data_version", out var prepared);
        if (rc != raw.SQLITE_OK)
        {
            prepared.Dispose();
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        return prepared;
    }

    private void Close()
    {
        // The statement first: a connection closed with a statement still prepared is only half closed (a zombie).
        statement?.Dispose();
        connection?.Dispose();
        statement = null;
        connection = null;
    }
}
