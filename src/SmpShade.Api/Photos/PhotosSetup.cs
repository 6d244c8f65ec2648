using SmpShade.Api.Photos.People;

namespace SmpShade.Api.Photos;

/// <summary>Registers photo analysis: its options (section <c>Photos</c>), the people-finding models and the analyser.</summary>
public static class PhotosSetup
{
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PeopleModels>();
        services.AddSingleton<PhotoAnalyzer>();
        services.AddHealthChecks().AddCheck<PeopleModelsHealthCheck>("people", tags: ["ready"]);
        return services;
    }
}
