using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Data;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Data;

[Collection(SharedApi.Name)]
public sealed class MigrationTests(SmpShadeFactory factory)
{
    [Fact]
    public async Task The_sqlite_schema_is_migrated_on_start_and_matches_the_model()
    {
        factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
        Assert.IsType<SqliteSmpShadeDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no SQLite migration covers");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model_too()
    {
        // Needs no server: the model differ compares the migrations' snapshot with the model.
        var options = new DbContextOptionsBuilder<PostgresSmpShadeDbContext>().UseNpgsql("Host=unused").Options;
        using var db = new PostgresSmpShadeDbContext(options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no PostgreSQL migration covers");
    }
}
