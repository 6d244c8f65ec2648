using Microsoft.Extensions.Options;
using SmpShade.Colour.Healing;

namespace SmpShade.Api.Matching;

/// <summary>Registers matching: the healed-tone options (<c>HealedTone:</c>), the model, caches and the service.</summary>
public static class MatchingSetup
{
    /// <summary>Adds matching's services.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddOptions<HealedToneOptions>().BindConfiguration(HealedToneOptions.Section)
            .Validate(o => !o.Problems().Any(), "HealedTone: options are invalid (HealedToneOptions.Problems lists why).").ValidateOnStart();
        services.AddSingleton(sp => new HealedToneModel(sp.GetRequiredService<IOptions<HealedToneOptions>>().Value));
        services.AddSingleton<MatchRanker>();
        services.AddSingleton<PreparedCatalogueCache>();
        services.AddSingleton<FittedSkins>();
        services.AddSingleton<MatchInputs>();
        services.AddScoped<IPigmentSource, CataloguePigmentSource>();
        services.AddScoped<MatchService>();
        return services;
    }
}
