using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmpShade.Api.Infrastructure;

public static class HealthEndpoints
{
    /// <summary>
    /// /health/live: the process answers ("Healthy"). /health/ready: the database answers too; a JSON body names each
    /// check with its status and description (e.g. whether people can be found in photos). Degraded is still 200.
    /// </summary>
    public static WebApplication MapSmpShadeHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteDetails,
        });
        return app;
    }

    private static Task WriteDetails(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
