using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmpShade.Api.Catalogue;

public static class CatalogueSetup
{
    /// <summary>Catalogue import, reads for matching (<see cref="CatalogueStore"/>) and the first-start sample.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CatalogueImportGate>();
        services.AddScoped<CatalogueImporter>();
        services.AddScoped<CatalogueStore>();
        services.AddHostedService<SampleCatalogueLoader>();
        return services;
    }
}
