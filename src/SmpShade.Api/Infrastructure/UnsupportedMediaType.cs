using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// The one answer to a body in a media type the endpoint does not take: 415 <c>request.unsupported_media_type</c>,
/// whose detail names what was sent and lists what the endpoint takes (also as <c>accepted</c>). Given alike whether
/// routing refused the request (an endpoint's <c>Accepts</c>) or a handler did (a photo form, a catalogue format).
/// </summary>
public static class UnsupportedMediaType
{
    public const string Code = "request.unsupported_media_type";
    public const string Title = "The body's media type is not one this endpoint takes.";

    /// <summary>The problem to throw from a handler.</summary>
    public static ProblemException Problem(HttpRequest request, params string[] accepted)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(StatusCodes.Status415UnsupportedMediaType, Code, Title, Detail(request, accepted), Extensions(accepted));
    }

    /// <summary>What this request sent and what the endpoint takes.</summary>
    public static string Detail(HttpRequest request, IReadOnlyList<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(request);
        string sent = string.IsNullOrWhiteSpace(request.ContentType) ? "no Content-Type" : $"Content-Type '{request.ContentType}'";
        return accepted.Count == 0
            ? $"The request sent {sent}."
            : $"The request sent {sent}; {request.Method} {request.Path} takes {string.Join(", ", accepted)}.";
    }

    public static KeyValuePair<string, object?>[] Extensions(IReadOnlyList<string> accepted) => [new("accepted", accepted)];

    /// <summary>
    /// The media types the endpoint at this request's path and method takes, from its <c>Accepts</c> metadata. Routing
    /// answers 415 before any endpoint runs, so the endpoint is found again from the route table.
    /// </summary>
    public static IReadOnlyList<string> AcceptedBy(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoints = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>();
            if (accepts is null || methods?.HttpMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase) != true)
            {
                continue;
            }

            var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary());
            if (matcher.TryMatch(context.Request.Path, new RouteValueDictionary()))
            {
                return [.. accepts.ContentTypes];
            }
        }

        return [];
    }
}
