namespace SmpShade.Api.Photos;

/// <summary>Registers photo analysis: its options (section <c>Photos</c>) and the analyser.</summary>
public static class PhotosSetup
{
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PhotoAnalyzer>();
        return services;
    }
}
