using Microsoft.Extensions.DependencyInjection.Extensions;
using SmpShade.Api.Matching;

namespace SmpShade.Api.Outcomes;

/// <summary>Registers outcomes and the healed-tone correction (<c>HealedToneLearning:</c> options). Needs AddMatching.</summary>
public static class OutcomesSetup
{
    public static IServiceCollection AddOutcomes(this IServiceCollection services)
    {
        services.AddOptions<HealedToneLearningOptions>().BindConfiguration(HealedToneLearningOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutcomePhysics>();
        services.AddSingleton<TrainingSignal>();
        services.AddSingleton<TrainingGate>();
        services.AddScoped<OutcomeService>();
        services.AddScoped<HealedToneTraining>();
        services.AddScoped<HealedTonePromotions>();
        services.AddSingleton<LoadedCorrections>();
        services.AddScoped<IHealedToneCorrectionSource, PromotedCorrection>();
        services.AddHostedService<BackgroundTraining>();
        return services;
    }
}
