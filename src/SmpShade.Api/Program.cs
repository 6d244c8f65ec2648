using SmpShade.Api.Auth;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Matching;

var builder = WebApplication.CreateBuilder(args);

// Listen on http://localhost:5080 unless ASPNETCORE_URLS / --urls say otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

// Errors: RFC 9457 problem details with a stable `code`, for every failure.
builder.Services.AddSmpShadeProblemDetails();
// Storage: SQLite by default, PostgreSQL with Database:Provider=Postgres.
builder.AddSmpShadeDatabase();
// API keys and roles.
builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
// OpenAPI document and Swagger UI.
builder.Services.AddSmpShadeOpenApi();
// Healed-tone model (HealedTone: options) and pigment ranking.
builder.Services.AddMatching();

var app = builder.Build();

app.UseSmpShadeProblemDetails();
// The practitioner page (wwwroot) at /.
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapSmpShadeOpenApi();
app.MapSmpShadeHealth();
app.MapMatching();

await app.MigrateDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
