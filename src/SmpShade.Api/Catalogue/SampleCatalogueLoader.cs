using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmpShade.Api.Data;

namespace SmpShade.Api.Catalogue;

/// <summary>On the first start (no supplier in the database) loads the bundled illustrative catalogue through the normal import path.</summary>
internal sealed class SampleCatalogueLoader(IServiceScopeFactory scopes, IOptions<CatalogueOptions> options, ILogger<SampleCatalogueLoader> logger)
    : IHostedService
{
    public const string Supplier = "sample";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.LoadSampleOnFirstStart)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmpShadeDbContext>();
        // Replicas starting together check and load in turn, so the sample is loaded once (not as versions 1 and 2).
        await using var firstStart = await DatabaseLock.AcquireAsync(db, DatabaseLock.FirstStart, cancellationToken);
        if (await db.Suppliers.AnyAsync(cancellationToken))
        {
            return;
        }

        string path = options.Value.SampleFile ?? Path.Combine(AppContext.BaseDirectory, "data", "sample-catalogue.csv");
        if (!File.Exists(path))
        {
            logger.LogWarning("The sample catalogue {Path} is missing; starting with no catalogue", path);
            return;
        }

        var builder = new CatalogueBuilder();
        await using (var file = File.OpenRead(path))
        {
            await CsvCatalogueReader.ReadAsync(file, builder, cancellationToken);
        }

        if (builder.ErrorCount > 0)
        {
            // The bundled file is tested; reaching this means it was edited by hand.
            throw new InvalidOperationException($"The sample catalogue {path} is invalid: {string.Join("; ", builder.Errors.Take(5))}");
        }

        var importer = scope.ServiceProvider.GetRequiredService<CatalogueImporter>();
        int version = await importer.ImportAsync(Supplier, builder.Pigments, "csv", "system", cancellationToken);
        logger.LogInformation("Loaded the sample catalogue: {Count} pigments as {Supplier} version {Version}", builder.Pigments.Count, Supplier, version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
