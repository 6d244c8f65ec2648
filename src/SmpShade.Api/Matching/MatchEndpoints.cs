using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Auth;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;

namespace SmpShade.Api.Matching;

/// <summary><c>POST /api/v1/matches</c>: rank the catalogue's pigments by their predicted healed colour.</summary>
public static class MatchEndpoints
{
    /// <summary>Maps the matching routes.</summary>
    public static RouteGroupBuilder MapMatches(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/matches").WithTags("Matching");
        group.MapPost("/", MatchAsync)
            .WithName("Match")
            .WithSummary("Rank pigments × dilutions by how close they heal to the target on this skin")
            .WithDescription("Either JSON (a MatchRequest with measured skinLab and hairLab, or targetLab in custom mode), or "
                + "multipart/form-data as for analyses (a 'photo' file and an 'options' JSON part) plus a 'match' JSON part with "
                + "the match options; the photo's measured hair and skin are used unless the match part gives them. D65 / 2°.")
            .Accepts<MatchRequest>("application/json", "multipart/form-data")
            .AcceptsPhotoForm("match", typeof(MatchRequest), "The match options (mode, top, supplier, years, blends …) as JSON; "
                + "skinLab and hairLab come from the photo unless given here.")
            .DisableAntiforgery()
            .RequireReadAccess()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    /// <summary>Reads either form of the request, validates it at the boundary and runs the match.</summary>
    public static async Task<Results<Ok<MatchResponse>, ProblemHttpResult>> MatchAsync(
        HttpContext context, MatchService matches, PhotoAnalyzer analyzer, CancellationToken cancellationToken)
    {
        MatchRequest? request;
        AnalysisResult? analysis = null;
        if (context.Request.HasFormContentType)
        {
            (request, analysis) = await FromPhotoAsync(context.Request, analyzer, cancellationToken);
        }
        else if (context.Request.HasJsonContentType())
        {
            request = await RequestJson.ReadBodyAsync<MatchRequest>(context.Request, BodyJson, InvalidCode, InvalidTitle, cancellationToken);
        }
        else
        {
            throw UnsupportedMediaType.Problem(context.Request, "application/json", "multipart/form-data");
        }

        var plan = MatchValidation.Validate(request, out var problem);
        if (plan is null)
        {
            return problem!;
        }

        var response = await matches.MatchAsync(plan, cancellationToken);
        return TypedResults.Ok(response with { Analysis = analysis });
    }

    // The analyses form (photo + options) plus a 'match' JSON part; the match options are checked before the photo is decoded.
    private static async Task<(MatchRequest, AnalysisResult?)> FromPhotoAsync(HttpRequest http, PhotoAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var form = await analyzer.ReadUploadAsync(http.HttpContext, "match", cancellationToken);
        var request = RequestJson.Parse<MatchRequest>(form.Part, PartJson, InvalidCode, InvalidTitle) ?? new MatchRequest(null);
        // The photo will supply skin and hair: check everything else with stand-ins for them.
        var preflight = request with { SkinLab = request.SkinLab ?? Placeholder, HairLab = request.HairLab ?? Placeholder };
        if (MatchValidation.Validate(preflight, out _) is null)
        {
            // No photo work for a request that will be refused; the stand-ins let the validation below name the real
            // problem (e.g. a missing targetLab) rather than the skinLab the photo would have given.
            return (preflight, null);
        }

        var analysis = await analyzer.AnalyzeAsync(form.Photo, form.Options, cancellationToken);
        return (request with
        {
            SkinLab = request.SkinLab ?? new LabInput(analysis.Skin.Lab.L, analysis.Skin.Lab.A, analysis.Skin.Lab.B),
            HairLab = request.HairLab ?? new LabInput(analysis.Hair.Lab.L, analysis.Hair.Lab.A, analysis.Hair.Lab.B),
            SkinReference = request.SkinLab is null ? analysis.Reference.Type : request.SkinReference,
        }, analysis);
    }

    private static readonly LabInput Placeholder = new(50, 0, 0);

    private const string InvalidCode = "request.invalid", InvalidTitle = "The body is not a valid match request";

    // A repeated key ({"skinLab": …, "skinLab": …}) is ambiguous: refuse it rather than let the last one silently win.
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web) { AllowDuplicateProperties = false };
    private static readonly JsonSerializerOptions PartJson = new(AnalysisForm.JsonOptions) { AllowDuplicateProperties = false };
}
