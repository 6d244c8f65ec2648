using Microsoft.EntityFrameworkCore;

namespace SmpShade.Api.Data;

/// <summary>The service's database: catalogues, keys, outcomes and model versions.</summary>
public class SmpShadeDbContext(DbContextOptions options) : DbContext(options)
{
}
