using Microsoft.EntityFrameworkCore;
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

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Creates or upgrades the schema on start.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
        await db.Database.MigrateAsync();
    }
}

internal sealed class DatabaseHealthCheck(SmpShadeDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
