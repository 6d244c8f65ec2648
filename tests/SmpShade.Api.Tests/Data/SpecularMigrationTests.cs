using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SmpShade.Api.Data;

namespace SmpShade.Api.Tests.Data;

/// <summary>
/// The CatalogueSpecularComponent migration on a database written by the version before it, for both providers: a
/// stored catalogue version, taken as specular-included when it was stored, says <c>included</c> after the upgrade.
/// </summary>
public sealed class SpecularMigrationTests
{
    [Fact]
    public async Task On_sqlite_a_version_stored_before_the_migration_is_specular_included()
    {
        string file = Path.Combine(Path.GetTempPath(), $"smpshade-migration-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqliteSmpShadeDbContext(new DbContextOptionsBuilder<SqliteSmpShadeDbContext>().UseSqlite($"Data Source={file}").Options);
            await UpgradeAsync(db);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [PostgresFact]
    public async Task On_postgres_a_version_stored_before_the_migration_is_specular_included()
    {
        Assert.NotNull(PostgresFactory.ServerConnection);
        string database = "smpshade_migration_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(PostgresFactory.ServerConnection) { Database = database }.ConnectionString;
        await using var db = new PostgresSmpShadeDbContext(new DbContextOptionsBuilder<PostgresSmpShadeDbContext>().UseNpgsql(connection).Options);
        try
        {
            await UpgradeAsync(db);
        }
        finally
        {
            await db.Database.EnsureDeletedAsync();
        }
    }

    private static async Task UpgradeAsync(SmpShadeDbContext db)
    {
        var migrator = db.GetService<IMigrator>();
        string before = db.Database.GetMigrations().Single(m => m.EndsWith("_PigmentScattering", StringComparison.Ordinal));
        await migrator.MigrateAsync(before);
        var at = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO suppliers ("Slug", "CreatedAt") VALUES ('old', {0})""", at);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO catalogue_versions ("SupplierId", "Number", "LoadedByKeyId", "LoadedAt", "RowCount", "SourceFormat")
            VALUES ((SELECT "Id" FROM suppliers WHERE "Slug" = 'old'), 1, 'k', {0}, 0, 'csv')
            """, at);

        await migrator.MigrateAsync();
        var version = await db.CatalogueVersions.AsNoTracking().SingleAsync();
        Assert.Equal("included", version.SpecularComponent);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
