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

    public static async Task<Results<Ok<AnalysisResult>, ProblemHttpResult>> AnalyseAsync(
        HttpContext context, PhotoAnalyzer analyzer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(analyzer);
        try
        {
            using var slot = analyzer.Reserve(cancellationToken);
            var (photo, options) = await AnalysisForm.ReadAsync(context.Request, analyzer.Options, cancellationToken);
            return TypedResults.Ok(slot.Analyze(photo, options, cancellationToken));
        }
        catch (PhotoRejectedException rejected)
        {
            return ToProblem(context, rejected, analyzer.Options);
        }
    }

    /// <summary>The problem answer for a refused photo (Retry-After on 503). Reused by the matches endpoint.</summary>
    public static ProblemHttpResult ToProblem(HttpContext context, PhotoRejectedException rejected, PhotoOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(options);
        if (rejected.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString();
        }

        return Problems.Create(rejected.Status, rejected.Code, rejected.Title, rejected.Detail);
    }
}
