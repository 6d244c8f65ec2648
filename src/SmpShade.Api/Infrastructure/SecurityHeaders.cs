namespace SmpShade.Api.Infrastructure;

/// <summary>
/// Headers that keep the page from being framed, sniffed or made to run anything but its own files: every answer
/// carries <c>X-Content-Type-Options: nosniff</c>, and every answer outside Swagger UI (whose page has inline script)
/// a Content-Security-Policy allowing only the service's own scripts, styles and connections, the photo as a blob:
/// URL, and no framing (<c>frame-ancestors 'none'</c>, and <c>X-Frame-Options: DENY</c> for older browsers).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy; the page is plain modules and a stylesheet from wwwroot, with no inline script or style.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(next => context =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (!context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
