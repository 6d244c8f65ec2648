namespace SmpShade.Api.Infrastructure;

/// <summary>
/// The request line and header limits, answered as problems. Kestrel refuses an over-long request line (414) or
/// header block (431) itself, before any middleware, with an empty body. So Kestrel's own limits are set to four
/// times the service's, and this middleware answers between the two with a problem and a code
/// (<c>request.uri_too_long</c>, <c>request.headers_too_large</c>); only requests past four times the limit still get
/// Kestrel's bare answer. Malformed request lines and headers (a bad method, version or Host) are also Kestrel's
/// bare 400: the application never sees them (docs/api.md, "Errors").
/// </summary>
public static class RequestLimits
{
    /// <summary>Longest path and query, in characters (Kestrel's own default for the whole request line is 8 KiB).</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>Largest header block, names and values, in characters (Kestrel's default is 32 KiB).</summary>
    public const int MaxHeadersLength = 32 * 1024;

    private const int KestrelFactor = 4;

    public static WebApplicationBuilder AddSmpShadeRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = KestrelFactor * MaxTargetLength;
            kestrel.Limits.MaxRequestHeadersTotalSize = KestrelFactor * MaxHeadersLength;
        });
        return builder;
    }

    public static WebApplication UseSmpShadeRequestLimits(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            int target = (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0);
            if (target > MaxTargetLength)
            {
                return Problems.Create(StatusCodes.Status414UriTooLong, "request.uri_too_long", "The URL is too long.",
                    $"The path and query are {target} characters; at most {MaxTargetLength}. Send large inputs in the body.")
                    .ExecuteAsync(context);
            }

            long headers = 0;
            foreach (var (name, values) in request.Headers)
            {
                headers += name.Length + 4 + values.ToString().Length; // ": " and CRLF
            }

            return headers <= MaxHeadersLength
                ? next(context)
                : Problems.Create(StatusCodes.Status431RequestHeaderFieldsTooLarge, "request.headers_too_large", "The request headers are too large.",
                    $"The headers take {headers} characters; at most {MaxHeadersLength}.").ExecuteAsync(context);
        });
        return app;
    }
}
