using Npgsql;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Data;

/// <summary>
/// A fact that needs the PostgreSQL server named by <c>SMPSHADE_TEST_POSTGRES</c>. Without it the test is skipped
/// with the reason, except in CI (<c>CI=true</c>), where it runs and fails: a missing server must not pass silently.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresFactory.ServerConnection is null && !PostgresFactory.InCi)
        {
            Skip = "SMPSHADE_TEST_POSTGRES is not set: start one with `source .ci/postgres.sh; start_test_postgres` (CI fails instead of skipping).";
        }
    }
}

/// <summary>The service on a fresh PostgreSQL database of its own, dropped afterwards.</summary>
public sealed class PostgresFactory : SmpShadeFactory
{
    public static string? ServerConnection => Environment.GetEnvironmentVariable("SMPSHADE_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private readonly string? database;

    public PostgresFactory()
    {
        if (ServerConnection is null)
        {
            // Only reached in CI (elsewhere the tests are skipped before the fixture is built).
            return;
        }

        database = "smpshade_test_" + Guid.NewGuid().ToString("N")[..12];
        var builder = new NpgsqlConnectionStringBuilder(ServerConnection) { Database = database };
        Settings["Database:Provider"] = "Postgres";
        Settings["ConnectionStrings:SmpShade"] = builder.ConnectionString;
    }

    public bool HasServer => database is not null;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(ServerConnection);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresApi : ICollectionFixture<PostgresFactory>
{
    public const string Name = "postgres";
}
