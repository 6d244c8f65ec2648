using Npgsql;
using SmpShade.Api.Tests.Data;

namespace SmpShade.Api.Tests.Replicas;

/// <summary>
/// A fresh, empty database on the test PostgreSQL server (<c>SMPSHADE_TEST_POSTGRES</c>) for one test's replicas,
/// with the replicas it starts; everything is stopped and the database dropped afterwards.
/// </summary>
public sealed class ReplicaDatabase : IAsyncDisposable
{
    private readonly List<ServiceProcess> replicas = [];

    public ReplicaDatabase()
    {
        if (PostgresFactory.ServerConnection is null)
        {
            // Only reached in CI (elsewhere PostgresFact skips): the server must be there.
            Assert.Fail("CI=true but SMPSHADE_TEST_POSTGRES is not set: .ci/run starts PostgreSQL and exports it.");
        }

        Assert.True(File.Exists(ServiceProcess.ApiDll), $"The built service is missing: {ServiceProcess.ApiDll} (dotnet build SmpShade.sln)");
        Name = "smpshade_replicas_" + Guid.NewGuid().ToString("N")[..12];
        Execute(PostgresFactory.ServerConnection!, $"CREATE DATABASE \"{Name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresFactory.ServerConnection) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The connection string the replicas are given (each adds its own application name).</summary>
    public string ConnectionString { get; }

    /// <summary>Starts a replica over this database (not ready yet).</summary>
    public ServiceProcess Start(string name, IReadOnlyDictionary<string, string>? settings = null, string? extraArgument = null)
    {
        var replica = ServiceProcess.Start(name, ConnectionString, settings, extraArgument);
        replicas.Add(replica);
        return replica;
    }

    /// <summary>Starts replicas at once and waits until all say ready.</summary>
    public async Task<ServiceProcess[]> StartReadyAsync(params string[] names)
    {
        var started = names.Select(n => Start(n)).ToArray();
        await Task.WhenAll(started.Select(r => r.WaitReadyAsync()));
        return started;
    }

    /// <summary>A scalar from this database (the tests' independent view of what the replicas stored).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        object? value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString + ";Application Name=test");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Waits until one of <paramref name="replica"/>'s sessions waits for a lock (it reached the held-up statement).</summary>
    public async Task WaitUntilBlockedAsync(ServiceProcess replica, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{replica.Name}' AND wait_event_type = 'Lock'") > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{replica.Name} never waited for the lock:\n{replica.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        Execute(PostgresFactory.ServerConnection!, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
