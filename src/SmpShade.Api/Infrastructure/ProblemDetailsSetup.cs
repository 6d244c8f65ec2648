using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace SmpShade.Api.Infrastructure;

/// <summary>Makes every error, including the framework's own, an RFC 9457 problem with a <c>code</c>.</summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddSmpShadeProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            int status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Extensions.TryAdd("code", Problems.CodeForStatus(status));
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);

            // Map exceptions the framework raises for malformed requests to 4xx, never 500.
            var error = context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (error is not null)
            {
                var (mapped, code, title) = Classify(error);
                problem.Status = mapped;
                context.HttpContext.Response.StatusCode = mapped;
                problem.Title = title;
                problem.Type = $"https://smpshade.org/problems/{code}"; // not the framework's link for the 500 it started as
                problem.Extensions["code"] = code;
                problem.Detail = mapped < 500 ? error.Message : null; // never leak internals on 500
            }
        });
        // Minimal APIs throw on a malformed body only in Development and answer a bare 400 elsewhere; throwing always
        // gives every environment the same problem body and `code` (request.invalid_json …) clinic software switches on.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseSmpShadeProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A malformed request is the client's mistake, answered as a 4xx above: not an error to log as a failure.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException or JsonException,
        });
        app.UseStatusCodePages();
        return app;
    }

    private static (int Status, string Code, string Title) Classify(Exception error) => error switch
    {
        BadHttpRequestException { StatusCode: 413 } => (413, "request.too_large", "The request body is too large."),
        BadHttpRequestException { InnerException: JsonException } => (400, "request.invalid_json", "The request body is not valid JSON for this endpoint."),
        BadHttpRequestException bad => (bad.StatusCode, Problems.CodeForStatus(bad.StatusCode), "The request could not be read."),
        JsonException => (400, "request.invalid_json", "The request body is not valid JSON for this endpoint."),
        OperationCanceledException => (499, "request.cancelled", "The request was cancelled."),
        _ => (500, "server.error", "An unexpected error occurred."),
    };
}
