using SmpShade.Api.Auth;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Matching;
using SmpShade.Api.Outcomes;
using SmpShade.Api.Photos;

// Settings and App_Data from the current folder, or from the service's own when the current one has no appsettings.json.
var builder = WebApplication.CreateBuilder(ServiceContentRoot.Options(args));

// Listen on http://localhost:5080 unless ASPNETCORE_URLS / --urls say otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

// Client address and scheme from X-Forwarded-* of configured proxies only (ForwardedHeaders:KnownProxies/KnownNetworks).
builder.AddSmpShadeForwardedHeaders();
// URL and header limits answered as problems (Kestrel's own, bare, only past 4× them).
builder.AddSmpShadeRequestLimits();
// Errors: RFC 9457 problem details with a stable `code`, for every failure.
builder.Services.AddSmpShadeProblemDetails();
// Storage: SQLite by default, PostgreSQL with Database:Provider=Postgres.
builder.AddSmpShadeDatabase();
// API keys and roles.
builder.Services.AddAuth();
// Supplier catalogues: import, versions, reads, the first-start sample.
builder.Services.AddCatalogue();
// OpenAPI document and Swagger UI.
builder.Services.AddSmpShadeOpenApi();
// Photo analysis: decode limits, colour profiles, hair/skin measurement.
builder.Services.AddPhotos();
// Healed-tone model (HealedTone: options) and pigment ranking.
builder.Services.AddMatching();
// Recorded healed results and the learnt correction (HealedToneLearning: options).
builder.Services.AddOutcomes();
// Build the optics tables, caches and models before Kestrel listens (last: after the first-start sample catalogue).
builder.Services.AddWarmUp();

var app = builder.Build();

app.UseSmpShadeForwardedHeaders();
app.UseSmpShadeProblemDetails();
app.UseSmpShadeRequestLimits();
// X-Api-Key checks for endpoints marked RequireReadAccess / RequireRoles.
app.UseApiKeys();
// CSP (own files only, no framing) and nosniff on every answer; Swagger UI keeps its inline script.
app.UseSecurityHeaders();
// The practitioner page (wwwroot) at /.
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapSmpShadeOpenApi();
app.MapSmpShadeHealth();
// API keys: issue, list, revoke (admin).
app.MapKeys();
// Suppliers, pigments, catalogue import and versions.
app.MapSuppliers();
// POST /api/v1/analyses: photo → hair and skin CIELAB.
app.MapAnalyses();
// POST /api/v1/matches: rank pigments by predicted healed tone.
app.MapMatches();
// POST/GET /api/v1/outcomes: recorded healed results.
app.MapOutcomes();
// /api/v1/models/healed-tone: train the correction, list its versions.
app.MapHealedToneModels();

// Schema: created or upgraded on start (Database:Migrate; =Only migrates and exits).
if (await app.MigrateDatabaseAsync())
{
    await app.RunAsync();
}

/// <summary>Entry point; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
