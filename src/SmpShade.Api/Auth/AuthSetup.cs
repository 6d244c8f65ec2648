using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmpShade.Api.Auth;

public static class AuthSetup
{
    /// <summary>API keys and roles: options, the key store, the failed-attempt limiter and the first-start admin key.</summary>
    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.BootstrapAdminKey) || o.BootstrapAdminKey.Length >= AuthOptions.MinBootstrapKeyLength,
                $"Auth:BootstrapAdminKey must be empty or at least {AuthOptions.MinBootstrapKeyLength} characters.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FailedKeyLimiter>();
        services.AddSingleton<ChosenKeyVerifier>();
        services.AddScoped<ApiKeyService>();
        services.AddHostedService<AdminKeyBootstrap>();
        return services;
    }

    /// <summary>Enforces the endpoints' <see cref="AuthEndpointExtensions"/> marks.</summary>
    public static IApplicationBuilder UseApiKeys(this IApplicationBuilder app) => app.UseMiddleware<ApiKeyMiddleware>();
}
