using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// RFC 9457 problem details with the stable machine-readable <c>code</c> extension clinic software
/// switches on. Every error the service answers is built here.
/// </summary>
public static class Problems
{
    /// <summary>Builds a problem result with a stable <paramref name="code"/>.</summary>
    public static ProblemHttpResult Create(int status, string code, string title, string? detail = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = new ProblemDetails();
        Fill(problem, status, code, title, detail, extensions);
        return TypedResults.Problem(problem);
    }

    /// <summary>Sets a problem's status, title, detail, <c>type</c> (from the code), <c>code</c> and further extensions.</summary>
    public static void Fill(ProblemDetails problem, int status, string code, string title, string? detail,
        IEnumerable<KeyValuePair<string, object?>>? extensions)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = $"https://smpshade.org/problems/{code}";
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }
    }

    /// <summary>400 with a code.</summary>
    public static ProblemHttpResult BadRequest(string code, string title, string? detail = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        Create(StatusCodes.Status400BadRequest, code, title, detail, extensions);

    /// <summary>404 with a code.</summary>
    public static ProblemHttpResult NotFound(string code, string title, string? detail = null) =>
        Create(StatusCodes.Status404NotFound, code, title, detail);

    /// <summary>The code used for a framework-generated status with no specific one.</summary>
    public static string CodeForStatus(int status) => status switch
    {
        400 => "request.invalid",
        401 => "auth.key_required",
        403 => "auth.forbidden",
        404 => "route.not_found",
        405 => "route.method_not_allowed",
        406 => "request.not_acceptable",
        408 => "request.timeout",
        409 => "request.conflict",
        413 => "request.too_large",
        415 => "request.unsupported_media_type",
        429 => "request.rate_limited",
        503 => "server.busy",
        >= 500 => "server.error",
        _ => "request.failed",
    };
}
