using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmpShade.Api.Data;

// Used only by `dotnet ef migrations add … --context …`; they never open a connection.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSmpShadeDbContext>
{
    public SqliteSmpShadeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSmpShadeDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSmpShadeDbContext>
{
    public PostgresSmpShadeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSmpShadeDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
