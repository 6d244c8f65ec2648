using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmpShade.Api.Data;
using SmpShade.Api.Outcomes;

namespace SmpShade.Api.Tests.Data;

/// <summary>
/// The Promotions migration on a database written by the version before it, for both providers: the version that
/// training had put in force stays in force as an <c>upgrade</c> promotion, <c>Active</c> becomes
/// <c>BeatsPhysics</c> from each stored reason, the source keys are counted, and going back down restores <c>Active</c>.
/// </summary>
public sealed class PromotionMigrationTests
{
    [Fact]
    public Task On_sqlite_the_version_in_force_before_promotions_existed_stays_in_force() =>
        MigrationDatabases.OnSqliteAsync(UpgradeAndBackAsync);

    [PostgresFact]
    public Task On_postgres_the_version_in_force_before_promotions_existed_stays_in_force() =>
        MigrationDatabases.OnPostgresAsync(UpgradeAndBackAsync);

    private static async Task UpgradeAndBackAsync(SmpShadeDbContext db)
    {
        string before = await MigrationDatabases.MigrateToAsync(db, "Outcomes");
        var migrator = db.GetService<IMigrator>();

        // Three outcomes from two keys; v1 beat physics but a later training deactivated it, v2 was in force, v3 did not beat physics.
        var at = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        foreach (string key in new[] { "key-a", "key-b", "key-a" })
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO outcomes ("RecordedAt", "RecordedByKeyId", "Supplier", "Sku", "CatalogueVersion", "WaterParts", "SkinL", "SkinA", "SkinB",
                    "MonthsSinceTreatment", "HealedL", "HealedA", "HealedB", "InkL", "InkA", "InkB", "PhysicsL", "PhysicsA", "PhysicsB",
                    "PhysicsModel", "Source", "Measurement")
                VALUES ({0}, {1}, 's', 'k', 1, 0, 60, 10, 15, 6, 40, 5, 8, 22, 0, 0, 41, 5, 8, 'p', 'clinic', 'entered')
                """, at, key);
        }

        byte[] model = [1, 2, 3];
        foreach (var (version, lastOutcome, active, reason) in new[]
        {
            (1, 1L, false, "Beats physics-only: figures."), (2, 3L, true, "Beats physics-only: figures."),
            (3, 3L, false, "Does not beat physics-only by the margin, so it is not used: figures."),
        })
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO healed_tone_models ("Version", "TrainedAt", "TrainedBy", "OutcomeCount", "LastOutcomeId", "CvPhysicsDeltaE00",
                    "CvCorrectedDeltaE00", "CvImprovementStandardError", "Active", "Reason", "PhysicsModel", "Features", "ModelL", "ModelA", "ModelB")
                VALUES ({0}, {1}, 'auto', 3, {2}, 1, 0.5, 0.1, {3}, {4}, 'p', '{{}}', {5}, {5}, {5})
                """, version, at.AddDays(version), lastOutcome, active, reason, model);
        }

        await migrator.MigrateAsync();

        var promotion = Assert.Single(await db.Set<HealedToneModelPromotion>().AsNoTracking().ToListAsync());
        Assert.Equal((2, (int?)null, "upgrade", "promote"), (promotion.Version, promotion.PreviousVersion, promotion.PromotedByKeyId, promotion.Action));
        Assert.Equal(at.AddDays(2), promotion.PromotedAt);
        Assert.Equal(2, await PromotedCorrection.InForceVersionAsync(db, CancellationToken.None));
        var versions = await db.Set<HealedToneModelVersion>().AsNoTracking().OrderBy(v => v.Version)
            .Select(v => new { v.BeatsPhysics, v.SourceKeyCount }).ToListAsync();
        Assert.Equal([true, true, false], versions.Select(v => v.BeatsPhysics));
        Assert.Equal([1, 2, 2], versions.Select(v => v.SourceKeyCount));

        await migrator.MigrateAsync(before);
        var wasActive = await db.Database.SqlQueryRaw<int>("""SELECT "Version" AS "Value" FROM healed_tone_models WHERE "Active" ORDER BY "Version" """).ToListAsync();
        Assert.Equal([2], wasActive);
    }
}
