using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SmpShade.Api.Data;

namespace SmpShade.Api.Tests.Data;

/// <summary>
/// Fresh, empty databases for the migration tests (one SQLite file, one PostgreSQL database on the test server), each
/// handed to a test body and removed afterwards, and a way to stop the schema at a named migration.
/// </summary>
internal static class MigrationDatabases
{
    public static async Task OnSqliteAsync(Func<SmpShadeDbContext, Task> test)
    {
        string file = Path.Combine(Path.GetTempPath(), $"smpshade-migration-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqliteSmpShadeDbContext(new DbContextOptionsBuilder<SqliteSmpShadeDbContext>().UseSqlite($"Data Source={file}").Options);
            await test(db);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    public static async Task OnPostgresAsync(Func<SmpShadeDbContext, Task> test)
    {
        Assert.NotNull(PostgresFactory.ServerConnection);
        string database = "smpshade_migration_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(PostgresFactory.ServerConnection) { Database = database }.ConnectionString;
        await using var db = new PostgresSmpShadeDbContext(new DbContextOptionsBuilder<PostgresSmpShadeDbContext>().UseNpgsql(connection).Options);
        try
        {
            await test(db);
        }
        finally
        {
            await db.Database.EnsureDeletedAsync();
        }
    }

    /// <summary>Migrates up (or down) to the migration whose name ends in <c>_{name}</c>, and returns its full id.</summary>
    public static async Task<string> MigrateToAsync(SmpShadeDbContext db, string name)
    {
        string id = db.Database.GetMigrations().Single(m => m.EndsWith("_" + name, StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(id);
        return id;
    }
}
