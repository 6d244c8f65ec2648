using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmpShade.Api.Data;

public static class DatabaseSetup
{
    /// <summary>Registers the DbContext on SQLite (default) or PostgreSQL, and a readiness check on it.</summary>
    public static WebApplicationBuilder AddSmpShadeDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        string? connection = builder.Configuration.GetConnectionString("SmpShade");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (options.Provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:SmpShade.");
            }

            string folder = options.DataDirectory ?? Path.Combine(builder.Environment.ContentRootPath, "App_Data");
            Directory.CreateDirectory(folder);
            connection = $"Data Source={Path.Combine(folder, "smpshade.db")}";
        }

        // Each provider has its own context subclass and migration set; everyone else injects SmpShadeDbContext.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<SmpShadeDbContext, PostgresSmpShadeDbContext>(db => db.UseNpgsql(connection));
        }
        else
        {
            builder.Services.AddDbContext<SmpShadeDbContext, SqliteSmpShadeDbContext>(db => db.UseSqlite(connection));
        }

        // On SQLite a match reuses what it read while neither this process's writes nor the file's data_version moved
        // (MatchInputs); on PostgreSQL every match reads.
        bool sqlite = options.Provider != DatabaseProvider.Postgres;
        builder.Services.AddSingleton(new LocalWrites(sqlite));
        if (sqlite)
        {
            // A factory, not an instance, so the container disposes its connection.
            builder.Services.AddSingleton(_ => new SqliteDataVersion(connection));
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Applies <see cref="DatabaseOptions.Migrate"/>: creates or upgrades the schema (one replica at a time, under
    /// <see cref="DatabaseLock"/>), or checks that nothing is pending. Returns false when the service should exit
    /// instead of serving (<c>Database:Migrate=Only</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>Database:Migrate=Never</c> and the schema is behind this build.</exception>
    public static async Task<bool> MigrateDatabaseAsync(this WebApplication app)
    {
        var mode = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Migrate ?? MigrateMode.OnStart;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
        if (mode == MigrateMode.Never)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            return pending.Count == 0 ? true : throw new InvalidOperationException(
                $"Database:Migrate=Never, but the schema lacks {pending.Count} migration(s) ({string.Join(", ", pending)}): " +
                "run the service once with --Database:Migrate=Only first.");
        }

        await CreateDatabaseIfMissingAsync(db);
        await using (await DatabaseLock.AcquireAsync(db, DatabaseLock.FirstStart, CancellationToken.None))
        {
            await db.Database.MigrateAsync();
        }

        if (mode == MigrateMode.Only)
        {
            app.Logger.LogInformation("Database:Migrate=Only: the schema is up to date; exiting");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Migrating creates a missing database, but the first-start lock needs a connection to it before that: create it
    /// here (PostgreSQL; SQLite creates its file on open). Two replicas may race to create it; the loser finds it there.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(SmpShadeDbContext db)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync())
        {
            return;
        }

        try
        {
            await creator.CreateAsync();
        }
        catch (PostgresException exists) when (exists.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by another replica meanwhile.
        }
    }
}

internal sealed class DatabaseHealthCheck(SmpShadeDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
