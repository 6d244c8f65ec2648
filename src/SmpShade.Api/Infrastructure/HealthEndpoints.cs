using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SmpShade.Api.Infrastructure;

public static class HealthEndpoints
{
    /// <summary>/health/live: the process answers. /health/ready: the database answers too.</summary>
    public static WebApplication MapSmpShadeHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
