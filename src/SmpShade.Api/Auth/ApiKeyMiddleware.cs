using Microsoft.Extensions.Options;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Auth;

/// <summary>
/// Checks <c>X-Api-Key</c> on endpoints marked with <see cref="AuthEndpointExtensions"/>, before the body is read,
/// and records the caller for handlers. Endpoints without those marks (health, the page) ignore keys.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, FailedKeyLimiter limiter, IOptionsMonitor<AuthOptions> options)
{
    public const string Header = "X-Api-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        var roles = metadata?.GetMetadata<RequireRolesMetadata>();
        if (roles is null && metadata?.GetMetadata<ReadAccessMetadata>() is null)
        {
            await next(context);
            return;
        }

        string client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
        string? presented = context.Request.Headers[Header];
        ApiCaller? caller = null;
        if (!string.IsNullOrEmpty(presented))
        {
            // The key is checked first: one that verifies is never refused, whatever others sent from this address.
            var keys = context.RequestServices.GetRequiredService<ApiKeyService>();
            (caller, string? targeted) = await keys.AuthenticateAsync(presented, context.RequestAborted);
            if (caller is null)
            {
                var wait = limiter.RetryAfter(client, targeted);
                limiter.RecordFailure(client, targeted);
                if (wait is not null)
                {
                    await TooManyAsync(context, wait.Value);
                    return;
                }

                await Problems.Create(StatusCodes.Status401Unauthorized, "auth.key_invalid", "The API key is not valid.",
                    "The X-Api-Key header names no active key (unknown or revoked).").ExecuteAsync(context);
                return;
            }

            context.Features.Set(caller);
        }

        if (caller is null && (roles is not null || options.CurrentValue.RequireKeyForReads))
        {
            await Problems.Create(StatusCodes.Status401Unauthorized, "auth.key_required", "An API key is required.",
                $"Send a key in the {Header} header.").ExecuteAsync(context);
            return;
        }

        if (roles is not null && !roles.Roles.Contains(caller!.Role))
        {
            await Problems.Create(StatusCodes.Status403Forbidden, "auth.forbidden", "This key may not do that.",
                $"Needs the role {string.Join(" or ", roles.Roles)}; the key has {caller.Role}.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static Task TooManyAsync(HttpContext context, TimeSpan wait)
    {
        int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Create(StatusCodes.Status429TooManyRequests, "auth.too_many_attempts", "Too many failed key attempts.",
            $"Try again in {seconds} s.", [new("retryAfterSeconds", seconds)]).ExecuteAsync(context);
    }
}
