using Microsoft.Data.Sqlite;

namespace SmpShade.Api.Data;

/// <summary>
/// SQLite's <c>PRAGMA data_version</c>, read on one connection of its own (not pooled, guarded by a lock): its value
/// changes when any other connection, in this process or another, commits to the database file. This connection never
/// writes, so every commit moves it, this process's own (made through pooled connections) and another process's (a
/// second instance, <c>Database:Migrate=Only</c>, the sqlite3 shell, a <c>.restore</c> into the file). Reading it
/// takes no pool lock, only SQLite's shared read lock for a moment. Singleton, SQLite only (<see cref="Matching.MatchInputs"/>).
/// </summary>
public sealed class SqliteDataVersion : IDisposable
{
    private readonly Lock gate = new();
    private readonly string connectionString;
    private SqliteConnection? connection;
    private SqliteCommand? command;

    /// <summary>A reader of the database at <paramref name="connectionString"/> (opened on first use).</summary>
    public SqliteDataVersion(string connectionString)
    {
        // Its own connection, outside the pool: data_version only compares commits made through other connections.
        connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        this.connectionString = connectionString;
    }

    /// <summary>
    /// The current data version, or null when it could not be read (a writer held the file longer than a second, the
    /// file is gone): the caller then reads the database as if it had changed.
    /// </summary>
    public long? Read()
    {
        lock (gate)
        {
            try
            {
                if (command is null)
                {
                    connection = new SqliteConnection(connectionString);
                    connection.Open();
                    command = connection.CreateCommand();
                    command.CommandText = "PRAGMA data_version";
                    // Matches call this on request threads: do not wait out the default 30 s on a busy file.
                    command.CommandTimeout = 1;
                }

                return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
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
            Close();
        }
    }

    private void Close()
    {
        command?.Dispose();
        connection?.Dispose();
        command = null;
        connection = null;
    }
}
