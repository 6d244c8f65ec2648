using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Auth;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Photos;

/// <summary><c>POST /api/v1/analyses</c>: a photo in, measured hair and skin colours out (issue 3).</summary>
public static class AnalysesEndpoints
{
    public static RouteGroupBuilder MapAnalyses(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analyses").WithTags("Analyses");
        // Load the people-finding models now, so the start log says whether they work (not the first photo).
        _ = app.ServiceProvider.GetRequiredService<People.PeopleModels>();

        group.MapPost("/", AnalyseAsync)
            .WithName("AnalysePhoto")
            .RequireReadAccess()
            .WithSummary("Measure hair and skin colour (CIELAB D65) in a photo")
            .WithDescription("multipart/form-data: a 'photo' file (JPEG, PNG, WebP, TIFF) and an optional 'options' JSON part "
                + "with regions (normalised rect or polygon) and the reference (none, greyCard, colorChecker24). Stores nothing.")
            .Accepts<IFormFile>("multipart/form-data")
            .AcceptsPhotoForm()
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return group;
    }

    // Refusals (a bad photo or options, a full house) are thrown as ProblemException and answered by the host.
    public static async Task<Ok<AnalysisResult>> AnalyseAsync(HttpContext context, PhotoAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var form = await analyzer.ReadUploadAsync(context, part: null, cancellationToken);
        return TypedResults.Ok(await analyzer.AnalyzeAsync(form.Photo, form.Options, cancellationToken));
    }
}
