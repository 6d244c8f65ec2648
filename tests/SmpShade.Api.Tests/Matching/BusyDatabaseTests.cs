using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Data;
using SmpShade.Api.Matching;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Matching;

/// <summary>
/// Matches while another connection (standing in for another process: SQLite's file locks between connections of one
/// process behave as between processes) holds a lock on the SQLite file. The match cache's check
/// (<see cref="SqliteDataVersion"/>) must not wait for the lock: when it cannot read the file's version it says so at once
/// and the match reads the database, as if the file had changed, and it must keep comparing versions correctly once the
/// lock is gone. Readers are shut out only by an exclusive lock, which a rollback-journal file (the default of
/// <c>sqlite3</c> and of Microsoft.Data.Sqlite; EF Core creates its files in WAL mode, where writers block no reader)
/// gets while a commit is written or under <c>BEGIN EXCLUSIVE</c>. Each lock below is released only after the call
/// under test returned, so a call that waited for the release would never return. (A database read under an exclusive
/// lock waits, as every read must: the file holds nothing readable until the writer is done. What no longer waits is the
/// check before it, which retried for up to 1 s under a lock every match shares.)
/// </summary>
public sealed class BusyDatabaseTests(SmpShadeFactory factory) : IClassFixture<SmpShadeFactory>, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"smpshade-busy-{Guid.NewGuid():N}.db");
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"smpshade-busy-{Guid.NewGuid():N}");

    [Fact]
    public void The_files_version_cannot_be_read_under_another_connections_exclusive_lock_and_reads_again_after_its_commit()
    {
        using var version = new SqliteDataVersion(Source(file));
        using var holder = Open(file, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
        long before = Assert.NotNull(version.Read());

        Execute(holder, "BEGIN EXCLUSIVE; INSERT INTO t VALUES (2);");
        Assert.Null(version.Read());
        Assert.Null(version.Read()); // still locked: still unreadable, and the connection still usable afterwards
        Execute(holder, "COMMIT");

        // The commit made while the version was unreadable must read as a change (the old check reopened its connection
        // after a busy read, whose data_version started again at the value read before the lock: 1 and 1).
        long after = Assert.NotNull(version.Read());
        Assert.NotEqual(before, after);
        Assert.Equal(after, version.Read());
    }

    [Fact]
    public void Reading_the_version_under_another_connections_exclusive_lock_does_not_wait_for_it()
    {
        // The check used to retry for its 1 s command timeout on every read under the lock (never less: it gave up only
        // once 1 s had passed). Five reads, and the quickest must take under a quarter of that: a read that does not wait
        // takes microseconds, so only a machine stalled on all five could fail it, and any retry loop of 1 s fails.
        using var version = new SqliteDataVersion(Source(file));
        using var holder = Open(file, "CREATE TABLE t (x);");
        Assert.NotNull(version.Read());

        Execute(holder, "BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);");
        var quickest = TimeSpan.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            Assert.Null(version.Read());
            quickest = TimeSpan.FromTicks(Math.Min(quickest.Ticks, clock.Elapsed.Ticks));
        }

        Execute(holder, "ROLLBACK");
        Assert.True(quickest < TimeSpan.FromMilliseconds(250), $"The quickest of 5 reads under the lock took {quickest.TotalMilliseconds:F0} ms.");
    }

    [Fact]
    public void A_write_transaction_that_still_lets_readers_in_leaves_the_version_as_it_was_until_it_commits()
    {
        using var version = new SqliteDataVersion(Source(file));
        using var holder = Open(file, "CREATE TABLE t (x);");
        long before = Assert.NotNull(version.Read());

        Execute(holder, "BEGIN IMMEDIATE; INSERT INTO t VALUES (1);"); // the RESERVED lock: readers still read
        Assert.Equal(before, version.Read());
        Execute(holder, "COMMIT");
        Assert.NotEqual(before, version.Read());
    }

    [Fact]
    public void A_reopened_connection_never_repeats_a_version_read_before_so_a_commit_made_meanwhile_is_seen()
    {
        // data_version is per connection and a new one starts again at 1 (SQLite: 1 on the first read here, 1 again on a
        // fresh connection after another connection's commit), so without a shift the first value after a reopen equals
        // the first value before it.
        using var version = new SqliteDataVersion(Source(file));
        using var other = Open(file, "CREATE TABLE t (x);");
        long first = Assert.NotNull(version.Read());

        Execute(other, "INSERT INTO t VALUES (1)");
        version.CloseForTests(); // as a failed read (not a lock) does
        long second = Assert.NotNull(version.Read());
        Assert.NotEqual(first, second);
        Assert.Equal(second, version.Read());

        Execute(other, "INSERT INTO t VALUES (2)");
        Assert.NotEqual(second, version.Read());
    }

    [Fact]
    public async Task When_the_files_version_cannot_be_read_a_match_reads_the_database_and_a_commit_made_under_the_lock_is_seen_after_it()
    {
        using var version = new SqliteDataVersion(Source(file));
        using var holder = Open(file, "CREATE TABLE t (x);");
        var inputs = new MatchInputs(new LocalWrites(sqlite: true), version);
        var read = new NumberedRead();
        Assert.Equal(1, (await inputs.GetAsync(read.Run, CancellationToken.None)).Fingerprint);
        Assert.Equal(1, (await inputs.GetAsync(read.Run, CancellationToken.None)).Fingerprint); // reused

        Execute(holder, "BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);");
        // Something may have been committed since the last check: what the database says now, not what was kept.
        Assert.Equal(2, (await inputs.GetAsync(read.Run, CancellationToken.None)).Fingerprint);
        Assert.Equal(3, (await inputs.GetAsync(read.Run, CancellationToken.None)).Fingerprint);
        Execute(holder, "ROLLBACK");

        // Nothing was committed: the facts read before the lock, checked against an unchanged version, are reused again.
        Assert.Equal(1, (await inputs.GetAsync(read.Run, CancellationToken.None)).Fingerprint);

        Execute(holder, "BEGIN EXCLUSIVE; INSERT INTO t VALUES (2);");
        Assert.Equal(4, (await inputs.GetAsync(read.Run, CancellationToken.None)).Fingerprint);
        Execute(holder, "COMMIT");

        // Committed under the lock: the next match reads, and the one after reuses what it read.
        Assert.Equal(5, (await inputs.GetAsync(read.Run, CancellationToken.None)).Fingerprint);
        Assert.Equal(5, (await inputs.GetAsync(read.Run, CancellationToken.None)).Fingerprint);
        Assert.Equal(5, read.Count);
    }

    [Fact]
    public async Task On_a_rollback_journal_file_a_match_under_another_connections_exclusive_lock_reads_the_database_and_a_later_import_by_another_process_is_matched()
    {
        // The service on a file in rollback-journal mode (created empty beforehand, as the sqlite3 shell or a restore of
        // such a file leaves it; EF Core keeps the mode of a file that exists).
        Directory.CreateDirectory(folder);
        string database = Path.Combine(folder, "smpshade.db");
        File.WriteAllBytes(database, []);
        using var service = new SmpShadeFactory();
        service.Settings["Database:DataDirectory"] = folder;
        var client = service.CreateClient();
        var inputs = service.Services.GetRequiredService<MatchInputs>();
        const string match = """{"skinLab": {"l": 62, "a": 9, "b": 17}, "hairLab": {"l": 45, "a": 6, "b": 12}, "top": 100}""";
        string committed = Ranked(await MatchAsync(client, match));
        Assert.NotEmpty(committed);
        Assert.Equal(committed, Ranked(await MatchAsync(client, match)));
        long reads = inputs.Reads;

        using (var holder = Open(database, ""))
        {
            Assert.Equal("delete", Scalar(holder, "PRAGMA journal_mode"));
            Execute(holder, "BEGIN EXCLUSIVE");
            Assert.Null(service.Services.GetRequiredService<SqliteDataVersion>().Read());

            // A match now: its check cannot read the version, so it goes on to read the database (counted before the
            // read), where it waits for the writer as every reader must; released, it answers from what is committed.
            var during = Task.Run(() => MatchAsync(client, match));
            var guard = Stopwatch.StartNew();
            while (inputs.Reads == reads && !during.IsCompleted && guard.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(10);
            }

            Assert.Equal(reads + 1, inputs.Reads);
            Assert.False(during.IsCompleted);
            Execute(holder, "ROLLBACK");
            Assert.Equal(committed, Ranked(await during));
        }

        // Another process (a second host on the same file) imports a catalogue: this service's next match has it.
        using var other = new SmpShadeFactory();
        other.Settings["Database:DataDirectory"] = folder;
        using var import = new HttpRequestMessage(HttpMethod.Put, "/api/v1/suppliers/busy-acme/catalogue")
        {
            Content = new StringContent("sku,name,l,a,b,illuminant,base,water_parts\nBUSY-1,Busy Umber,41,6,11,D65,iron-oxide,0;3\n", Encoding.UTF8, "text/csv"),
        };
        import.Headers.Add("X-Api-Key", TestKeys.Admin);
        Assert.Equal(HttpStatusCode.Created, (await other.CreateClient().SendAsync(import)).StatusCode);

        var after = await MatchAsync(client, match);
        Assert.Contains(after.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("pigment").GetProperty("sku").GetString() == "BUSY-1");
    }

    [Fact]
    public async Task On_the_services_own_wal_file_a_match_answers_from_what_is_committed_while_another_process_holds_a_write_transaction_open()
    {
        // Another process is part-way through rewriting every catalogue (it holds the write lock, nothing committed). In
        // WAL mode readers are never shut out: matches, reused or read afresh, answer from the committed catalogues.
        var client = factory.CreateClient();
        const string match = """{"skinLab": {"l": 62, "a": 9, "b": 17}, "hairLab": {"l": 45, "a": 6, "b": 12}, "top": 5}""";
        string committed = Ranked(await MatchAsync(client, match));
        Assert.NotEmpty(committed);

        using var holder = Open(Path.Combine(factory.DataFolder, "smpshade.db"), "");
        Assert.Equal("wal", Scalar(holder, "PRAGMA journal_mode"));
        Execute(holder, "BEGIN IMMEDIATE; DELETE FROM pigments; DELETE FROM catalogue_versions;");
        Assert.Equal(committed, Ranked(await MatchAsync(client, match))); // the check runs, sees no commit: reused
        factory.Services.GetRequiredService<LocalWrites>().Count(); // makes the next match read the database
        long reads = factory.Services.GetRequiredService<MatchInputs>().Reads;
        Assert.Equal(committed, Ranked(await MatchAsync(client, match))); // read from the database, under the lock
        Assert.Equal(reads + 1, factory.Services.GetRequiredService<MatchInputs>().Reads);
        Execute(holder, "ROLLBACK");

        Assert.Equal(committed, Ranked(await MatchAsync(client, match)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (string path in new[] { file, file + "-journal" })
        {
            File.Delete(path);
        }

        if (Directory.Exists(folder))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown is left for the OS temp cleaner.
            }
        }
    }

    private static string Source(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    /// <summary>A connection of its own (the other process), after running <paramref name="setup"/>.</summary>
    private static SqliteConnection Open(string path, string setup)
    {
        var connection = new SqliteConnection(Source(path));
        connection.Open();
        if (setup.Length > 0)
        {
            Execute(connection, setup);
        }

        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A database read whose facts carry its number (1, 2, …) as the fingerprint.</summary>
    private sealed class NumberedRead
    {
        public int Count { get; private set; }

        public Task<MatchFacts> Run(CancellationToken cancellationToken) => Task.FromResult(new MatchFacts(++Count, null));
    }

    private static string Ranked(JsonElement answer) => string.Join(";", answer.GetProperty("candidates").EnumerateArray()
        .Select(c => c.GetProperty("pigment").GetProperty("sku").GetString() + " " + c.GetProperty("deltaE00").GetDouble()));

    private static async Task<JsonElement> MatchAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync(new Uri("/api/v1/matches", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
