using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// Makes every error, including the framework's own, an RFC 9457 problem with a <c>code</c>. The one place an
/// exception becomes an answer: a <see cref="ProblemException"/> as it says, a malformed request as a 4xx, anything
/// else as a 500 that tells nothing of the internals.
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddSmpShadeProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var error = context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (error is not null)
            {
                var thrown = error switch
                {
                    ProblemException problemException => problemException,
                    // A JSON body parameter's binder refusing the media type: the same answer routing gives.
                    BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                        UnsupportedMediaType.Problem(context.HttpContext.Request, [.. UnsupportedMediaType.AcceptedBy(context.HttpContext)]),
                    _ => Classify(error),
                };
                context.HttpContext.Response.StatusCode = thrown.Status;
                if (thrown.RetryAfterSeconds is { } seconds)
                {
                    context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                // A thrown problem reads exactly as the same problem returned by a handler: traceId last.
                object? traceId = null;
                bool last = error is ProblemException && problem.Extensions.Remove("traceId", out traceId);
                Problems.Fill(problem, thrown.Status, thrown.Code, thrown.Title, thrown.Detail, thrown.Extensions);
                if (last)
                {
                    problem.Extensions["traceId"] = traceId;
                }
            }

            int status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (error is null && status == StatusCodes.Status415UnsupportedMediaType)
            {
                // Routing refused the body's media type (the endpoint's Accepts): the same answer a handler gives.
                var accepted = UnsupportedMediaType.AcceptedBy(context.HttpContext);
                Problems.Fill(problem, status, UnsupportedMediaType.Code, UnsupportedMediaType.Title,
                    UnsupportedMediaType.Detail(context.HttpContext.Request, accepted), UnsupportedMediaType.Extensions(accepted));
            }

            problem.Extensions.TryAdd("code", Problems.CodeForStatus(status));
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
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
            // A refusal or a malformed request is the client's mistake, answered as a 4xx: not an error to log as a failure.
            SuppressDiagnosticsCallback = context => context.Exception is ProblemException or BadHttpRequestException or JsonException,
        });
        app.UseStatusCodePages();
        return app;
    }

    // Exceptions the framework raises for malformed requests are 4xx, never 500; the detail of a 500 is never shown.
    private static ProblemException Classify(Exception error) => error switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new(StatusCodes.Status413PayloadTooLarge, "request.too_large", "The request body is too large.", error.Message),
        BadHttpRequestException { InnerException: JsonException } => new(StatusCodes.Status400BadRequest, "request.invalid_json", "The request body is not valid JSON for this endpoint.", error.Message),
        BadHttpRequestException bad => new(bad.StatusCode, Problems.CodeForStatus(bad.StatusCode), "The request could not be read.", error.Message),
        JsonException => new(StatusCodes.Status400BadRequest, "request.invalid_json", "The request body is not valid JSON for this endpoint.", error.Message),
        OperationCanceledException => new(StatusCodes.Status499ClientClosedRequest, "request.cancelled", "The request was cancelled.", error.Message),
        _ => new(StatusCodes.Status500InternalServerError, "server.error", "An unexpected error occurred."),
    };
}
