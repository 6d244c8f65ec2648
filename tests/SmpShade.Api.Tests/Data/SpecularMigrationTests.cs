using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmpShade.Api.Data;

namespace SmpShade.Api.Tests.Data;

/// <summary>
/// The CatalogueSpecularComponent migration on a database written by the version before it, for both providers: a
/// stored catalogue version, taken as specular-included when it was stored, says <c>included</c> after the upgrade.
/// </summary>
public sealed class SpecularMigrationTests
{
    [Fact]
    public Task On_sqlite_a_version_stored_before_the_migration_is_specular_included() =>
        MigrationDatabases.OnSqliteAsync(UpgradeAsync);

    [PostgresFact]
    public Task On_postgres_a_version_stored_before_the_migration_is_specular_included() =>
        MigrationDatabases.OnPostgresAsync(UpgradeAsync);

    private static async Task UpgradeAsync(SmpShadeDbContext db)
    {
        await MigrationDatabases.MigrateToAsync(db, "PigmentScattering");
        var migrator = db.GetService<IMigrator>();
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
