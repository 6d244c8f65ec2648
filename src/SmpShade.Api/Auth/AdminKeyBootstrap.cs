using Microsoft.Extensions.Options;
using SmpShade.Api.Data;

namespace SmpShade.Api.Auth;

/// <summary>
/// On start: seeds <c>Auth:BootstrapAdminKey</c> if it is not stored yet; with none configured and no active admin
/// key, creates one and prints it once on the console (not the log stream, which may be shipped elsewhere).
/// </summary>
internal sealed class AdminKeyBootstrap(IServiceScopeFactory scopes, IOptions<AuthOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        // Replicas starting together seed in turn: one configured key row, one printed first-start key.
        await using var firstStart = await DatabaseLock.AcquireAsync(scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>(), DatabaseLock.FirstStart, cancellationToken);
        string? configured = options.Value.BootstrapAdminKey;
        if (!string.IsNullOrEmpty(configured))
        {
            // Present already (even revoked): leave it, so a revocation survives restarts.
            if (!await keys.ChosenExistsAsync(configured, cancellationToken))
            {
                await keys.StoreChosenAsync(configured, "bootstrap admin (configured)", Roles.Admin, null, cancellationToken);
            }

            return;
        }

        if (await keys.HasActiveAdminAsync(cancellationToken))
        {
            return;
        }

        var (row, key) = await keys.CreateAsync("first-start admin", Roles.Admin, null, cancellationToken);
        await Console.Out.WriteLineAsync($"""

            ================================================================
             SmpShade created an admin API key (id {row.Id}). It is shown
             only this once; store it now. Send it as the X-Api-Key header.

               {key}

            ================================================================

            """);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
