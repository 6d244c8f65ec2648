using Microsoft.EntityFrameworkCore;
using SmpShade.Api.Auth;
using SmpShade.Api.Catalogue;

namespace SmpShade.Api.Data;

/// <summary>
/// The service's database: catalogues, keys, outcomes and model versions. Each provider has a subclass
/// (<see cref="SqliteSmpShadeDbContext"/>, <see cref="PostgresSmpShadeDbContext"/>) that owns its own migration
/// set; everything else injects this base type.
/// </summary>
/// <remarks>
/// Adding a table: put an <see cref="IEntityTypeConfiguration{TEntity}"/> in the feature folder (it is picked up
/// by <see cref="ModelBuilder.ApplyConfigurationsFromAssembly"/>), use <c>db.Set&lt;T&gt;()</c> or add a DbSet
/// here, then add one migration per provider (README, "Catalogues and keys").
/// </remarks>
public abstract class SmpShadeDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Supplier> Suppliers => Set<Supplier>();

    public DbSet<CatalogueVersion> CatalogueVersions => Set<CatalogueVersion>();

    public DbSet<Pigment> Pigments => Set<Pigment>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SmpShadeDbContext).Assembly);
}

/// <summary>The SQLite flavour; migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteSmpShadeDbContext(DbContextOptions<SqliteSmpShadeDbContext> options) : SmpShadeDbContext(options);

/// <summary>The PostgreSQL flavour; migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresSmpShadeDbContext(DbContextOptions<PostgresSmpShadeDbContext> options) : SmpShadeDbContext(options);
